"""Screen stylesheets that are read only when their screen is first shown.

The app's stylesheet (`styles/reader.tcss`) holds what the report screen needs: Textual parses every
rule of it at start-up and checks every node it styles against all of them. The library, dossier and
skipped-files screens bring their own `.tcss` as their DEFAULT_CSS, which Textual adds (and parses)
when such a screen is first registered, without re-reading the rest.
"""

from __future__ import annotations

from ..resources import styles_dir


def screen_css(name: str) -> str:
    """The text of `styles/NAME.tcss`."""
    return (styles_dir() / f"{name}.tcss").read_text(encoding="utf-8")
