"""Word lists for the time-expression step, read once from `data/timex_words.txt` (shipped in the package)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "timex_words.txt"


@cache
def _sections() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in _DATA.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.lower().split())
    return {k: frozenset(v) for k, v in out.items()}


def words(section: str) -> frozenset[str]:
    """The words of one `[section]` of the data file."""
    return _sections().get(section, frozenset())
