"""The Qt user interface: windows, views and widgets over the layers below."""
