"""Blocks and sentences: offsets into the text, and sentence splitting on news prose."""

from __future__ import annotations

import pytest

from briefing import parse_text
from briefing.document import build
from briefing.sentences import split

MARKDOWN = """---
title: T
---

# Main heading

First paragraph. It has two sentences.

> A quoted line
> that continues. Another one.

- item one
- item two
  1. nested item

```
code here. Not prose.
```

## Closing ##

Last words.
"""


def test_markdown_blocks_have_kinds_levels_and_offsets() -> None:
    b = parse_text(MARKDOWN)
    kinds = [(x.kind, x.level) for x in b.blocks]
    assert kinds == [
        ("front_matter", 0), ("heading", 1), ("paragraph", 0), ("blockquote", 1),
        ("list_item", 1), ("list_item", 1), ("list_item", 2), ("code", 0), ("heading", 2), ("paragraph", 0),
    ]
    content = [b.text[x.content.start : x.content.end] for x in b.blocks]
    assert content[1] == "Main heading"
    assert content[4] == "item one"
    assert content[6] == "nested item"
    assert content[8] == "Closing"
    for x in b.blocks:
        assert 0 <= x.span.start <= x.content.start <= x.content.end <= x.span.end <= len(b.text)


def test_sentences_point_into_the_text_and_skip_code_and_front_matter() -> None:
    b = parse_text(MARKDOWN)
    sentences = [b.text[s.span.start : s.span.end] for s in b.sentences]
    assert "First paragraph." in sentences
    assert "It has two sentences." in sentences
    assert not any("code here" in s or "title:" in s for s in sentences)
    for s in b.sentences:
        blk = b.blocks[s.block]
        assert blk.span.start <= s.span.start < s.span.end <= blk.span.end


def test_plain_text_is_markdown_without_markup() -> None:
    text = "# not a heading\n\n- not a list. Really.\n"
    b = parse_text(text, format="text")
    assert b.text == text
    assert [x.kind for x in b.blocks] == ["paragraph", "paragraph"]
    assert [b.text[s.span.start : s.span.end] for s in b.sentences] == ["# not a heading", "- not a list.", "Really."]


def test_plain_text_without_blank_lines_is_one_paragraph_per_line(seed_text: str) -> None:
    b = parse_text(seed_text)
    assert b.text == seed_text  # plain text input is kept exactly
    assert len(b.blocks) == seed_text.strip().count("\n") + 1


def test_auto_format_detects_markdown() -> None:
    assert parse_text("# Title\n\nBody.").source.format == "markdown"
    assert parse_text("Just a sentence. And another.").source.format == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Army said so. Gen. Mark Milley spoke on Sept. 5 about the No. 2 job.",
         ["The U.S. Army said so.", "Gen. Mark Milley spoke on Sept. 5 about the No. 2 job."]),
        ("Growth was 3.5% in 2023. It slowed.", ["Growth was 3.5% in 2023.", "It slowed."]),
        ("J. R. R. Tolkien wrote it. Readers loved it.", ["J. R. R. Tolkien wrote it.", "Readers loved it."]),
        ('He said, "We will go." Then he left.', ['He said, "We will go."', "Then he left."]),
        ('"We will go," he said. "Soon."', ['"We will go," he said.', '"Soon."']),
        ("He paused... Then he spoke. Wait... what?", ["He paused...", "Then he spoke.", "Wait... what?"]),
        ("She moved to the U.S. The move was hard.", ["She moved to the U.S.", "The move was hard."]),
        ("Shares of Apple Inc. rose 2%. The company said so.",
         ["Shares of Apple Inc. rose 2%.", "The company said so."]),
        ("Dr. Ana Ruiz and Mr. Li met at 9 a.m. on Friday.", ["Dr. Ana Ruiz and Mr. Li met at 9 a.m. on Friday."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("It cost $4.5 million… Analysts balked.", ["It cost $4.5 million…", "Analysts balked."]),
    ],
)
def test_sentence_splitter_handles_news_text(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split(text)] == expected


def test_every_span_equals_its_text(seed_text: str) -> None:
    doc = build(seed_text, format="text")
    for s in doc.sentences:
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]
        assert doc.sentence_index_at(s.start) is not None
