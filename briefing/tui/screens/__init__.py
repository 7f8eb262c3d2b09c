"""Screens of the reader: report, library, help and error."""
