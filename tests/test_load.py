"""The loader: encodings, binary and oversize refusal, newlines, front matter."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from briefing import parse_bytes, parse_file
from briefing.load import LoadError, decode, read_bytes, split_front_matter

TEXT = "Café “quoted” — naïve.\nSecond line."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    text, enc, diags = decode(data)
    assert text == TEXT
    assert enc == encoding
    assert diags == []


def test_invalid_utf8_falls_back_to_cp1252_with_a_diagnostic() -> None:
    data = "Smart “quotes” and café".encode("cp1252")
    b = parse_bytes(data)
    assert b.text == "Smart “quotes” and café"
    assert b.source.encoding == "cp1252"
    assert [d.code for d in b.diagnostics] == ["encoding-fallback"]


def test_cp1252_undefined_bytes_are_kept_not_lost() -> None:
    text, enc, _ = decode(b"a\x81b\x9dc\xff")
    assert enc == "cp1252"
    assert text == "a\x81b\x9dcÿ"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"abc\x00\x00\x00def\x00\x00\x00" * 100, "NUL"),
    ],
)
def test_binary_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        parse_bytes(data)


def test_oversize_file_is_refused_and_accepted_with_a_higher_cap(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"Word. " * 2000)
    with pytest.raises(LoadError, match="too large"):
        read_bytes(p, max_bytes=1000)
    assert len(read_bytes(p, max_bytes=20000)) == 12000


def test_directory_and_missing_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        parse_file(tmp_path)
    with pytest.raises(LoadError, match="no such file"):
        parse_file(tmp_path / "nope.txt")


def test_crlf_and_cr_become_lf() -> None:
    assert parse_bytes(b"One.\r\nTwo.\rThree.").text == "One.\nTwo.\nThree."


def test_reading_never_modifies_the_file(tmp_path: Path) -> None:
    p = tmp_path / "r.md"
    p.write_bytes(b"---\ntitle: T\n---\n\nBody.\r\n")
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    parse_file(p)
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_front_matter_fields_reach_the_model() -> None:
    src = (
        "---\ntitle: Port strike widens\ndate: 2024-10-08\nsource: Harbour Wire\n"
        "author: A. Writer\nurl: https://example.com/a\ndesk: Europe\n---\n\n# Heading\n\nBody text here.\n"
    )
    b = parse_bytes(src.encode())
    assert (b.title, b.published, b.published_from) == ("Port strike widens", dt.date(2024, 10, 8), "front_matter")
    assert (b.outlet, b.byline, b.url) == ("Harbour Wire", "A. Writer", "https://example.com/a")
    assert b.metadata == {"desk": "Europe"}
    assert b.blocks[0].kind == "front_matter"


@pytest.mark.parametrize(
    ("front", "code"),
    [
        ("title: [unclosed\n", "front-matter-invalid"),
        ("a: &x [1, 2]\nb: *x\n", "front-matter-invalid"),  # aliases are how YAML bombs expand
        ("- just\n- a list\n", "front-matter-not-mapping"),
        ("date: someday\n", "front-matter-date"),
    ],
)
def test_bad_front_matter_is_a_diagnostic_not_a_crash(front: str, code: str) -> None:
    b = parse_bytes(f"---\n{front}---\n\nBody.\n".encode())
    assert code in [d.code for d in b.diagnostics]
    assert b.text.endswith("Body.\n")


def test_front_matter_needs_to_open_the_file() -> None:
    fm, end, diags = split_front_matter("Intro\n---\ntitle: x\n---\n")
    assert (fm, end, diags) == ({}, 0, [])
