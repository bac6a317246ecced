document.title += " (changed)";
