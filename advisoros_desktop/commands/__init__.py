"""Every user action declared once (registry), and the undoable commands."""
