"""briefing: read a report as summary, actors, quotes and timeline.

`parse_text` and `parse_file` are imported lazily so `briefing --version` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Briefing", "LoadError", "__version__", "parse_bytes", "parse_file", "parse_text"]

if TYPE_CHECKING:
    from .load import LoadError
    from .model import Briefing
    from .pipeline import parse_bytes, parse_file, parse_text


def __getattr__(name: str) -> Any:
    if name in ("parse_text", "parse_file", "parse_bytes"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Briefing":
        from .model import Briefing

        return Briefing
    if name == "LoadError":
        from .load import LoadError

        return LoadError
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
