"""`briefing index / search / dossier / timeline / cache`: JSON output, human output, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import briefing_command
from library_fakes import FakeParser, Report

from briefing.cli import main
from briefing.library import worker


def md(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\n---\n\n# {title}\n\n{body}\n"


REPORTS = {
    "a.md": (md("Cabinet meets", "2024-10-01", 'Benjamin Netanyahu met his cabinet. "We will respond," he said.'),
             Report(actors=[("Benjamin Netanyahu", "person", ["Prime Minister"], ["Netanyahu"])],
                    quotes=[("We will respond", "Benjamin Netanyahu")],
                    events=[("2024-10-01", "Benjamin Netanyahu met his cabinet", ["Benjamin Netanyahu"])])),
    "b.md": (md("Trip barred", "2024-10-05", "Netanyahu barred the trip to Washington."),
             Report(actors=[("Netanyahu", "person", [], [])],
                    events=[("2024-09-30", "Netanyahu barred the trip to Washington", ["Netanyahu"])])),
    "c.txt": ("Harbour cranes \x1b[2J stood idle in Lisbon.\n", Report()),
}


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    for name, (text, _) in REPORTS.items():
        (d / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(worker, "default_parse", FakeParser({n: spec for n, (_, spec) in REPORTS.items()}))
    return d


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_index_json_then_nothing_to_do(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "index", str(root), "--workers", "0", "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert (data["parsed"], data["reports"], data["skipped"]) == (3, 3, 0)
    assert Path(data["cache"]).name == "library.sqlite3"
    code, out, _ = run(capsys, "index", str(root), "--workers", "0", "--json")
    assert json.loads(out)["parsed"] == 0 and json.loads(out)["unchanged"] == 3


def test_index_human_summary_and_no_progress_bar_off_a_terminal(root: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "index", str(root), "--workers", "0")
    assert code == 0
    assert out.startswith("3 reports indexed (3 parsed, 0 unchanged)")
    assert err == ""  # stderr is not a terminal here: no progress bar


def test_index_warns_once_per_bad_file_and_still_succeeds(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (root / "photo.md").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    code, _, err = run(capsys, "index", str(root), "--workers", "0", "--quiet")
    assert code == 0
    assert err.splitlines() == [f"briefing: {root / 'photo.md'}: binary file (a JPEG image), not a text report "
                                "(skipped)"]


def test_missing_folder_is_exit_1_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for cmd in (["index"], ["search", "x"], ["dossier", "x"], ["timeline"]):
        code, out, err = run(capsys, *cmd, str(tmp_path / "nope"))
        assert code == 1 and out == ""
        assert err == f"briefing: {tmp_path / 'nope'}: no such file\n"


def test_search_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "cabinet", str(root), "--workers", "0", "--json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 1
    hit = data["results"][0]
    assert Path(hit["path"]).name == "a.md" and hit["title"] == "Cabinet meets" and hit["published"] == "2024-10-01"
    text = (root / "a.md").read_text()
    assert text[hit["offset"] : hit["end"]].lower() == "cabinet"
    assert "cabinet" in hit["snippet"]


def test_search_human_output_is_plain(root: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    code, out, _ = run(capsys, "search", "harbour", "--workers", "0")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("c.txt:1  undated  ")
    assert "\x1b" not in out and "Harbour cranes" in lines[1]


def test_search_no_hits_and_hostile_query_exit_0(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ["zebra", 'NEAR("(', "*", '"']:
        code, out, err = run(capsys, "search", query, str(root), "--workers", "0", "--json")
        assert code == 0 and json.loads(out)["count"] == 0, (query, err)


def test_search_empty_query_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "  ", str(root))
    assert code == 2 and "empty" in err


def test_dossier_json_merges_surname(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dossier", "Netanyahu", str(root), "--workers", "0", "--json")
    d = json.loads(out)
    assert code == 0 and d["name"] == "Benjamin Netanyahu"
    assert [Path(r["path"]).name for r in d["reports"]] == ["a.md", "b.md"]
    assert [e["date_start"] for e in d["events"]] == ["2024-09-30", "2024-10-01"]
    assert d["quotes"][0]["text"] == "We will respond"
    assert d["titles"] == [{"title": "Prime Minister", "first": "2024-10-01", "last": "2024-10-01", "reports": 1}]


def test_dossier_human_and_not_found(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dossier", "Benjamin Netanyahu", str(root), "--workers", "0")
    assert code == 0
    assert out.splitlines()[0] == "Benjamin Netanyahu (person)"
    assert "“We will respond”" in out
    code, out, err = run(capsys, "dossier", "Golda Meir", str(root), "--workers", "0")
    assert code == 1 and out == "" and err == "briefing: dossier: no report mentions 'Golda Meir'\n"
    code, out, _ = run(capsys, "dossier", "Golda Meir", str(root), "--workers", "0", "--json")
    assert code == 1 and json.loads(out) is None


def test_timeline_json_is_chronological(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", str(root), "--workers", "0", "--json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 2
    assert [(e["date_start"], Path(e["path"]).name) for e in data["events"]] == [
        ("2024-09-30", "b.md"), ("2024-10-01", "a.md")]
    e = data["events"][0]
    assert (root / "b.md").read_text()[e["start"] : e["end"]] == e["description"]


def test_no_cache_leaves_no_file(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cc"))
    code, out, _ = run(capsys, "search", "cabinet", str(root), "--workers", "0", "--no-cache", "--json")
    assert code == 0 and json.loads(out)["count"] == 1
    assert not (tmp_path / "cc").exists()


def test_cache_path_info_clear(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cc"))
    code, out, _ = run(capsys, "cache", "path")
    assert code == 0 and out.strip() == str(tmp_path / "cc" / "library.sqlite3")
    run(capsys, "index", str(root), "--workers", "0")
    code, out, _ = run(capsys, "cache", "info", "--json")
    info = json.loads(out)
    assert code == 0 and info["exists"] and info["reports"] == 3 and info["current"] is True
    code, out, _ = run(capsys, "cache", "clear")
    assert code == 0 and out.startswith("removed ")
    assert not (tmp_path / "cc" / "library.sqlite3").exists()
    assert run(capsys, "cache", "clear")[1].startswith("no cache")


@pytest.mark.parametrize("command", ["index", "search", "dossier", "timeline", "cache"])
def test_help_and_version(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and out.startswith(f"usage: briefing {command}")
    code, out, _ = run(capsys, command, "--version")
    assert code == 0 and out.startswith(f"briefing {command} ")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "search")[0] == 2
    assert run(capsys, "index", "--workers", "-1")[0] == 2
    assert run(capsys, "cache", "explode")[0] == 2


def test_installed_command_end_to_end(tmp_path: Path) -> None:
    d = tmp_path / "r"
    d.mkdir()
    (d / "one.md").write_text(md("Port strike", "2024-10-08", "Dockworkers walked out in Lisbon."))
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([*briefing_command(), "search", "dockworkers", str(d), "--json"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [Path(h["path"]).name for h in json.loads(proc.stdout)["results"]] == ["one.md"]
    proc = subprocess.run([*briefing_command(), "index", str(d / "missing")], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1


def test_an_unreadable_named_file_is_exit_1(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = root / "scan.md"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(64))
    code, out, err = run(capsys, "search", "cabinet", str(bad), str(root / "a.md"), "--workers", "0", "--json")
    assert code == 1
    assert err == f"briefing: {bad}: binary file (a PDF document), not a text report (skipped)\n"
    assert json.loads(out)["count"] == 1  # the readable one was still searched


def test_progress_bar_draws_one_line_and_clears_it() -> None:
    import io

    from briefing.commands._library import ProgressBar
    from briefing.library import Progress

    out = io.StringIO()
    bar = ProgressBar(out, width=10)
    bar(Progress("parse", 5, 10, 0, 0))
    bar.clear()
    drawn, cleared = out.getvalue().split("\x1b[K", 1)[0], out.getvalue().rsplit("\r", 1)[1]
    assert drawn.startswith("\rindexing  5/10 [#####.....]  50%")
    assert "\n" not in out.getvalue() and cleared == "\x1b[K"
