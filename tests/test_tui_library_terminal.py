"""`briefing DIR` in a real terminal (tmux, 80×24): the index is built by the process pool while the
library is on screen, search works, `q` exits cleanly, and a second start lists the reports from the
cache. Inside the app `sys.stderr` is Textual's capture, which broke starting the pool once; only a real
run with more files than the library parses inline (24) exercises that path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tmux import TMUX, Terminal

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(TMUX is None, reason="tmux is not installed")]


def write_corpus(root: Path, n: int = 40) -> None:
    for i in range(n):
        folder = root / f"part{i % 2}"  # reports in sub-folders: a folder is indexed recursively
        folder.mkdir(parents=True, exist_ok=True)
        word = "zanzibarite" if i == 7 else "harbour"
        (folder / f"report_{i:02}.md").write_text(
            f"---\ntitle: Report number {i}\ndate: 2024-03-{1 + i % 28:02}\n---\n\n"
            f"Officials in Lisbon met on Monday to discuss the {word} dispute, a spokesperson said.\n",
            encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str | None]]]:
    root = tmp_path / "reports"
    write_corpus(root)
    env: dict[str, str | None] = {"XDG_CONFIG_HOME": str(tmp_path / "config"),
                                  "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "BRIEFING_CONFIG": None,
                                  "NO_COLOR": None, "TERM": "screen-256color", "COLORTERM": None}
    yield root, env


def test_a_folder_is_indexed_by_the_pool_searched_and_reopened_from_the_cache(
        tmp_path: Path, corpus: tuple[Path, dict[str, str | None]]) -> None:
    root, env = corpus
    run1 = tmp_path / "run1"
    run1.mkdir()
    t = Terminal(run1, [str(root), "--workers", "2"], env)
    try:
        screen = t.wait_for("40 reports", "Report number", timeout=60)
        assert "indexing failed" not in screen
        t.wait_for("Reports 40")
        t.keys("/", *"zanzib")
        screen = t.wait_for("1 matching report", "Report number 7")
        t.keys("Enter", "Enter")
        t.wait_for("search: zanzib", "Source")
        t.keys("q")
        assert t.exit_code() == 0
    finally:
        t.close()
    assert (tmp_path / "cache" / "library.sqlite3").exists()

    run2 = tmp_path / "run2"
    run2.mkdir()
    t = Terminal(run2, [str(root)], env)
    try:
        screen = t.wait_for("40 reports", "Report number")
        assert "/ 40 " not in screen  # listed from the cache: no file to parse again
        t.keys("q")
        assert t.exit_code() == 0
    finally:
        t.close()
