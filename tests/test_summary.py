"""Summary: the explicit section wins; otherwise lead plus salient sentences, at most five."""

from __future__ import annotations

from briefing import parse_text


def test_explicit_summary_section_is_used_as_written() -> None:
    src = "# T\n\n## Summary\n\n- First point.\n- Second *point*.\n\n## Body\n\nProse sentence one. Two.\n"
    b = parse_text(src)
    assert [(s.text, s.origin) for s in b.summary] == [("First point.", "section"), ("Second *point*.", "section")]
    for s in b.summary:
        assert s.span is not None and b.text[s.span.start : s.span.end] == s.text


def test_key_points_heading_counts_as_summary() -> None:
    b = parse_text("## Key points\n\n1. Only this.\n\n## Rest\n\nOther prose here.\n")
    assert [s.text for s in b.summary] == ["Only this."]


def test_extractive_summary_starts_with_the_lead_and_stays_short() -> None:
    body = " ".join(f"Sentence number {i} talks about the harbour strike in some detail." for i in range(40))
    b = parse_text(f"PORTO, Oct. 8, 2024 (Wire) — The strike began at dawn across all ports. {body}")
    assert b.summary[0].origin == "lead"
    assert b.summary[0].text == "The strike began at dawn across all ports."  # dateline dropped
    assert 1 <= len(b.summary) <= 5
    starts = [s.span.start for s in b.summary if s.span]
    assert starts == sorted(starts)


def test_summary_never_repeats_the_title() -> None:
    b = parse_text("# Strike widens\n\nThe strike widened on Monday. Unions said more would follow.\n")
    assert all(s.text != "Strike widens" for s in b.summary)


def test_empty_text_has_no_summary() -> None:
    assert parse_text("").summary == []


def test_summary_skips_sentences_cut_out_of_a_longer_quotation() -> None:
    src = (
        "NAIROBI, March 13, 2025 (Wire) — Minibus operators and the county agreed a truce on Monday after a "
        "week of strikes. Operators met county officials at City Hall for nine hours. "
        '"We did not sign a peace treaty. We signed a ceasefire," Alliance chairman Daniel Chebet told '
        "reporters on Tuesday. Traffic was back to normal by Wednesday. Passengers said they were relieved. "
        "The assembly votes on Friday. Chebet said the operators would watch the county closely. "
        "Some routes stayed quiet. Fares did not change. Buses ran late."
    )
    texts = [s.text for s in parse_text(src).summary]
    assert len(texts) >= 2
    assert not any(t.count('"') % 2 for t in texts)
