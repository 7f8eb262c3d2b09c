"""The report library: an index of many reports for listing, search, actor dossiers and story timelines.

See `api.Library` for the entry point and `results` for what it returns.
"""

from __future__ import annotations

from .api import Library, default_workers
from .cachedir import db_path, default_cache_dir
from .results import (
    Candidate,
    Dossier,
    DossierQuote,
    DossierReport,
    LibraryEntry,
    Progress,
    RefreshStats,
    SearchHit,
    StoryEvent,
    TitleSpan,
    to_jsonable,
)
from .version import EXTRACTOR_VERSION, parser_version

__all__ = [
    "EXTRACTOR_VERSION",
    "Candidate",
    "Dossier",
    "DossierQuote",
    "DossierReport",
    "Library",
    "LibraryEntry",
    "Progress",
    "RefreshStats",
    "SearchHit",
    "StoryEvent",
    "TitleSpan",
    "db_path",
    "default_cache_dir",
    "default_workers",
    "parser_version",
    "to_jsonable",
]
