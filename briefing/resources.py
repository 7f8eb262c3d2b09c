"""Where the bundled styles and sample reports are: inside the wheel, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name  # editable install or a source checkout


def styles_dir() -> Path:
    return _find("styles")


def samples_dir() -> Path:
    return _find("sample_reports")
