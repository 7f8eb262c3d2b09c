"""Actors: people, organisations, places and groups found by rules and shipped gazetteers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import document, parse_text
from briefing.extract import actors
from briefing.load import load_text
from briefing.model import Actor, Briefing, SourceInfo


def _actors(text: str, fmt: str = "text") -> list[Actor]:
    """Run the actors step alone on `text` (other steps are tested elsewhere)."""
    loaded = load_text(text, parse_front_matter=fmt == "markdown")
    assert loaded.text == text
    doc = document.build(text, format=fmt, front_matter=loaded.front_matter,
                         front_matter_end=loaded.front_matter_end)
    start = Briefing(id="t", source=SourceInfo(format=fmt, encoding="utf-8", size=len(text)), text=text,
                     blocks=doc.blocks, sentences=doc.sentence_models())
    return actors.run(doc, start).actors


def _by_name(found: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in found}


def _texts(text: str, a: Actor) -> list[str]:
    return [text[m.start : m.end] for m in a.mentions]


# ---- titled names ----------------------------------------------------------------------------------
def test_title_before_a_name_is_a_title_and_not_part_of_the_name() -> None:
    text = "Italian Prime Minister Giorgia Meloni met her cabinet on Monday."
    a = _by_name(_actors(text))["Giorgia Meloni"]
    assert a.kind == "person"
    assert a.titles == ["Prime Minister"]
    assert a.affiliation == "Italy"
    assert _texts(text, a) == ["Giorgia Meloni"]


def test_country_before_a_title_is_a_place_and_the_affiliation() -> None:
    text = "UK Foreign Secretary David Lammy arrived in Riyadh late on Sunday."
    found = _by_name(_actors(text))
    lammy = found["David Lammy"]
    assert lammy.titles == ["Foreign Secretary"]
    assert lammy.affiliation == "United Kingdom"
    assert found["United Kingdom"].kind == "place"
    assert _texts(text, found["United Kingdom"]) == ["UK"]
    assert found["Riyadh"].kind == "place"


def test_organisation_before_a_title_is_the_organisation() -> None:
    text = "NATO Secretary-General Mark Rutte said allies would send more air defences."
    found = _by_name(_actors(text))
    rutte = found["Mark Rutte"]
    assert rutte.titles == ["Secretary-General"]
    assert found[rutte.affiliation or ""].kind == "organization"


def test_a_name_after_an_unknown_group_and_a_lowercase_role() -> None:
    text = "Houthi military spokesman Yahya Saree claimed the attack. The Tigray People's front denied it."
    found = _by_name(_actors(text))
    assert found["Yahya Saree"].kind == "person"
    assert found["Yahya Saree"].titles == ["military spokesman"]


def test_apposition_gives_the_title_of_the_person_before_the_comma() -> None:
    text = ("Maria Lopez, Mexican President Claudia Sheinbaum's chief of staff, told reporters the talks "
            "had stalled.")
    found = _by_name(_actors(text))
    assert found["Maria Lopez"].titles == ["chief of staff"]
    assert found["Claudia Sheinbaum"].titles == ["President"]
    assert found["Claudia Sheinbaum"].affiliation == "Mexico"


def test_apposition_with_of_gives_titles_and_organisation() -> None:
    text = "\"We are pleased,\" said Joan Baker, chairman and chief operating officer of Delta Air Lines."
    baker = _by_name(_actors(text))["Joan Baker"]
    assert baker.titles == ["chairman", "chief operating officer"]
    assert baker.affiliation == "Delta Air Lines"


def test_possessive_role_before_a_comma() -> None:
    text = "The bank's chief executive officer, Alan Smith, resigned on Friday."
    assert _by_name(_actors(text))["Alan Smith"].titles == ["chief executive officer"]


# ---- organisations, places, acronyms -------------------------------------------------------------------
def test_the_pentagon_and_the_white_house_are_organisations() -> None:
    found = _by_name(_actors("The White House and the Pentagon declined to comment."))
    assert found["White House"].kind == "organization"
    assert found["Pentagon"].kind == "organization"


def test_acronym_in_parentheses_joins_its_expansion() -> None:
    text = "The International Monetary Fund (IMF) cut its forecast. The IMF said growth would slow."
    imf = _by_name(_actors(text))["International Monetary Fund"]
    assert imf.kind == "organization"
    assert "IMF" in imf.aliases
    assert _texts(text, imf) == ["International Monetary Fund", "IMF", "IMF"]


def test_acronym_joins_a_name_with_the_same_initials() -> None:
    text = "The Federated Grain Workers struck on Friday, and the FGW said talks would resume."
    found = _actors(text)
    fgw = [a for a in found if "FGW" in _texts(text, a)]
    assert len(fgw) == 1 and fgw[0].name == "Federated Grain Workers"


def test_company_suffix_and_short_name_are_one_actor_with_the_fullest_name() -> None:
    text = "Harlow Motors Inc. reported a loss. Harlow said sales fell, and Harlow Motors cut jobs."
    found = [a for a in _actors(text) if a.kind == "organization"]
    assert len(found) == 1
    assert found[0].name == "Harlow Motors Inc."
    assert len(found[0].mentions) == 3


def test_cities_used_for_governments_stay_places() -> None:
    found = _by_name(_actors("Tehran said it would respond. Washington's trust in Moscow has eroded."))
    for name in ("Tehran", "Washington", "Moscow"):
        assert found[name].kind == "place"


def test_news_outlets_are_organisations() -> None:
    found = _by_name(_actors("Two officials told Axios the plan had changed, Reuters reported."))
    assert found["Axios"].kind == "organization"
    assert found["Reuters"].kind == "organization"


def test_unknown_company_after_an_industry_word_is_an_organisation() -> None:
    found = _by_name(_actors("The deal was struck with carmaker Zelvano in the spring."))
    assert found["Zelvano"].kind == "organization"


def test_place_from_a_comma_state_pattern() -> None:
    found = _by_name(_actors("The plant in Brookhaven, Mississippi, will close."))
    assert found["Brookhaven"].kind == "place"


def test_plural_demonym_is_a_group_with_its_country() -> None:
    found = _by_name(_actors("Our trust of the Israelis is very low right now."))
    assert found["Israelis"].kind == "group"
    assert found["Israelis"].affiliation == "Israel"


# ---- what is not an actor ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Officials said the talks would resume.",
        "Analysts expect a slowdown in July.",
        "On Tuesday the minister met the Defense committee in March.",
        "Defense officials declined to comment.",
        "Secretary-General was not a title anyone wanted.",
        "The Boeing 787 and the Airbus A350 were on display.",
        "It sold for US$40 billion, or AU$52 billion.",
    ],
)
def test_ordinary_words_titles_dates_and_products_are_not_actors(text: str) -> None:
    names = {a.name for a in _actors(text)}
    assert not names & {"Officials", "Analysts", "July", "March", "Tuesday", "Defense", "Secretary-General",
                        "US", "AU", "United States", "Australia", "Boeing", "Airbus"}


def test_sentence_initial_name_is_kept_when_the_document_names_it_again() -> None:
    text = "Jobs welcomed everyone. Later that day Steve Jobs spoke again."
    jobs = _by_name(_actors(text))["Steve Jobs"]
    assert _texts(text, jobs) == ["Jobs", "Steve Jobs"]


def test_a_given_name_that_is_also_a_town_starts_a_person() -> None:
    found = _by_name(_actors("Hezbollah leader Hassan Nasrallah spoke. Nasrallah said little."))
    assert found["Hassan Nasrallah"].kind == "person"
    assert found["Hezbollah"].kind == "organization"
    assert "Hassan" not in found


def test_surname_of_a_person_beats_a_city_of_the_same_name() -> None:
    text = "Defense Secretary Lloyd Austin flew in. Officials said Gallant told Austin the plan had changed."
    austin = _by_name(_actors(text))["Lloyd Austin"]
    assert _texts(text, austin) == ["Lloyd Austin", "Austin"]


# ---- merging and salience ------------------------------------------------------------------------------
def test_surname_mentions_join_the_full_name() -> None:
    text = "Angela Merkel spoke on Monday. Merkel said the coalition would hold, and Merkel left."
    merkel = _by_name(_actors(text))["Angela Merkel"]
    assert merkel.aliases == ["Merkel"]
    assert len(merkel.mentions) == 3
    assert merkel.id == "angela-merkel"


def test_actors_are_sorted_by_salience_and_the_most_mentioned_comes_first() -> None:
    text = ("Paula Grant met Omar Haddad in Cairo. Grant said the deal was close. Grant added that "
            "Haddad had agreed. Grant left on Friday.")
    found = _actors(text)
    assert found[0].name == "Paula Grant"
    assert [a.salience for a in found] == sorted((a.salience for a in found), reverse=True)


def test_earlier_first_mention_is_more_salient_at_equal_counts() -> None:
    found = _actors("Kiran Desai opened the meeting. Later, Tomas Berg closed it.")
    assert [a.name for a in found] == ["Kiran Desai", "Tomas Berg"]


def test_ids_are_unique_slugs() -> None:
    found = _actors("Georgia Ellis visited Georgia. José Álvarez met Jose Alvarez Group officials.")
    ids = [a.id for a in found]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i for i in ids)


# ---- headlines, markdown, sections ------------------------------------------------------------------------
def test_all_caps_headline_mentions_join_the_body_actors() -> None:
    text = "# PENTAGON DELAYS MINISTER VISIT\n\nThe Pentagon said the visit by Yoav Gallant was called off.\n"
    found = _by_name(_actors(text, "markdown"))
    pentagon = found["Pentagon"]
    assert _texts(text, pentagon) == ["PENTAGON", "Pentagon"]
    assert "Delays" not in found and "DELAYS" not in found


def test_code_blocks_and_front_matter_are_not_mined() -> None:
    text = "---\ntitle: Notes\nauthor: Karl Weiss\n---\n\nLena Fischer wrote this.\n\n```\nBarack Obama said.\n```\n"
    names = {a.name for a in _actors(text, "markdown")}
    assert names == {"Lena Fischer"}


def test_actors_section_is_read_and_merged_with_prose_mentions() -> None:
    text = (
        "# Briefing\n\nNetanyahu said the operation would go on. Hamas rejected the offer.\n\n"
        "## Actors\n\n"
        "- **Benjamin Netanyahu** (person) — Prime Minister of Israel\n"
        "- Hamas (organization)\n"
        "- Tel Aviv\n"
        "- Ron Dermer: strategic affairs adviser\n"
    )
    found = _by_name(_actors(text, "markdown"))
    bibi = found["Benjamin Netanyahu"]
    assert bibi.origin == "section"
    assert bibi.kind == "person"
    assert bibi.description == "Prime Minister of Israel"
    assert bibi.titles == ["Prime Minister"]
    assert bibi.affiliation == "Israel"
    assert "Netanyahu" in _texts(text, bibi)  # the prose mention belongs to the section actor
    assert found["Hamas"].origin == "section" and len(found["Hamas"].mentions) == 2
    assert found["Tel Aviv"].kind == "place"  # kind inferred when the entry gives none
    assert found["Ron Dermer"].kind == "person"
    assert found["Ron Dermer"].description == "strategic affairs adviser"


# ---- the seed ------------------------------------------------------------------------------------------
def test_seed_acceptance(seed_text: str) -> None:
    b = parse_text(seed_text, reference_date=dt.date(2024, 10, 8))
    people = {a.name: a for a in b.actors if a.kind == "person"}
    assert set(people) == {"Benjamin Netanyahu", "Ismail Haniyeh", "Hassan Nasrallah", "Jake Sullivan",
                           "Joe Biden", "Ron Dermer", "Lloyd Austin", "Yoav Gallant"}
    assert "Prime Minister" in people["Benjamin Netanyahu"].titles
    assert "Secretary-General" in people["Hassan Nasrallah"].titles
    assert "national security advisor" in people["Jake Sullivan"].titles
    assert "President" in people["Joe Biden"].titles
    assert "Defense Secretary" in people["Lloyd Austin"].titles
    assert "Defense Minister" in people["Yoav Gallant"].titles
    orgs = {a.name for a in b.actors if a.kind == "organization"}
    assert {"White House", "Axios", "Hamas", "Hezbollah", "Pentagon"} <= orgs
    places = {a.name for a in b.actors if a.kind == "place"}
    assert {"Israel", "Iran", "Tehran", "Beirut", "Lebanon", "Gaza", "Washington", "Tel Aviv"} <= places
    # every mention of a person is a name, never a title or a place
    for a in people.values():
        for m in a.mentions:
            assert b.text[m.start : m.end] in {a.name, *a.aliases}
    assert [a.salience for a in b.actors] == sorted((a.salience for a in b.actors), reverse=True)


# ---- spans ---------------------------------------------------------------------------------------------
_WORDS = st.sampled_from([
    "The", "Prime", "Minister", "Benjamin", "Netanyahu", "said", "US", "U.S.", "Defense", "of", "and", "(",
    ")", "IMF", ",", ".", "\n\n", "# ", "- **", "**", "Apple", "Inc.", "Tehran's", "al-Qaeda", "GENERAL",
    "MOTORS", "Mr.", "Jobs", "in", "July", "Tuesday", "\"", "“", "”", "—", "Secretary-General", "ACME",
    "Gaza", "Strip", "John", "F.", "Kennedy", "Bank", "America", "&", "é", "Ünal", "  ", "\t", "## Actors\n\n",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=60), st.sampled_from(["text", "markdown"]))
def test_every_mention_is_in_range_and_is_the_name_or_an_alias(words: list[str], fmt: str) -> None:
    text = " ".join(words)
    found = _actors(text, fmt)
    ids = [a.id for a in found]
    assert len(ids) == len(set(ids))
    for a in found:
        assert a.mentions
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] in {a.name, *a.aliases} or a.origin == "section" or a.kind == "place"
