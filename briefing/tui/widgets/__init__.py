"""Widgets of the reader: the virtual item list, the source view, the tab line and the filter box."""
