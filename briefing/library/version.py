"""The parser version the cache is keyed by: a cached result from another parser is never shown.

It combines the package version, the model's `SCHEMA_VERSION`, `EXTRACTOR_VERSION` (bump it when
extraction changes meaning) and a fingerprint of the parsing code and data itself, because extractors
change far more often than anyone remembers to bump a constant.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

EXTRACTOR_VERSION = 1

_PACKAGE = Path(__file__).resolve().parent.parent
# Code that cannot change what a report parses to or what the index stores (the UI, the command line,
# the library's queries) stays out of the fingerprint: editing it must not re-parse every user's library.
_NOT_PARSING = ("tui", "commands", "__pycache__", "_data", "cli.py", "__main__.py")
_QUERIES = frozenset(("library/search.py", "library/dossier.py", "library/story.py", "library/results.py"))


def _parsing_files() -> list[Path]:
    files = []
    for p in _PACKAGE.rglob("*"):
        rel = p.relative_to(_PACKAGE)
        if (rel.parts[0] in _NOT_PARSING or "__pycache__" in rel.parts or rel.as_posix() in _QUERIES
                or not p.is_file()):
            continue
        if p.suffix == ".py" or "data" in rel.parts[:-1]:
            files.append(p)
    return sorted(files)


@cache
def code_fingerprint() -> str:
    h = hashlib.sha256()
    for p in _parsing_files():
        h.update(p.relative_to(_PACKAGE).as_posix().encode())
        h.update(b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"?")
        h.update(b"\0")
    return h.hexdigest()[:12]


def schema_version() -> str:
    """`briefing.model.SCHEMA_VERSION`, read from the source the fingerprint hashes anyway, so that
    opening the library (listing reports) does not import pydantic."""
    import re

    try:
        m = re.search(r'^SCHEMA_VERSION = "([^"]+)"', (_PACKAGE / "model.py").read_text(encoding="utf-8"), re.M)
    except OSError:
        m = None
    if m:
        return m.group(1)
    from ..model import SCHEMA_VERSION

    return SCHEMA_VERSION


@cache
def parser_version() -> str:
    from .. import __version__

    return f"{__version__}/schema-{schema_version()}/extract-{EXTRACTOR_VERSION}/{code_fingerprint()}"
