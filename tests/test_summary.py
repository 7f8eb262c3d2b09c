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


def test_names_and_dates_in_the_key_points_are_found_once_and_quotes_are_not_repeated() -> None:
    src = ("---\ndate: 2025-05-02\n---\n# Levee update\n\n## Key points\n\n"
           '- The levee at Oudeborg failed on Wednesday, said Marit Veldhuis of the water board.\n'
           '- Veldhuis: "We are pumping day and night."\n\n'
           '## Situation\n\n"We are pumping day and night," Marit Veldhuis said. Crews worked through the night.\n')
    b = parse_text(src)
    assert [s.origin for s in b.summary] == ["section", "section"]
    # The point's person and date are the report's, merged with the body's mentions.
    veldhuis = [a for a in b.actors if a.name == "Marit Veldhuis"]
    assert len(veldhuis) == 1 and len(veldhuis[0].mentions) >= 3
    assert [(t.text, t.value) for t in b.time_expressions if t.type == "DATE"] == [("Wednesday", "2025-04-30")]
    assert [e.when.value for e in b.timeline] == ["2025-04-30"]
    assert "levee at Oudeborg failed" in b.timeline[0].description
    # The quote the point repeats is listed once, from the body.
    assert [q.text for q in b.quotes] == ["We are pumping day and night,"]
    assert b.quotes[0].span.start > src.index("## Situation")


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


def _flat(text: str) -> str:
    return " ".join(text.split())


STORY = ("Dockworkers walked off the job at the three largest terminals on Monday. "
         "The union said the strike would continue until the operators withdrew their plan. "
         "Operators said the plan would not cost a single permanent job. "
         "Exporters said shipments worth millions of euros were stuck in the yards.")
# Lines that are not sentences: rules, markers, a link, a row of figures, an address.
JUNK = ["[/]", "***", "---", "* * *", "1.", "—", "https://example.com/news/2024/10/08/port-strike-live",
        "www.example.org/a/b", "| 12 | 34.5 | 6,789 | 10 |", "press@example.com", "#", "(1/3)", ">>"]


def test_summary_has_no_junk_lines() -> None:
    for junk in JUNK:
        for src in (f"{junk}\n\n{STORY}\n\n{junk}\n\nMarkets were calm.\n", f"{STORY}\n\n{junk}\n"):
            b = parse_text(src, format="text")
            texts = [s.text for s in b.summary]
            assert texts and texts[0].startswith("Dockworkers walked off"), (junk, texts)
            assert not any(junk in t for t in texts), (junk, texts)


def test_every_summary_sentence_has_words() -> None:
    src = "\n\n".join(["***", "[/]", "1.", "https://example.com/x", "——", "42", STORY, "* * *", "---"]) + "\n"
    b = parse_text(src, format="text")
    assert len(b.summary) >= 2
    for s in b.summary:
        words = [w for w in s.text.split() if sum(c.isalpha() for c in w) >= 2]
        assert len(words) >= 2, s.text
        assert s.span is not None and _flat(b.text[s.span.start : s.span.end]) == s.text


def test_junk_only_text_has_no_summary() -> None:
    assert parse_text("***\n\n[/]\n\n---\n\nhttps://example.com/a\n\n1.\n", format="text").summary == []


def test_summary_drops_bylines_and_datelines_in_several_styles() -> None:
    for dateline in ("LISBON, Oct. 8, 2024 (Meridian News Service) — ", "NAIROBI (AP) - ", "BEIRUT, Lebanon — ",
                     "SAN FRANCISCO, Calif. — ", "WASHINGTON—", "Brussels, Oct. 8 (Reuters) - "):
        src = f"Port strike spreads\n\nBy Ana Ferreira\n\n{dateline}{STORY}\n"
        b = parse_text(src, format="text")
        texts = [s.text for s in b.summary]
        assert texts[0] == "Dockworkers walked off the job at the three largest terminals on Monday.", (dateline, texts)
        assert not any("Ferreira" in t for t in texts)
        for s in b.summary:
            assert s.span is not None and _flat(b.text[s.span.start : s.span.end]) == s.text


def test_markdown_bold_markers_do_not_show_in_the_summary() -> None:
    src = ("# Budget\n\n**Tram extension** — the western line keeps its full funding of __48 million__ euros "
           "for this year, the council said on Tuesday.\n\nOther prose follows here with more words.\n")
    lead = parse_text(src, format="markdown").summary[0]
    assert lead.text.startswith("Tram extension — the western line") and "48 million euros" in lead.text
    # The span still covers the source as written (markers included): the source view highlights it.
    assert lead.span is not None and "**Tram extension**" in parse_text(src).text[lead.span.start : lead.span.end]
    # Plain text keeps single asterisks and link syntax (they may be text there); doubled markers go.
    plain_src = "*Tram extension* [phase 2](https://example.org) keeps **its** funding, the council said on Tuesday."
    assert parse_text(plain_src, format="text").summary[0].text == (
        "*Tram extension* [phase 2](https://example.org) keeps its funding, the council said on Tuesday.")


def test_a_list_of_who_is_who_is_not_summary() -> None:
    people = "\n".join(f"- **{n}**, {r} of the Harbour Board since 2019, the project's chief sponsor and voice."
                       for n, r in (("Ana Kos", "chair"), ("Jan Wiese", "treasurer"), ("Eva Lind", "secretary")))
    src = ("# Harbour plan\n\nThe harbour board approved the new quay on Tuesday after a long fight.\n\n"
           f"## The people in this story\n\n{people}\n\n## What was decided\n\n"
           "- **The quay** — the board keeps its full funding of 48 million euros for this year.\n\n"
           "Ana Kos said the vote settled a decade of argument about the harbour's future.\n")
    texts = [s.text for s in parse_text(src).summary]
    assert texts[0] == "The harbour board approved the new quay on Tuesday after a long fight."
    assert not any(t.startswith(("Ana Kos,", "Jan Wiese,", "Eva Lind,")) for t in texts), texts
