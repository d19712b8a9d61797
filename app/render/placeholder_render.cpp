// PLACEHOLDER so the render layer has a source until its code lands.
