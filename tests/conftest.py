"""Shared fixtures: paths to the seed and samples, and an isolated config/cache for every test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_226388b4aeac2740.txt"
SAMPLES = ROOT / "sample_reports"


def briefing_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m briefing`."""
    exe = Path(sys.executable).with_name("briefing")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefing"]


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never read or write the developer's real config or cache from tests.
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(base / "cache" / "briefing"))
    os.makedirs(base / "config", exist_ok=True)


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
