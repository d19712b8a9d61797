// PLACEHOLDER so the ui layer has a source until its code lands.
