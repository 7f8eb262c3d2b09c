"""The quotes step: quotation marks, speakers, anonymous sources, indirect speech, `## Quotes`.

Most tests run the step alone on a Document with hand-made actors (`mine`), so they do not depend on
what the actors step finds; the seed acceptance test runs the whole pipeline.
"""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import document, parse_file, parse_text
from briefing.extract import quotes
from briefing.extract.quotes_marks import MAX_UNCLOSED
from briefing.model import Actor, Briefing, Quote, SourceInfo, Span


def _actor(text: str, name: str, kind: str, forms: tuple[str, ...], titles: tuple[str, ...] = ()) -> Actor:
    """An actor with every whole-word occurrence of its forms in `text` as mentions."""
    spans = sorted({(m.start(), m.end()) for f in forms for m in re.finditer(rf"\b{re.escape(f)}\b", text)})
    # A shorter form inside a longer one ("Holt" in "Karen Holt") is one mention, the longer.
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, titles=list(titles),  # type: ignore[arg-type]
                 mentions=[Span(start=a, end=b) for a, b in kept], salience=float(len(kept)))


def mine(text: str, actors: list[tuple] = (), fmt: str = "text") -> Briefing:
    """Run the quotes step alone. `actors`: (name, kind, forms[, titles]) tuples."""
    doc = document.build(text, format=fmt)
    found = Briefing(id="t", source=SourceInfo(format=fmt, encoding="utf-8", size=len(text)), text=text,  # type: ignore[arg-type]
                     actors=[_actor(text, *a) for a in actors])
    return quotes.run(doc, found)


def direct(b: Briefing) -> list[Quote]:
    return [q for q in b.quotes if q.kind != "indirect"]


def speaker_name(b: Briefing, q: Quote) -> str | None:
    if q.speaker is None:
        return None
    a = b.actor(q.speaker.actor_id)
    return a.name if a else q.speaker.text


def assert_spans(b: Briefing) -> None:
    for q in b.quotes:
        assert q.text == b.text[q.span.start : q.span.end]
        assert 0 <= q.span.start <= q.span.end <= len(b.text)
        if q.speaker is not None and q.speaker.span is not None:
            assert q.speaker.text == b.text[q.speaker.span.start : q.speaker.span.end]
        if q.sentence is not None:
            assert q.sentence.start <= q.span.start and q.span.end <= q.sentence.end


# --- quotation marks ---------------------------------------------------------------------------


def test_straight_and_curly_direct_quotes_with_speaker_after_or_before() -> None:
    text = ('"We are not going to do that," John Smith told reporters on Tuesday.\n\n'
            "“The economy is weak,” said Jane Doe, chief economist at Northern Bank.\n\n"
            'Mark Evans said: "We will act quickly."')
    b = mine(text)
    qs = direct(b)
    assert [q.text for q in qs] == ["We are not going to do that,", "The economy is weak,", "We will act quickly."]
    assert [q.speaker.text for q in qs] == ["John Smith", "Jane Doe", "Mark Evans"]
    assert [q.cue for q in qs] == ["told", "said", "said"]
    assert qs[0].addressee == "reporters"
    assert all(q.kind == "direct" for q in qs)
    assert_spans(b)


def test_partial_quote_inside_the_reporters_sentence() -> None:
    text = ("Jake Sullivan, the national security advisor, told his counterpart Ron Dermer that the US "
            'expects "clarity and transparency" from Israel.')
    b = mine(text, [("Jake Sullivan", "person", ("Jake Sullivan", "Sullivan")),
                    ("Ron Dermer", "person", ("Ron Dermer",))])
    (q,) = direct(b)
    assert q.text == "clarity and transparency"
    assert q.kind == "partial"
    assert q.speaker.text == "Jake Sullivan" and q.speaker.actor_id == "jake-sullivan"
    assert q.cue == "told" and q.addressee == "Ron Dermer"


def test_a_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    text = ('"We have waited long enough," said Finance Minister Karen Holt. "Our farmers cannot wait.\n\n'
            '"The deal gives them certainty. It is fair.\n\n'
            '"We will review it in June."\n\n'
            "Trading resumed on Monday.")
    b = mine(text, [("Karen Holt", "person", ("Karen Holt", "Holt"), ("Finance Minister",))])
    qs = direct(b)
    assert [q.text for q in qs] == ["We have waited long enough,", "Our farmers cannot wait.",
                                    "The deal gives them certainty. It is fair.", "We will review it in June."]
    assert {q.speaker.actor_id for q in qs} == {"karen-holt"}
    assert all("Trading" not in q.text for q in b.quotes)


def test_unbalanced_marks_end_with_their_sentence_and_never_swallow_the_article() -> None:
    text = ('Rees said "This is wrong. Everything after this sentence is narration.\n\n'
            'Prices fell" in the afternoon. Later the minister said "We will wait," and left.\n\n'
            'The last word went to Rees: "We will fight this')
    b = mine(text, [("Tom Rees", "person", ("Rees",))])
    qs = direct(b)
    assert qs[0].text == "This is wrong."  # unclosed: capped at its sentence
    assert "We will wait," in [q.text for q in qs]  # the stray closing mark did not shift the pairing
    assert qs[-1].text == "We will fight this"  # a quotation mark at the end of the text
    assert qs[-1].speaker.actor_id == "tom-rees"
    assert all("narration" not in q.text and "Prices" not in q.text for q in b.quotes)
    assert_spans(b)


def test_nested_single_quotes_stay_inside_and_a_lone_mark_at_eof_is_harmless() -> None:
    b = mine('He said "nested \'single\' quotes are fine," and left. "')
    qs = direct(b)
    assert [q.text for q in qs] == ["nested 'single' quotes are fine,"]
    assert mine('"').quotes == [] and mine("").quotes == []


def test_scare_quotes_names_and_terms_are_not_quotations() -> None:
    text = ("Critics called the plan a 'giveaway' to exporters. "
            'The "Big Three" automakers lost ground. '
            'The new screen, dubbed a "retina display," is sharper. '
            'It is "the thinnest phone on the planet", the brochure claims nothing. '
            'The firm released "Snow Leopard" last year.')
    assert direct(mine(text)) == []


def test_what_someone_called_is_still_speech() -> None:
    b = mine('Tom Rees condemned the vote in what he called "a betrayal of voters."',
             [("Tom Rees", "person", ("Tom Rees",))])
    (q,) = direct(b)
    assert q.text == "a betrayal of voters." and q.speaker.actor_id == "tom-rees"


def test_ten_thousand_quotes_stay_fast_and_bounded() -> None:
    text = " ".join(['Kim said "yes" and Lee said "no".'] * 2500)  # 10,000 marks
    t0 = time.perf_counter()
    b = mine(text)
    assert time.perf_counter() - t0 < 20  # linear; a quadratic scan would take minutes
    assert len(direct(b)) == 5000
    hostile = '"' * 5001 + " x " + "“" * 5000  # nothing but opening marks
    b = mine(hostile)
    assert all(q.span.end - q.span.start <= MAX_UNCLOSED for q in b.quotes)


def test_unclosed_opening_marks_before_a_word_or_two_are_strays_not_quotations() -> None:
    t0 = time.perf_counter()
    b = mine("“a " * 10_000)  # the hostile smart_quotes_10000 case
    assert time.perf_counter() - t0 < 20
    assert b.quotes == []
    assert mine("The mayor was blunt. “No way").quotes == []
    # An attributed unclosed quotation, or a longer one, is still speech.
    assert [q.text for q in direct(mine('Rees said "We will fight this'))] == ["We will fight this"]
    assert [q.text for q in direct(mine("He was blunt. “We will not pay a penny more"))] == [
        "We will not pay a penny more"]


def test_attributed_quotations_at_scale_stay_fast() -> None:
    text = "".join(f'"Point {i} stands," said Ana Ruiz. ' for i in range(2000))
    t0 = time.perf_counter()
    b = mine(text, [("Ana Ruiz", "person", ("Ana Ruiz",))])
    assert time.perf_counter() - t0 < 20
    assert len(direct(b)) == 2000 and all(q.speaker.actor_id == "ana-ruiz" for q in direct(b))


# --- speakers ----------------------------------------------------------------------------------


def test_title_abbreviation_before_the_speaker_after_the_quotation() -> None:
    text = '"We are not out of the woods yet," Gov. Dan Whitcomb said at a news conference.'
    b = mine(text, [("Dan Whitcomb", "person", ("Dan Whitcomb",))])
    assert [q.speaker.actor_id for q in direct(b)] == ["dan-whitcomb"]


def test_a_watchdog_has_found_attributes_a_partial_quotation() -> None:
    text = 'Families were "let down at every stage" by the council, a watchdog has found.'
    (q,) = direct(mine(text))
    assert q.text == "let down at every stage" and q.speaker.text == "a watchdog"


def test_unnamed_fisherman_is_not_replaced_by_the_last_named_person() -> None:
    text = ('"The sea fed us," said Ahmed Daher.\n\nAnother fisherman, who asked not to be named, told AFP '
            'that boats had been seized.\n\n"They take the boat and the nets," he said.')
    b = mine(text, [("Ahmed Daher", "person", ("Ahmed Daher",))])
    assert direct(b)[-1].speaker.actor_id is None


def test_headline_single_quotes_with_a_speaker_are_quotations() -> None:
    body = "\n\nThe body of the story follows here."
    b = mine("Flood victims 'abandoned' by council, says ombudsman" + body)
    assert [(q.text, q.kind, q.speaker.text) for q in b.quotes] == [("abandoned", "partial", "ombudsman")]
    b = mine("‘We’re running on goodwill’: rural GPs warn of closures" + body)
    assert [(q.text, q.kind, q.speaker.text) for q in b.quotes] == [
        ("We’re running on goodwill", "direct", "rural GPs")]
    b = mine("Starmer: 'We will not back down'" + body, [("Keir Starmer", "person", ("Starmer",))])
    assert [(q.text, q.speaker.actor_id) for q in b.quotes] == [("We will not back down", "keir-starmer")]
    # Scare quotes (no speaker in the headline), possessives and one-line texts stay out.
    assert mine("The 'new normal' for Rovers' fans" + body).quotes == []
    assert mine("Late header keeps Rovers' survival hopes alive" + body).quotes == []
    assert direct(mine("He said 'no' and left, says Tom")) == []
    assert_spans(mine("Renters face ‘impossible choices’, charity warns" + body))




def test_speaker_before_the_verb_with_an_apposition_or_a_who_clause() -> None:
    text = ('Todd Tiahrt, a Kansas representative, said "We should build it here." '
            'A contrary view came from Ann Cole, a professor at Yale University, who stated, "It is a myth." '
            'The opposition leader, Tom Rees, said the plan was "a disgrace."')
    b = mine(text)
    assert [q.speaker.text for q in direct(b)] == ["Todd Tiahrt", "Ann Cole", "Tom Rees"]


def test_according_to_and_passive_by() -> None:
    text = ('According to Mr Howard, the plant is safe "for the long term". '
            'The phone was praised by Steve Jobs as "the biggest leap since the original." '
            '"The situation is grave," according to a statement from the ministry.')
    qs = direct(mine(text))
    assert [q.speaker.text for q in qs] == ["Howard", "Steve Jobs", "a statement from the ministry"]
    assert qs[0].cue == "According to"


def test_continued_speech_and_a_speaker_in_the_next_sentence() -> None:
    text = ('"We love the deal," said Anna Berg. "It feels great to resolve this."\n\n'
            'Markets fell. "I dread looking at Wall Street tomorrow." Reid said.')
    qs = direct(mine(text))
    assert [q.speaker.text for q in qs] == ["Anna Berg", "Anna Berg", "Reid"]


def test_a_quote_standing_alone_after_a_sentence_about_a_person() -> None:
    text = '"We are done," said Ann Lee. Her rival, Tom Rees, disagreed. "This is only the start."'
    qs = direct(mine(text))
    assert [q.speaker.text for q in qs] == ["Ann Lee", "Tom Rees"]
    assert qs[1].cue is None  # the verb of saying is not in its sentence


def test_the_next_quotes_attribution_is_not_taken_by_the_previous_one() -> None:
    text = ('Ann Lee said "We are shocked." Kansas senator Sam Brown said "It is stunning."')
    qs = direct(mine(text))
    assert [q.speaker.text for q in qs] == ["Ann Lee", "Sam Brown"]


def test_pronoun_goes_to_the_nearest_fitting_person() -> None:
    text = ("Senator Bob Corker met Mary Stone on Friday. Corker was unhappy about the vote. "
            '"We were three words away from a deal," he said. '
            'Stone was calmer. "We will try again," she said. '
            'The union issued a statement. "We are ready," it said.')
    b = mine(text, [("Bob Corker", "person", ("Bob Corker", "Corker")),
                    ("Mary Stone", "person", ("Mary Stone", "Stone")),
                    ("United Auto Workers", "organization", ("United Auto Workers",))])
    qs = direct(b)
    assert [q.speaker.text for q in qs] == ["he", "she", "it"]
    assert [q.speaker.actor_id for q in qs[:2]] == ["bob-corker", "mary-stone"]
    assert qs[2].speaker.actor_id is None  # no organisation is named near "it"


def test_pronoun_chain_and_a_surname_the_actors_step_missed() -> None:
    text = ("Transport minister Jusman Djamal met Vice President Jusuf Kalla in Jakarta. "
            'Djamal told reporters that he felt the ban was wrong. "The easiest way is to lift it," he said. '
            'He stated that airlines were "very worried".')
    b = mine(text, [("Jusman Djamal", "person", ("Jusman Djamal",)),  # "Djamal" alone not listed
                    ("Jusuf Kalla", "person", ("Jusuf Kalla",), ("Vice President",))])
    qs = direct(b)
    assert [q.speaker.actor_id for q in qs] == ["jusman-djamal", "jusman-djamal"]


def test_a_name_the_actors_step_missed_stops_a_pronoun_from_jumping_back() -> None:
    text = ('Tom Rees spoke first. "We regret it," he said. '
            'The head of the delegation, Jon Smythe, left as he said he was "tired, and going home."')
    b = mine(text, [("Tom Rees", "person", ("Tom Rees",))])
    qs = direct(b)
    assert qs[0].speaker.actor_id == "tom-rees"
    assert qs[1].speaker.text == "he" and qs[1].speaker.actor_id is None


def test_anonymous_sources_are_kept_as_written() -> None:
    text = ('"Our trust is very low right now," one of the officials said. '
            '"They tell us what we want to hear," a US official told Axios. '
            '"We expect a short process," a top administration official said. '
            'Officials in both capitals said privately that a second release would be "very difficult".')
    b = mine(text, [("Axios", "organization", ("Axios",))])
    qs = direct(b)
    assert [q.speaker.text for q in qs] == ["one of the officials", "a US official", "a top administration official",
                                            "Officials in both capitals"]
    assert all(q.speaker.anonymous and q.speaker.actor_id is None for q in qs)
    assert qs[1].addressee == "Axios"


def test_medium_and_quoted_as_saying() -> None:
    text = ('"We will keep fighting," Maria Lopez wrote on Twitter. '
            '"We do not need European planes," Detik.com quoted Djamal as saying.')
    qs = direct(mine(text))
    assert qs[0].medium == "Twitter"
    assert qs[1].speaker.text == "Djamal" and qs[1].medium == "Detik.com"


def test_the_company_resolves_to_the_organisation_named_before() -> None:
    text = ("General Motors reported a loss. Its shares fell 15% after the auto firm announced that "
            'auditors had "substantial doubt" about its future.')
    b = mine(text, [("General Motors", "organization", ("General Motors",))])
    (q,) = direct(b)
    assert q.speaker.text == "the auto firm" and q.speaker.actor_id == "general-motors"
    assert not q.speaker.anonymous


# --- indirect speech ---------------------------------------------------------------------------


def test_indirect_speech_with_clear_reporting_verbs() -> None:
    text = ("Sullivan signaled during the call that the US would not step in, Axios said. "
            "Tehran said it carried out the strikes in retaliation. "
            "The weather was mild on Tuesday.")
    b = mine(text, [("Jake Sullivan", "person", ("Sullivan",)), ("Tehran", "place", ("Tehran",))])
    ind = [q for q in b.quotes if q.kind == "indirect"]
    assert [(q.speaker.text, q.cue, q.text) for q in ind] == [
        ("Sullivan", "signaled", "the US would not step in"),
        ("Tehran", "said", "it carried out the strikes in retaliation"),
    ]
    assert ind[1].speaker.actor_id == "tehran"
    assert_spans(b)


def test_no_indirect_item_for_a_sentence_that_holds_a_quotation() -> None:
    b = mine('Ferreira said the government would not act "at this stage," she added.')
    assert [q.kind for q in b.quotes] == ["partial"]


# --- the ## Quotes section, salience, the seed ---------------------------------------------------


def test_quotes_section_items_are_read_as_written() -> None:
    text = ("# Brief\n\n## Quotes\n\n"
            '- "We have bought eight weeks." — Rui Maldonado\n'
            "- “If the water arrives late, it is too late.” – Beatriz Couceiro, farmer\n"
            '- "Not linked." - Nobody Known\n\n'
            "## Background\n\nMaldonado spoke in Elvas.\n")
    b = mine(text, [("Rui Maldonado", "person", ("Rui Maldonado", "Maldonado")),
                    ("Beatriz Couceiro", "person", ("Beatriz Couceiro",))], fmt="markdown")
    sec = [q for q in b.quotes if q.origin == "section"]
    assert [q.text for q in sec] == ["We have bought eight weeks.", "If the water arrives late, it is too late.",
                                     "Not linked."]
    assert [q.speaker.text for q in sec] == ["Rui Maldonado", "Beatriz Couceiro", "Nobody Known"]
    assert [q.speaker.actor_id for q in sec] == ["rui-maldonado", "beatriz-couceiro", None]
    assert all(q.origin == "section" for q in b.quotes)  # the section is not mined as prose too
    assert_spans(b)


def test_quoted_actors_gain_salience_and_the_list_is_resorted() -> None:
    text = ("Anna Berg met Tom Rees. Anna Berg left. Anna Berg returned. "
            '"We will win," Rees said. "We will win again," Rees said.')
    b = mine(text, [("Anna Berg", "person", ("Anna Berg",)), ("Tom Rees", "person", ("Tom Rees", "Rees"))])
    assert [a.name for a in b.actors] == ["Tom Rees", "Anna Berg"]
    rees = b.actors[0]
    assert rees.salience == 3.0 + 2 * quotes.QUOTE_BONUS
    assert [m.start for m in rees.mentions] == [m.start() for m in re.finditer(r"Tom Rees|Rees(?= said)", text)]


def test_seed_quotes(seed_path) -> None:
    b = parse_file(seed_path, reference_date="2024-10-08")
    qs = {q.text[:20]: q for q in direct(b)}
    assert len(qs) == 3
    trust = qs["Our trust of the Isr"]
    assert trust.speaker.text == "one of the officials" and trust.speaker.anonymous
    assert trust.speaker.actor_id is None and trust.kind == "direct" and trust.cue == "said"
    clarity = qs["clarity and transpar"]
    assert clarity.kind == "partial" and clarity.speaker.text == "Jake Sullivan" and clarity.cue == "told"
    assert clarity.addressee == "Ron Dermer"
    if clarity.speaker.actor_id is not None:
        assert b.actor(clarity.speaker.actor_id).name.endswith("Sullivan")
    tell = qs["They tell us what we"]
    assert tell.speaker.text == "a US official" and tell.speaker.anonymous and tell.addressee == "Axios"
    indirect = [q for q in b.quotes if q.kind == "indirect"]
    assert any(q.speaker.text == "Sullivan" and q.cue == "signaled" for q in indirect)
    assert any(q.speaker.text == "Tehran" and q.text.startswith("it carried out") for q in indirect)
    assert_spans(b)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "'", " said ", "He", " Ann Lee", ", ", ". ", "\n\n", "word",
                                 " told ", "Officials", " that ", ":", "according to ", "—", "it"]), max_size=40))
def test_any_text_gives_valid_spans(parts: list[str]) -> None:
    b = parse_text("".join(parts), format="text")
    assert_spans(b)


def test_wire_style_attributions() -> None:
    text = ('"There is no progress," the official, who asked not to be named, told Reuters.\n\n'
            '"It\'s a disaster," McConnell\'s spokesman, David Popp, said in an email.\n\n'
            'Asked about the plan, McConnell replied, "No."\n\n'
            'The strikes were "unacceptable" and "dangerous", the minister said on Tuesday.\n\n'
            '"We will not be pushed around," Smith told a news conference in Geneva.')
    qs = direct(mine(text))
    assert [(q.text, q.speaker.text) for q in qs] == [
        ("There is no progress,", "the official"), ("It's a disaster,", "David Popp"), ("No.", "McConnell"),
        ("unacceptable", "the minister"), ("dangerous", "the minister"), ("We will not be pushed around,", "Smith")]
    assert qs[0].addressee == "Reuters" and qs[1].medium == "an email" and qs[-1].medium == "a news conference"


def test_a_section_quote_also_found_in_the_prose_is_listed_once() -> None:
    text = ("# Brief\n\n## Quotes\n\n"
            '- "We have bought eight weeks." — Rui Maldonado\n\n'
            "## Background\n\n"
            '"We have bought eight weeks," Maldonado told reporters. "It is not a wet year," he said.\n')
    b = mine(text, [("Rui Maldonado", "person", ("Rui Maldonado", "Maldonado"))], fmt="markdown")
    assert [(q.origin, q.text) for q in b.quotes] == [("section", "We have bought eight weeks."),
                                                      ("prose", "It is not a wet year,")]
    assert b.quotes[0].cue == "told"


# --- speakers in non-wire styles -----------------------------------------------------------------


def test_a_party_title_in_brackets_before_the_name_keeps_the_speaker() -> None:
    text = '"The government remembers Pune only before elections," NCP (SP) MP Supriya Sule said on Wednesday.'
    b = mine(text)
    (q,) = direct(b)
    assert q.speaker is not None and q.speaker.text.endswith("Supriya Sule")
    assert_spans(b)


def test_the_subject_of_a_passive_verb_is_not_the_speaker_of_a_partial_quote() -> None:
    text = ('A spokesperson for the health department, Neil Shikwambana, said on Wednesday that a second '
            'doctor would be posted to the area "before the end of the year."')
    b = mine(text)
    (q,) = direct(b)
    assert q.speaker is not None and "Shikwambana" in q.speaker.text
    assert_spans(b)


def test_i_inside_an_interview_answer_is_the_person_whose_turn_it_is() -> None:
    text = ("Q: How did the rebuild happen?\n\n"
            'Mabaso: A builder offered his crew. I said, "If you can give us walls, I can give you lunch."\n\n'
            'Q: And then?\n\nHe laughed. I said, "That was the deal."')
    b = mine(text)
    first, second = direct(b)
    assert first.speaker is not None and first.speaker.text == "Mabaso"
    assert second.speaker is not None and second.speaker.text == "I"  # no turn label: left as written
    assert_spans(b)


# --- speakers named in apposition, verbs of describing, titles, brackets ---------------------------------
def test_the_name_after_a_capitalised_title_and_a_comma_is_the_speaker() -> None:
    text = ('The Minister for Enterprise, Sorcha Quinlan, said the scheme was "a lifeline for small firms".\n\n'
            '"Roads are still closed," the UN Humanitarian Coordinator, Jean-Paul Mbeki, told reporters.\n\n'
            '"Exports will recover," said the Secretary for Trade, Ola Berg.\n\n'
            'Its chief executive, Ravi Menon, said: "We expected a harder year."\n\n'
            'A spokeswoman for Halden Group, Clara Voss, told reporters: "We do not comment on rumours."\n\n'
            'The Minister for Health, Niamh Foley, was blunt. "Waiting lists will grow."')
    b = mine(text)
    assert [q.speaker.text for q in direct(b)] == ["Sorcha Quinlan", "Jean-Paul Mbeki", "Ola Berg", "Ravi Menon",
                                                   "Clara Voss", "Niamh Foley"]
    assert_spans(b)


def test_a_place_listed_after_a_place_is_not_a_speaker_in_apposition() -> None:
    (q,) = direct(mine('The mayor of Lyon, France, said the works were "late and over budget".'))
    assert q.speaker is not None and q.speaker.text != "France"


def test_partial_quotes_after_verbs_of_calling_describing_and_rejecting() -> None:
    text = ("Northwind Rail reported lower sales on Monday. Orders slowed amid what the company called "
            '"a pause in spending by carriers." The health minister dismissed the report as "pure speculation". '
            'The opposition leader rejected the figures as "a fantasy". Critics branded it "a tax on commuters". '
            'The ombudsman labelled the delays "unacceptable".')
    b = mine(text, [("Northwind Rail", "organization", ("Northwind Rail",))])
    qs = direct(b)
    assert [q.text for q in qs] == ["a pause in spending by carriers.", "pure speculation", "a fantasy",
                                    "a tax on commuters", "unacceptable"]
    assert all(q.kind == "partial" for q in qs)
    assert qs[0].speaker.actor_id == "northwind-rail"
    assert [q.speaker.text for q in qs[1:]] == ["The health minister", "The opposition leader", "Critics",
                                                "The ombudsman"]


def test_quoted_names_labels_and_the_other_sides_words_are_not_quotations() -> None:
    text = ('The union rejected the company\'s "final offer" on Monday. Residents have dubbed the road '
            '"the racetrack". The tower, called "the Needle", opens in May. The bottles are labelled '
            '"organic" although nothing in them is.')
    assert direct(mine(text)) == []


def test_a_title_then_a_surname_that_is_an_english_word_speaks() -> None:
    text = ('Prof Still accused the board of "ignoring the evidence" and resigned.\n\n'
            'Mr Will told the inquiry the plan was "a mess from the start".')
    assert [q.speaker.text for q in direct(mine(text))] == ["Still", "Will"]


def test_a_bracket_after_the_name_and_a_passive_with_by() -> None:
    text = ('Rep. Dana Ruiz (R-Ohio) said the bill was "dead on arrival".\n\n'
            '"We will keep talking," the Port Workers Union (PWU) said.\n\n'
            'Parents were told by teachers to keep children at home "until the boiler is fixed".')
    assert [q.speaker.text for q in direct(mine(text))] == ["Dana Ruiz", "Port Workers Union", "teachers"]


# --- month words that are surnames --------------------------------------------------------------

def test_a_speaker_whose_surname_is_a_month_word_keeps_the_whole_name() -> None:
    text = ('"We will leave," Helen May said on Monday. The cabinet met in May. "It is done," May said. '
            'Mrs May told MPs the deal was dead. "No," said Colm August.')
    b = parse_text(text)
    assert_spans(b)
    qs = {q.text: q for q in b.quotes}
    first = qs["We will leave,"]
    assert first.speaker is not None and first.speaker.text == "Helen May"
    assert speaker_name(b, first) == "Helen May"
    assert speaker_name(b, qs["It is done,"]) == "Helen May"  # the bare surname, not the month
    assert speaker_name(b, qs["the deal was dead"]) == "Helen May"
    assert qs["No,"].speaker is not None and qs["No,"].speaker.text == "Colm August"
    assert [t.text for t in b.time_expressions] == ["Monday", "May"]
