"""Turn report bytes into normalised text plus front matter. Reads only; never writes.

Decoding order: UTF-8 BOM, UTF-16/32 BOM, strict UTF-8, else cp1252 with a diagnostic. Binary input
(magic numbers, NUL-heavy) and input over the size cap are refused with `LoadError`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .model import Diagnostic, Span

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
# Front matter longer than this is not metadata; it is treated as a diagnostic, not parsed.
MAX_FRONT_MATTER_CHARS = 64 * 1024
# PyYAML's scanner slows down with every open `[`/`{` (thousands take seconds); metadata never nests deep.
MAX_FRONT_MATTER_NESTING = 50

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (docx/xlsx/epub?)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ\x00": "xz-compressed data",
    b"SQLite format 3\x00": "an SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


class LoadError(Exception):
    """The input cannot be read as a report. The message names the reason in one line."""


@dataclass
class Loaded:
    text: str
    encoding: str
    size: int
    path: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_end: int = 0  # offset just after the closing `---` line, 0 when there is none
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file, refusing directories, devices, FIFOs and files over `max_bytes`."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as exc:  # symlink loops, name too long, ...
        raise LoadError(exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        # Opening a FIFO or a device can block forever or never end.
        raise LoadError("not a regular file")
    if st.st_size > max_bytes:
        raise LoadError(f"too large ({_human(st.st_size)}, limit {_human(max_bytes)}; see --max-bytes)")
    try:
        with open(p, "rb", opener=_open_nonblocking) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped for a FIFO after the check above
                raise LoadError("not a regular file")
            data = read_capped(fh, max_bytes, hint=st.st_size)
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as exc:
        raise LoadError(exc.strerror or str(exc)) from None
    if len(data) > max_bytes:  # grew while we looked
        raise LoadError(f"too large (over {_human(max_bytes)}; see --max-bytes)")
    return data


def _open_nonblocking(path: str, flags: int) -> int:
    # Never block in open(): a FIFO put in place of the file after stat() must not hang the reader.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_capped(fh: BinaryIO, max_bytes: int, hint: int = 0) -> bytes:
    """At most `max_bytes + 1` bytes (one more tells "too large"), read in chunks.

    `fh.read(n)` allocates `n` bytes up front, so a generous `--max-bytes 10G` must not be passed to it.
    """
    chunks: list[bytes] = []
    total = 0
    want = min(max_bytes, hint) + 1 if hint else _CHUNK
    while total <= max_bytes:
        chunk = fh.read(min(want, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return b"".join(chunks)


_CHUNK = 1024 * 1024


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, list[Diagnostic]]:
    """Lone surrogates (possible in a `str`, never in decoded bytes) cannot be written as UTF-8 or JSON.

    Each becomes U+FFFD, one code point for one, so offsets are unchanged.
    """
    m = _SURROGATE.search(text)
    if m is None:
        return text, []
    diag = Diagnostic(code="surrogates-replaced", message="lone surrogate code points replaced by U+FFFD",
                      span=Span(start=m.start(), end=m.end()))
    return _SURROGATE.sub("\ufffd", text), [diag]


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str, list[Diagnostic]]:
    """Decode report bytes. Returns (text, encoding name, diagnostics); raises LoadError on binary."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name, []
            except UnicodeDecodeError as exc:
                raise LoadError(f"invalid {name} after its byte-order mark (byte {exc.start})") from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise LoadError(f"binary file ({what}), not a text report")
    sample = data[:65536]
    if sample and sample.count(0) > max(4, len(sample) // 100):
        raise LoadError("binary file (contains NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = data.decode("cp1252", errors="_briefing_cp1252")
    diag = Diagnostic(
        level="warning",
        code="encoding-fallback",
        message=f"not valid UTF-8 (first bad byte at {first_bad}); decoded as cp1252",
    )
    return text, "cp1252", [diag]


def _cp1252_holes(exc: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined: keep them as their Latin-1 code points
    # so nothing is lost (the display layer shows C1 controls as placeholders).
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("_briefing_cp1252", _cp1252_holes)


class _NoAliasLoader:
    """Build lazily: importing yaml costs ~15 ms that a plain-text report never needs."""

    cls: Any = None

    @classmethod
    def get(cls) -> Any:
        if cls.cls is None:
            import yaml

            class Loader(yaml.SafeLoader):
                # Aliases are how YAML bombs expand; front matter has no honest use for them.
                def compose_node(self, parent: Any, index: Any) -> Any:
                    if self.check_event(yaml.AliasEvent):
                        event = self.peek_event()
                        raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
                    return super().compose_node(parent, index)

            cls.cls = Loader
        return cls.cls


def _flow_depth(body: str) -> int:
    """Deepest `[`/`{` nesting, counting brackets inside strings too (an upper bound is all we need)."""
    depth = deepest = 0
    for ch in _NOT_BRACKET.sub("", body):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


# Front matter as most reports write it (`key: value` lines, quoted strings, `[a, b]` lists, dates), where
# no value opens with a character that could make an anchor, alias, tag, block scalar, directive or nested
# node (and a list holds none of those at all): libyaml reads it ten times
# faster than PyYAML's own parser, into the same values (both use PyYAML's resolver and constructor).
_SIMPLE_FRONT_MATTER = re.compile(
    r"(?:[A-Za-z_][A-Za-z0-9_ -]{0,60}:(?:[ ]+[^ \n*&!%|>@`'\"#\[{?:,-][^\n]*|[ ]+(?:'[^'\n]*'|\"[^\"\\\n]*\")"
    r"|[ ]+\[[^\n*&!%|>@`\[\]{}'\"]*\])?[ ]*\n)*"
)
_NOT_SIMPLE: Any = object()


def _simple_yaml(body: str, yaml: Any) -> Any:
    """The front matter read by libyaml when it is plain `key: value` lines (see above), else
    `_NOT_SIMPLE`; anything libyaml does not accept goes to the slow parser for its own message."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None or not body.replace("\n", "").isprintable():
        return _NOT_SIMPLE
    if _SIMPLE_FRONT_MATTER.fullmatch(body) is None:
        return _NOT_SIMPLE
    try:
        return yaml.load(body, Loader=loader)
    except Exception:  # the slow parser decides, and words the error
        return _NOT_SIMPLE


def split_front_matter(text: str) -> tuple[dict[str, Any], int, list[Diagnostic]]:
    """Parse YAML front matter at the very start of `text`.

    Returns (mapping, end offset of the front matter block, diagnostics). Never raises.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0, []
    end = m.end()
    body = m.group(1) or ""
    if len(body) > MAX_FRONT_MATTER_CHARS:
        return {}, end, [Diagnostic(code="front-matter-too-large", message="front matter over 64 KB ignored")]
    if _flow_depth(body) > MAX_FRONT_MATTER_NESTING:
        return {}, end, [Diagnostic(code="front-matter-invalid",
                                    message="front matter is not valid YAML: nested too deeply")]
    import yaml

    try:
        data = _simple_yaml(body, yaml)
        if data is _NOT_SIMPLE:
            data = yaml.load(body, Loader=_NoAliasLoader.get())
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return {}, end, [Diagnostic(code="front-matter-invalid", message=f"front matter is not valid YAML: {first}")]
    if data is None:
        return {}, end, []
    if not isinstance(data, dict):
        return {}, end, [
            Diagnostic(code="front-matter-not-mapping", message="front matter is not a key: value mapping; ignored")
        ]
    clean: dict[str, Any] = {}
    for key, value in data.items():
        clean[str(key).strip().lower()] = value
    return clean, end, []


def scalar_text(value: Any, limit: int = 2000) -> str | None:
    """A front matter value as one line of text; lists of scalars are joined. Nested data is dropped."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [scalar_text(v, limit) for v in value if not isinstance(v, (dict, list, tuple))]
        joined = ", ".join(p for p in parts if p)
        return joined[:limit] or None
    if isinstance(value, dict):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    s = " ".join(str(value).split())
    return s[:limit] or None


def front_matter_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def load_bytes(data: bytes, *, path: str | None = None, parse_front_matter: bool = True) -> Loaded:
    text, encoding, diagnostics = decode(data)
    return load_text(text, encoding=encoding, size=len(data), path=path,
                     parse_front_matter=parse_front_matter, diagnostics=diagnostics)


def load_text(
    text: str,
    *,
    encoding: str = "utf-8",
    size: int | None = None,
    path: str | None = None,
    parse_front_matter: bool = True,
    diagnostics: list[Diagnostic] | None = None,
) -> Loaded:
    text, diags = replace_surrogates(normalise_newlines(text))
    diags = list(diagnostics or []) + diags
    fm: dict[str, Any] = {}
    fm_end = 0
    if parse_front_matter:
        fm, fm_end, more = split_front_matter(text)
        diags += more
    return Loaded(
        text=text,
        encoding=encoding,
        size=size if size is not None else len(text.encode("utf-8", "surrogatepass")),
        path=path,
        front_matter=fm,
        front_matter_end=fm_end,
        diagnostics=diags,
    )


def looks_like_markdown(text: str) -> bool:
    """Guess the format of text without a telling file name."""
    if text.startswith("---\n") and _FRONT_MATTER.match(text):
        return True
    return bool(_MARKDOWN_HINT.search(text[:20000]))


_MARKDOWN_HINT = re.compile(
    r"^(?:#{1,6}[ \t]+\S|```|~~~|>[ \t]?\S"  # headings, fences, block quotes
    r"|[-*+][ \t]+\S.*\n[-*+][ \t]+\S|\d+[.)][ \t]+\S.*\n\d+[.)][ \t]+\S)",  # two list items in a row
    re.M,
)


def format_for(path: str | None, text: str, requested: str = "auto") -> str:
    if requested in ("text", "markdown"):
        return requested
    if path is not None and Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    return "markdown" if looks_like_markdown(text) else "text"
