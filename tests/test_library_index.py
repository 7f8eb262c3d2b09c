"""The library index: build, incremental updates, cache hits, corrupt and stale caches, bad files."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from library_fakes import FakeParser

from briefing.library import Library
from briefing.library import version as library_version


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def report(title: str, body: str, date: str = "2024-10-08") -> str:
    return f"---\ntitle: {title}\ndate: {date}\n---\n\n# {title}\n\n{body}\n"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    write(root / "port.md", report("Port strike spreads", "Dockworkers walked out in Lisbon on Monday."))
    write(root / "drought.md", report("Drought deal signed", "Spain and Portugal agreed to release water.",
                                      "2024-03-14"))
    write(root / "wire" / "gaza.txt", "Officials said the visit to the Pentagon was called off.\n")
    return root


def paths(lib: Library) -> set[str]:
    return {os.path.basename(e.path) for e in lib.entries()}


def test_index_build_lists_every_report_with_metadata(reports: Path, tmp_path: Path) -> None:
    parser = FakeParser()
    lib = Library([reports], cache_dir=tmp_path / "cache", workers=0, parse=parser)
    stats = lib.refresh()
    assert (stats.found, stats.parsed, stats.skipped) == (3, 3, 0)
    entries = lib.entries()
    assert [e.display_title for e in entries] == ["Port strike spreads", "Drought deal signed", "gaza.txt"]
    assert str(entries[0].published) == "2024-10-08"
    assert (tmp_path / "cache" / "library.sqlite3").exists()


def test_unchanged_reports_are_never_parsed_twice(reports: Path, tmp_path: Path) -> None:
    parser = FakeParser()
    Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser).refresh()
    assert parser.total == 3
    # A new Library (a new run of the program) over the same cache: nothing to parse.
    again = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser)
    assert len(again.entries()) == 3  # listed from the index before any refresh
    stats = again.refresh()
    assert parser.total == 3
    assert stats.unchanged == 3 and stats.parsed == 0


def test_touched_file_with_same_content_is_hashed_not_parsed(reports: Path, tmp_path: Path) -> None:
    parser = FakeParser()
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser)
    lib.refresh()
    port = reports / "port.md"
    st = port.stat()
    os.utime(port, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    stats = lib.refresh()
    assert stats.same_content == 1 and parser.total == 3
    assert lib.refresh().unchanged == 3  # the new stat was stored


def test_incremental_add_modify_delete(reports: Path, tmp_path: Path) -> None:
    parser = FakeParser()
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser)
    lib.refresh()
    write(reports / "new.md", report("Ceasefire talks resume", "Envoys met in Cairo."))
    write(reports / "port.md", report("Port strike ends", "Dockworkers returned to work in Lisbon."))
    (reports / "drought.md").unlink()
    stats = lib.refresh()
    assert (stats.parsed, stats.removed, stats.unchanged) == (2, 1, 1)
    assert parser.calls["new.md"] == 1 and parser.calls["port.md"] == 2 and parser.calls["gaza.txt"] == 1
    assert paths(lib) == {"new.md", "port.md", "gaza.txt"}
    assert "Port strike ends" in {e.title for e in lib.entries()}
    assert lib.search("drought") == []  # the deleted report left the full-text index too
    assert [os.path.basename(h.path) for h in lib.search("returned")] == ["port.md"]
    assert lib.search("walked") == []  # the old text of the modified report is gone


def test_deleting_a_folder_removes_its_reports(reports: Path, tmp_path: Path) -> None:
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=FakeParser())
    lib.refresh()
    (reports / "wire" / "gaza.txt").unlink()
    (reports / "wire").rmdir()
    assert lib.refresh().removed == 1
    assert paths(lib) == {"port.md", "drought.md"}


def test_scope_is_the_given_roots(reports: Path, tmp_path: Path) -> None:
    other = write(tmp_path / "elsewhere" / "x.md", report("Elsewhere", "Unrelated text."))
    cache = tmp_path / "c"
    Library([other.parent], cache_dir=cache, workers=0, parse=FakeParser()).refresh()
    lib = Library([reports], cache_dir=cache, workers=0, parse=FakeParser())
    lib.refresh()
    assert "x.md" not in paths(lib)
    assert lib.search("unrelated") == []
    # A folder whose name starts like another's is not inside it.
    write(tmp_path / "reports2" / "y.md", report("Sibling", "Sibling folder."))
    Library([tmp_path / "reports2"], cache_dir=cache, workers=0, parse=FakeParser()).refresh()
    assert "y.md" not in paths(lib)
    assert len(Library([], cache_dir=cache).entries()) == 5  # no roots: the whole index


def test_load_briefing_is_a_cache_read_when_unchanged(reports: Path, tmp_path: Path) -> None:
    parser = FakeParser()
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser)
    lib.refresh()
    b = lib.load_briefing(reports / "port.md")
    assert b.title == "Port strike spreads" and parser.total == 3
    assert b.text == (reports / "port.md").read_text()
    write(reports / "port.md", report("Port strike ends", "Back to work."))
    assert lib.load_briefing(reports / "port.md").title == "Port strike ends"
    assert parser.calls["port.md"] == 2
    lib.load_briefing(reports / "port.md")
    assert parser.calls["port.md"] == 2  # the re-parse was cached


def test_load_briefing_of_a_missing_file_raises_load_error(tmp_path: Path) -> None:
    from briefing import LoadError

    lib = Library([tmp_path], cache_dir=tmp_path / "c", workers=0)
    with pytest.raises(LoadError, match="no such file"):
        lib.load_briefing(tmp_path / "nope.md")


def test_corrupt_cache_is_rebuilt_not_fatal(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    Library([reports], cache_dir=cache, workers=0, parse=FakeParser()).refresh()
    db = cache / "library.sqlite3"
    for companion in cache.glob("library.sqlite3-*"):
        companion.unlink()
    db.write_bytes(b"\x00garbage\xff" * 5000)
    parser = FakeParser()
    lib = Library([reports], cache_dir=cache, workers=0, parse=parser)
    assert lib.cache_rebuilt and lib.cache_warning is None
    assert lib.entries() == []
    stats = lib.refresh()
    assert stats.parsed == 3 and parser.total == 3
    assert len(lib.search("dockworkers")) == 1
    with sqlite3.connect(db) as conn:  # a real database again
        assert conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 3


def test_corruption_found_after_opening_resets_the_cache(reports: Path, tmp_path: Path) -> None:
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=FakeParser())
    lib.refresh()
    lib.store.conn.execute("DROP TABLE fts")  # what a damaged or foreign file looks like to a query
    assert lib.search("dockworkers") == []  # no exception
    assert lib.cache_rebuilt
    assert lib.refresh().parsed == 3
    assert len(lib.search("dockworkers")) == 1


def test_old_version_cache_is_rebuilt(reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parser = FakeParser()
    Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser).refresh()
    monkeypatch.setattr(library_version, "EXTRACTOR_VERSION", library_version.EXTRACTOR_VERSION + 1)
    library_version.parser_version.cache_clear()
    try:
        lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser)
        assert lib.cache_rebuilt
        assert lib.refresh().parsed == 3
        assert parser.total == 6
    finally:
        library_version.parser_version.cache_clear()


def test_old_layout_cache_is_rebuilt(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    Library([reports], cache_dir=cache, workers=0, parse=FakeParser()).refresh()
    with sqlite3.connect(cache / "library.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 0")
    parser = FakeParser()
    lib = Library([reports], cache_dir=cache, workers=0, parse=parser)
    assert lib.cache_rebuilt and lib.entries() == []
    lib.refresh()
    assert parser.total == 3


def test_no_cache_writes_nothing(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    lib = Library([reports], cache_dir=cache, use_cache=False, workers=0, parse=FakeParser())
    assert lib.refresh().parsed == 3
    assert len(lib.search("dockworkers")) == 1
    assert not cache.exists()


def test_unwritable_cache_folder_falls_back_to_memory(reports: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    lib = Library([reports], cache_dir=blocker / "cache", workers=0, parse=FakeParser())
    assert lib.cache_warning and "memory" in lib.cache_warning
    assert lib.refresh().parsed == 3


def test_environment_variable_sets_the_cache_folder(reports: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "envcache"))
    Library([reports], workers=0, parse=FakeParser()).refresh()
    assert (tmp_path / "envcache" / "library.sqlite3").exists()


def test_bad_files_are_skipped_with_one_warning_each(reports: Path, tmp_path: Path) -> None:
    (reports / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    os.mkfifo(reports / "pipe.md")
    (reports / "loop.md").symlink_to(reports / "loop.md")
    (reports / "wire" / "up").symlink_to(reports)  # a folder cycle
    (reports / "dangling.txt").symlink_to(reports / "missing.txt")
    warned: list[tuple[str, str]] = []
    parser = FakeParser()
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=parser)
    stats = lib.refresh(warn=lambda p, r: warned.append((os.path.basename(p), r)))
    reasons = dict(warned)
    assert set(reasons) == {"image.md", "pipe.md", "loop.md", "up", "dangling.txt"}
    assert "binary" in reasons["image.md"]
    assert reasons["pipe.md"] == "not a regular file"
    assert "loop" in reasons["loop.md"] and "loop" in reasons["up"]
    assert stats.parsed == 3 and paths(lib) == {"port.md", "drought.md", "gaza.txt"}
    # The verdict on a bad file is remembered: it is not read again, but still reported.
    calls = parser.total
    again: list[str] = []
    lib.refresh(warn=lambda p, r: again.append(os.path.basename(p)))
    assert "image.md" in again and parser.total == calls


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_skipped(reports: Path, tmp_path: Path) -> None:
    secret = write(reports / "secret.md", "classified")
    secret.chmod(0)
    stats = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=FakeParser()).refresh()
    assert ("permission denied" in dict((os.path.basename(p), r) for p, r in stats.warnings)["secret.md"])


def test_parser_crash_costs_one_report_not_the_index(reports: Path, tmp_path: Path) -> None:
    inner = FakeParser()

    def flaky(data: bytes, path: str):  # type: ignore[no-untyped-def]
        if path.endswith("port.md"):
            raise ValueError("extractor bug")
        return inner(data, path)

    stats = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=flaky).refresh()
    assert stats.parsed == 2
    assert any("parser error: ValueError: extractor bug" in r for _, r in stats.warnings)


def test_progress_reports_parse_phase_and_cancel_stops(reports: Path, tmp_path: Path) -> None:
    import threading

    for i in range(10):
        write(reports / "more" / f"r{i}.md", report(f"Report {i}", f"Body number {i}."))
    seen = []
    lib = Library([reports], cache_dir=tmp_path / "c", workers=0, parse=FakeParser())
    stats = lib.refresh(progress=seen.append)
    assert seen[0].phase == "scan" and seen[-1].phase == "done"
    assert seen[-1].done == seen[-1].total == 13 == seen[-1].committed
    cancel = threading.Event()
    cancel.set()
    write(reports / "late.md", report("Late", "Late report."))
    stats = lib.refresh(cancel=cancel)
    assert stats.cancelled and stats.parsed == 0


def test_process_pool_indexes_a_larger_folder(tmp_path: Path) -> None:
    # Above the inline threshold the default parser runs in worker processes.
    root = tmp_path / "many"
    for i in range(40):
        write(root / f"r{i:02d}.md", report(f"Harbour report {i}", f"Cranes number {i} were idle.",
                                             f"2024-01-{i % 28 + 1:02d}"))
    lib = Library([root], cache_dir=tmp_path / "c", workers=2)
    t = time.perf_counter()
    stats = lib.refresh()
    assert stats.workers == 2 and stats.parsed == 40, stats
    assert time.perf_counter() - t < 30
    assert len(lib.entries()) == 40
    assert lib.entries()[0].title == "Harbour report 27"  # newest first (2024-01-28)


def test_a_library_without_roots_refreshes_what_the_index_knows(reports: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    Library([reports], cache_dir=cache, workers=0, parse=FakeParser()).refresh()
    (reports / "drought.md").unlink()
    write(reports / "port.md", report("Port strike ends", "Back to work."))
    parser = FakeParser()
    everything = Library([], cache_dir=cache, workers=0, parse=parser)
    stats = everything.refresh()
    assert (stats.removed, stats.parsed, stats.unchanged) == (1, 1, 1)
    assert paths(everything) == {"port.md", "gaza.txt"}


def test_parser_version_covers_extraction_but_not_the_ui_or_the_queries() -> None:
    """Editing the reader, the command line or how the library is queried keeps every user's index;
    editing an extractor or its word lists re-parses (the cached results could be stale)."""
    files = {p.relative_to(library_version._PACKAGE).as_posix() for p in library_version._parsing_files()}
    assert "extract/quotes.py" in files and "model.py" in files and "library/records.py" in files
    assert any(f.startswith("extract/data/") for f in files)
    assert not any(f.startswith(("tui/", "commands/")) for f in files)
    assert not files & {"cli.py", "library/search.py", "library/dossier.py", "library/story.py"}
