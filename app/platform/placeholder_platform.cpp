// PLACEHOLDER so the platform layer has a source until its code lands.
