"""The command line as a script uses it: output, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from briefing import __version__
from tests.conftest import briefing_command


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*briefing_command(), *args], input=stdin, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def schema() -> dict:
    out = run("schema")
    assert out.returncode == 0
    return json.loads(out.stdout)


def test_parse_seed_prints_json_valid_against_the_schema(seed_path: Path, schema: dict) -> None:
    out = run("parse", str(seed_path), "--date", "2024-10-08")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, schema)
    assert data["text"] == seed_path.read_text(encoding="utf-8")
    assert data["published"] == "2024-10-08"
    assert data["source"]["path"] == str(seed_path)


def test_parse_reads_stdin() -> None:
    out = run("parse", "-", stdin=b"Hello.\n")
    assert out.returncode == 0
    assert json.loads(out.stdout)["text"] == "Hello.\n"


def test_markdown_output_is_a_readable_briefing(tmp_path: Path) -> None:
    src = tmp_path / "r.md"
    src.write_text("---\ntitle: Budget vote\ndate: 2024-03-04\n---\n\n## Summary\n\n- The budget passed.\n")
    out = run("parse", str(src), "--markdown")
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "title: Budget vote" in text
    assert "## Summary\n\n- The budget passed." in text


def test_output_file_is_written_and_input_untouched(tmp_path: Path, seed_path: Path) -> None:
    target = tmp_path / "out.json"
    out = run("parse", str(seed_path), "-o", str(target))
    assert out.returncode == 0 and out.stdout == b""
    assert json.loads(target.read_text())["id"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temp file left behind


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["parse", "/definitely/not/here.txt"], "/definitely/not/here.txt: no such file"),
        (["parse", "."], ".: is a directory"),
    ],
)
def test_unreadable_input_exits_1_with_one_line(args: list[str], needle: str) -> None:
    out = run(*args)
    assert out.returncode == 1
    err = out.stderr.decode()
    assert needle in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_binary_stdin_exits_1() -> None:
    out = run("parse", "-", stdin=b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert out.returncode == 1
    assert b"<stdin>: binary file" in out.stderr


def test_size_cap_refuses_and_can_be_raised(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Words here. " * 200)
    refused = run("parse", str(p), "--max-bytes", "1K")
    assert refused.returncode == 1 and b"too large" in refused.stderr
    assert run("parse", str(p), "--max-bytes", "1M").returncode == 0


@pytest.mark.parametrize(
    "args",
    [["parse"], ["parse", "x", "--date", "yesterday"], ["parse", "x", "--format", "pdf"], ["--no-such-flag"],
     ["parse", "x", "--json", "--markdown"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert b"usage:" in out.stderr


@pytest.mark.parametrize("args", [["--version"], ["parse", "--version"], ["schema", "--version"]])
def test_version(args: list[str]) -> None:
    out = run(*args)
    assert out.returncode == 0
    assert __version__ in out.stdout.decode()


@pytest.mark.parametrize("args", [["--help"], ["parse", "--help"], ["schema", "--help"]])
def test_help(args: list[str]) -> None:
    out = run(*args)
    assert out.returncode == 0
    assert out.stdout.decode().startswith("usage: briefing")


def test_closed_stdout_is_not_an_error(seed_path: Path) -> None:
    cmd = " ".join(briefing_command()) + f" parse {seed_path} | head -c 10 > /dev/null"
    out = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, timeout=60)
    assert b"Traceback" not in out.stderr


def test_markdown_export_reads_back_as_the_same_briefing(seed_path: Path, tmp_path: Path) -> None:
    from briefing import parse_file

    exported = tmp_path / "seed.md"
    assert run("parse", str(seed_path), "--date", "2024-10-08", "--markdown", "-o", str(exported)).returncode == 0
    original, again = parse_file(seed_path, reference_date="2024-10-08"), parse_file(exported)
    direct = [q.text for q in original.quotes if q.kind != "indirect"]
    assert [q.text for q in again.quotes if q.origin == "section"] == direct
    assert {a.name for a in original.actors} <= {a.name for a in again.actors}
    assert [s.text for s in again.summary] == [s.text for s in original.summary]
    assert again.published == original.published
