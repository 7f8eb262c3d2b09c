"""The Document: the text every offset points into, its blocks and its sentences.

Markdown is read with markdown-it-py's block parser only (inline parsing is never needed: offsets
point at the raw text). Plain text is markdown without markup: paragraphs are separated by blank
lines, or are single lines when the text has no blank lines at all (one-paragraph-per-line wires).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import sentences as _sentences
from .model import Block, span
from .model import Sentence as SentenceModel
from .model import block as _block_model
from .model import sentence as _sentence_model

# markdown-it's own nesting limit keeps hostile 10,000-level blockquotes from recursing deeply.
_MAX_NESTING = 40


class Sentence:
    """A sentence's offsets and block index (a slotted class: one per sentence, read by every step)."""

    __slots__ = ("block", "end", "start")

    def __init__(self, start: int, end: int, block: int) -> None:
        self.start = start
        self.end = end
        self.block = block

    def __repr__(self) -> str:
        return f"Sentence(start={self.start}, end={self.end}, block={self.block})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Sentence) and self.start == other.start and self.end == other.end
                and self.block == other.block)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.block))


@dataclass
class Document:
    text: str
    format: str  # "text" | "markdown"
    blocks: list[Block]
    sentences: list[Sentence]
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_end: int = 0
    # For each block, the index of the heading block it sits under (None before the first heading).
    heading_of: list[int | None] = field(default_factory=list)
    # Derived facts that several steps share (see `extract/sections.py`), computed once per document.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _block_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._block_starts = [b.span.start for b in self.blocks]

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence containing `offset`, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None

    def block_index_at(self, offset: int) -> int | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].span.start <= offset < self.blocks[i].span.end:
            return i
        return None

    def sentence_models(self) -> list[SentenceModel]:
        return [_sentence_model(s.start, s.end, s.block) for s in self.sentences]


@cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
    md.disable("inline")  # only block structure is needed; offsets point at raw text
    return md


def _block(kind: str, level: int, start: int, end: int, cstart: int, cend: int) -> Block:
    # Offsets computed here are trusted: skip validation, which dominates on big reports. A plain
    # paragraph's content is the whole block: one (frozen) Span serves as both.
    whole = span(start, end)
    return _block_model(kind, whole, level, whole if (cstart, cend) == (start, end) else span(cstart, cend))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_HEADING_MARK = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_CONTAINER_MARK = re.compile(r"(?:[ \t]{0,3}(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*")
# Only the start of a blank run may begin a match (look-behind, on a slice) and runs are taken whole
# (possessive): a heading with a long run of spaces would otherwise be searched in quadratic time.
_CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]++#++[ \t]*+$")
_SETEXT_UNDERLINE = re.compile(r"\n[ \t]{0,3}(?:=+|-+)[ \t]*$")


# Splitting markdown into runs the block parser must see and plain paragraphs it need not (most of a
# news report): the text between blank lines is a plain paragraph when its first line is not indented
# and no line starts with a character that could open or interrupt another block. Such a paragraph is
# a paragraph whatever came before it (a blank line and an unindented line close lists, quotes and
# indented code), so markdown-it is only run over the other runs. Fences and HTML blocks may span blank
# lines: a text with either goes through markdown-it whole.
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")
_MARKUP_LINE = re.compile(r"\n[ \t]*(?:[#>*+\-=_<\[~`]|\d{1,9}[.)])")
_MARKUP_FIRST = re.compile(r"[#>*+\-=_<\[~`]|\d{1,9}[.)]")
_RAW_LINE = re.compile(r"(?:^|\n)[ \t]*(?:<|```|~~~)")
_LEADING_BLANK = re.compile(r"(?:[ \t]*\n)*")


def _markdown_blocks(text: str, offset: int) -> list[Block]:
    body = text[offset:]
    if _RAW_LINE.search(body):
        return _markdown_run(text, offset, body)
    marked = [m.start() + 1 for m in _MARKUP_LINE.finditer(body)]  # starts of lines that may be markup
    blocks: list[Block] = []
    run_start: int | None = None  # start of the current run of chunks for markdown-it
    run_end = 0
    pos = _LEADING_BLANK.match(body).end()  # type: ignore[union-attr]
    n = len(body)
    while pos <= n:
        m = _BLANK_RUN.search(body, pos)
        end = m.start() if m else n
        if body[pos:end].strip():
            first = body[pos] if pos < n else ""
            k = bisect_left(marked, pos)
            plain = first not in " \t" and not _MARKUP_FIRST.match(body, pos) and not (k < len(marked)
                                                                                      and marked[k] < end)
            if plain:
                if run_start is not None:
                    blocks += _markdown_run(text, offset + run_start, body[run_start:run_end])
                    run_start = None
                s, e = _strip(text, offset + pos, offset + end)
                blocks.append(_block("paragraph", 0, s, e, s, e))
            else:
                if run_start is None:
                    run_start = pos
                run_end = end
        if m is None:
            break
        pos = m.end()
    if run_start is not None:
        blocks += _markdown_run(text, offset + run_start, body[run_start:run_end])
    return blocks


def _markdown_run(text: str, offset: int, body: str) -> list[Block]:
    """Blocks of `body` (which is `text[offset:offset + len(body)]`), from markdown-it's tokens."""
    tokens = _markdown_parser().parse(body)
    starts = _line_starts(body)
    n_lines = len(starts)

    def char(line: int) -> int:
        return offset + (starts[line] if line < n_lines else len(body))

    blocks: list[Block] = []
    containers: list[str] = []
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("blockquote_open", "list_item_open"):
            containers.append(t)
            if not (tok.level >= _MAX_NESTING - 1 and i + 1 < len(tokens) and tokens[i + 1].nesting == -1):
                continue
            # markdown-it stopped at its nesting limit and dropped all this container holds: keep those
            # lines as one block so the deep text is still read.
            t = "paragraph_open"
        if t in ("blockquote_close", "list_item_close"):
            if containers:
                containers.pop()
            continue
        if tok.map is None or t not in ("heading_open", "paragraph_open", "fence", "code_block", "html_block"):
            continue
        s, e = _strip(text, char(tok.map[0]), char(tok.map[1]))
        if e <= s:
            continue
        depth = len(containers)
        if t == "heading_open":
            kind, level = "heading", int(tok.tag[1:])
            cs, ce = s, e
            m = _HEADING_MARK.match(text, cs, ce)
            if m:
                cs = m.end()
                cm = _CLOSING_HASHES.search(text[cs:ce])
                if cm:
                    ce = cs + cm.start()
            else:
                um = _SETEXT_UNDERLINE.search(text, cs, ce)
                if um:
                    ce = um.start()
        elif t == "paragraph_open":
            kind = "list_item" if "list_item_open" in containers else "blockquote" if containers else "paragraph"
            level = depth
            m = _CONTAINER_MARK.match(text, s, e)
            cs, ce = (m.end() if m else s), e
        else:
            kind, level, cs, ce = "code", depth, s, e
        cs, ce = _strip(text, cs, ce)
        if ce <= cs:
            cs, ce = s, s
        blocks.append(_block(kind, level, s, e, cs, ce))
    return blocks


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _text_blocks(text: str, offset: int) -> list[Block]:
    """Paragraphs of plain text: blank-line separated, or one per line if there are no blank lines."""
    sep = _BLANK_LINE if _BLANK_LINE.search(text, offset) else re.compile(r"\n")
    blocks: list[Block] = []
    pos = offset
    for m in sep.finditer(text, offset):
        _add_text_block(blocks, text, pos, m.start())
        pos = m.end()
    _add_text_block(blocks, text, pos, len(text))
    return blocks


def _add_text_block(blocks: list[Block], text: str, start: int, end: int) -> None:
    s, e = _strip(text, start, end)
    if e > s:
        blocks.append(_block("paragraph", 0, s, e, s, e))


def build(text: str, *, format: str, front_matter: dict[str, Any] | None = None,
          front_matter_end: int = 0) -> Document:
    """Build a Document from normalised text (see `briefing.load`)."""
    blocks: list[Block] = []
    if front_matter_end:
        s, e = _strip(text, 0, front_matter_end)
        blocks.append(_block("front_matter", 0, s, e, s, e))
    if format == "markdown":
        blocks += _markdown_blocks(text, front_matter_end)
    else:
        blocks += _text_blocks(text, front_matter_end)

    heading_of: list[int | None] = []
    current: int | None = None
    for i, b in enumerate(blocks):
        heading_of.append(current)
        if b.kind == "heading":
            current = i

    sents: list[Sentence] = []
    split = _sentences.split
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind == "code" or kind == "front_matter":
            continue
        c = b.content
        if kind == "heading":
            if c.end > c.start:
                sents.append(Sentence(c.start, c.end, i))
            continue
        sents += [Sentence(s, e, i) for s, e in split(text, c.start, c.end)]
    return Document(
        text=text,
        format=format,
        blocks=blocks,
        sentences=sents,
        front_matter=front_matter or {},
        front_matter_end=front_matter_end,
        heading_of=heading_of,
    )
