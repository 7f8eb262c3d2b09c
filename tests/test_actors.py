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


# ---- titles with "of"/"for" and portfolios ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Deputy Minister of Natural Resources and Environment Trần Văn Bình told reporters the plan would wait.",
         "Trần Văn Bình", "Deputy Minister of Natural Resources and Environment"),
        ("Minister for Foreign Affairs Simon Harris said the embassy would reopen.",
         "Simon Harris", "Minister for Foreign Affairs"),
        ("Secretary of the Treasury Janet Yellen arrived in Beijing on Thursday.",
         "Janet Yellen", "Secretary of the Treasury"),
        ("Fisheries Minister Kari Lindeberg-Haugen rejected the offer.", "Kari Lindeberg-Haugen", "Fisheries Minister"),
    ],
)
def test_a_title_with_its_portfolio_is_one_title_and_not_part_of_the_name(text: str, name: str, title: str) -> None:
    found = _by_name(_actors(text))
    assert found[name].kind == "person"
    assert found[name].titles == [title]
    assert not any(a.kind == "organization" for a in found.values())  # the portfolio is no organisation


def test_title_of_an_organisation_then_a_name_gives_title_and_affiliation() -> None:
    text = "Governor of Texas Greg Abbott met Chief Executive Officer of General Motors Mary Barra on Friday."
    found = _by_name(_actors(text))
    assert found["Greg Abbott"].titles == ["Governor"]
    assert found["Greg Abbott"].affiliation == "Texas"
    assert found["Texas"].kind == "place"
    assert found["Mary Barra"].titles == ["Chief Executive Officer"]
    assert found["General Motors"].kind == "organization"


# ---- people from structure, not only from the given-name list ----------------------------------------
def test_given_names_of_many_languages_start_a_person() -> None:
    text = ("Grażyna Mazur, Zbigniew Kania and Sigríður Pálsdóttir met Wanjiku Mwangi and Souleymane Dembélé "
            "in Lisbon.")
    found = _by_name(_actors(text))
    for name in ("Grażyna Mazur", "Zbigniew Kania", "Sigríður Pálsdóttir", "Wanjiku Mwangi", "Souleymane Dembélé"):
        assert found[name].kind == "person", name


def test_unknown_names_are_people_by_surname_ending_speech_or_a_later_pronoun() -> None:
    text = ("Talvik Orrendottir signed the letter. Tovrek Almasu said the vote was rigged. "
            "The court heard that Quennel Varbuk had fled the country. He was arrested in Berlin.")
    found = _by_name(_actors(text))
    for name in ("Talvik Orrendottir", "Tovrek Almasu", "Quennel Varbuk"):
        assert found[name].kind == "person", name


def test_family_name_first_names_join_their_short_mentions() -> None:
    text = ("South Korea's envoy, Park Ji-woo, said Seoul had no objection. Park said a decision could come "
            "within weeks. Defence Minister Shin Won-sik agreed, and Hou Yu-ih of the Kuomintang objected.")
    found = _by_name(_actors(text))
    park = found["Park Ji-woo"]
    assert park.kind == "person"
    assert _texts(text, park) == ["Park Ji-woo", "Park"]
    assert found["Shin Won-sik"].kind == "person"
    assert found["Hou Yu-ih"].kind == "person"


def test_particles_and_double_surnames_join_the_full_name() -> None:
    text = ("State Secretary Ursula von der Brandt spoke first. \"We agree,\" von der Brandt said. "
            "Jean-Luc de la Croix, a Canadian diplomat, nodded, and de la Croix left. "
            "Lucía Serrano Ibáñez signed for Spain. Serrano Ibáñez said more talks were needed.")
    found = _by_name(_actors(text))
    brandt = found["Ursula von der Brandt"]
    assert _texts(text, brandt) == ["Ursula von der Brandt", "von der Brandt"]
    assert _texts(text, found["Jean-Luc de la Croix"]) == ["Jean-Luc de la Croix", "de la Croix"]
    serrano = found["Lucía Serrano Ibáñez"]
    assert serrano.kind == "person"
    assert _texts(text, serrano) == ["Lucía Serrano Ibáñez", "Serrano Ibáñez"]


def test_names_with_capitals_beyond_latin_1() -> None:
    text = "Dr. Zoë Łukasiewicz met Đặng Quốc Khánh in Hanoi. Łukasiewicz said the survey would go on."
    found = _by_name(_actors(text))
    assert found["Zoë Łukasiewicz"].kind == "person"
    assert _texts(text, found["Zoë Łukasiewicz"]) == ["Zoë Łukasiewicz", "Łukasiewicz"]
    assert found["Đặng Quốc Khánh"].kind == "person"


# ---- places from cues -------------------------------------------------------------------------------
def test_small_places_from_the_words_around_them() -> None:
    text = ("Residents of Killyleagh were moved to a school hall. A market trader from Kayole joined the march. "
            "Fighting forced families to flee Sake, a town 25 km from Goma. Water levels in the Guadiana basin "
            "fell, and the River Quoile burst its banks near Ballykeel, County Down.")
    found = _by_name(_actors(text))
    for name in ("Killyleagh", "Kayole", "Sake", "Guadiana", "River Quoile", "Ballykeel", "County Down"):
        assert found[name].kind == "place", name


def test_a_town_of_the_gazetteer_is_a_place_without_other_cues() -> None:
    text = "Rebels retook Kidal on Wednesday."
    assert _by_name(_actors(text))["Kidal"].kind == "place"


def test_a_club_named_like_a_city_is_an_organisation_after_a_result() -> None:
    text = "Manchester City beat Luton 6-2 on Saturday. Luton manager Rob Edwards said his side was punished."
    found = _by_name(_actors(text))
    assert found["Luton"].kind == "organization"
    assert len(found["Luton"].mentions) == 2


# ---- long organisation names ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    ["People's Party", "Citizens' Alliance", "Scottish Pelagic Fishermen's Association",
     "United Nations Relief and Works Agency for Palestine Refugees", "Ministry of Foreign Affairs and Trade",
     "Directorate-General for Employment and Labour Relations", "Bank of England"],
)
def test_long_organisation_names_are_one_name(name: str) -> None:
    text = f"A statement from the {name} was published on Monday."
    found = _by_name(_actors(text))
    assert found[name].kind == "organization"
    assert len(found) == 1


def test_a_possessive_of_a_place_or_person_still_cuts_the_name() -> None:
    text = "Israel's Defense Ministry said Trump's campaign had asked for a meeting."
    found = _by_name(_actors(text))
    assert found["Israel"].kind == "place"
    assert found["Defense Ministry"].kind == "organization"


def test_an_apposition_types_by_its_head_noun() -> None:
    text = "Frontex, the European Union's border agency, said crossings had doubled."
    assert _by_name(_actors(text))["Frontex"].kind == "organization"


@pytest.mark.parametrize("text", ["Tugboats waited outside the harbour.", "Coastal states have failed to agree.",
                                  "Dockworkers walked off the job on Monday.", "Pomeranian fishermen protested."])
def test_sentence_initial_ordinary_words_and_adjectives_are_not_actors(text: str) -> None:
    assert _actors(text) == []


def test_players_in_a_result_stay_people() -> None:
    text = "Novak Djokovic beat Taylor Fritz 7-6 4-6 6-2 on Tuesday."
    found = _by_name(_actors(text))
    assert found["Novak Djokovic"].kind == "person"


def test_an_unknown_all_caps_dateline_is_a_place() -> None:
    text = "GLENDIVE - A federal judge on Thursday struck down the county's new zoning law."
    found = _by_name(_actors(text))
    assert found["GLENDIVE"].kind == "place"


# ---- wire and regional news styles (AP datelines, press releases, UK/sports copy) -----------------
def _kinds(text: str) -> dict[str, str]:
    """Every mention's text → its actor's kind."""
    return {text[m.start : m.end]: a.kind for a in _actors(text) for m in a.mentions}


def test_ap_state_abbreviations_after_a_dateline_city_or_a_party_letter_are_places() -> None:
    text = ("Storm damage closes schools\n\nTOPEKA, Kan. — Schools stayed shut on Friday. Sen. Mona Beck, "
            "R-Neb., and Sen. Ivo Lind, D-Wash., asked for aid. Miss Taylor stayed home.")
    kinds = _kinds(text)
    assert kinds["TOPEKA"] == "place"  # a headline's last word is no cue for the dateline city
    assert kinds["Kan."] == "place"
    assert kinds["Neb."] == "place" and kinds["Wash."] == "place"
    assert "R-Neb" not in kinds and "D-Wash" not in kinds
    assert kinds["Mona Beck"] == "person"
    assert "Miss" not in kinds  # an honorific, not Mississippi


def test_a_given_name_before_a_place_word_is_a_person() -> None:
    kinds = _kinds("Reporter Anna Park wrote the story. Sen. Laura Marsh voted no. Hyde Park was closed.")
    assert kinds["Anna Park"] == "person"
    assert kinds["Laura Marsh"] == "person"
    assert kinds["Hyde Park"] == "place"


def test_a_role_noun_opening_a_sentence_is_not_part_of_the_name() -> None:
    kinds = _kinds("Geologist Tarik Ozdemir said the fault moved. Substitute Kevin Mold scored late.")
    assert kinds.get("Tarik Ozdemir") == "person"
    assert kinds.get("Kevin Mold") == "person"
    assert "Geologist Tarik Ozdemir" not in kinds and "Substitute Kevin Mold" not in kinds


def test_long_organisation_names_with_and_or_an_ambiguous_title_word_stay_whole() -> None:
    kinds = _kinds("Officials from the Fire and Rescue Management Authority met the Royal College of General "
                   "Surgeons on Monday.")
    assert kinds.get("Fire and Rescue Management Authority") == "organization"
    assert kinds.get("Royal College of General Surgeons") == "organization"


def test_plain_text_headline_names_only_what_the_body_knows() -> None:
    text = ("Brightwater Power Opens Wind Farm in East Kenya\n\nNAIROBI, Kenya -- Brightwater Power said on "
            "Monday its turbines in East Kenya were running.")
    kinds = _kinds(text)
    found = _by_name(_actors(text))
    assert kinds["East Kenya"] == "place"
    assert "Wind Farm" not in kinds
    assert _texts(text, found["Brightwater Power"])[0] == "Brightwater Power"
    assert found["Brightwater Power"].mentions[0].start == 0


def test_time_zones_role_acronyms_and_release_boilerplate_are_not_actors() -> None:
    text = ("The vote is at 10 a.m. ET on Monday, and GPs say they are ready; Editing by Ana Roy.\n\n"
            "SOURCE Brightwater Power")
    kinds = _kinds(text)
    for word in ("ET", "GPs", "Editing", "SOURCE Brightwater Power"):
        assert word not in kinds, word
    assert kinds.get("Brightwater Power") == "organization"


def test_club_names_and_parliaments_are_organisations() -> None:
    kinds = _kinds("Hollin Rovers beat Dunmore Athletic 2-1 at Mill Lane. The bill passed the Commons, "
                   "and Parliament will vote again.")
    assert kinds["Hollin Rovers"] == "organization"
    assert kinds["Dunmore Athletic"] == "organization"
    assert kinds["Mill Lane"] == "place"
    assert kinds["Commons"] == "organization" and kinds["Parliament"] == "organization"


# ---- bylines, families, places by their context, US politics, glued amounts ---------------------------
def test_all_capital_names_on_a_byline_are_people_as_written() -> None:
    text = ("Ferry fares to rise in spring\n\nBy MARTA DIAZ and OWEN PRICE\n\nThe ferry operator said fares "
            "would rise.\n\nBy LENA HOLT\n\nMore follows.")
    kinds = _kinds(text)
    assert kinds["MARTA DIAZ"] == "person" and kinds["OWEN PRICE"] == "person"
    assert kinds["LENA HOLT"] == "person"


def test_a_first_name_after_a_kinship_word_is_a_person() -> None:
    kinds = _kinds("She leaves her sons Eoin and Padraig, a brother and her sister Maeve. Her husband, Colm, "
                   "died in 2019. His daughter Saoirse runs the shop.")
    for name in ("Eoin", "Padraig", "Maeve", "Colm", "Saoirse"):
        assert kinds.get(name) == "person", name


def test_places_named_by_their_people_or_as_a_destination() -> None:
    kinds = _kinds("The win belongs to the people of Ndarugu, who voted in numbers. Many commuters cannot get "
                   "back to Kalembo after midnight, and one nurse travelled to Mbarazi on foot.")
    assert kinds.get("Ndarugu") == "place"
    assert kinds.get("Kalembo") == "place"
    assert kinds.get("Mbarazi") == "place"


def test_an_irish_county_with_co_is_one_place() -> None:
    kinds = _kinds("He grew up in Belmullet, Co Mayo, and later farmed near Ballyclare, Co. Antrim.")
    assert kinds.get("Co Mayo") == "place" and kinds.get("Co. Antrim") == "place"
    assert "Co" not in kinds and "Mayo" not in kinds


def test_the_house_of_representatives_and_party_state_brackets() -> None:
    text = ("House Democrats met on Monday. House Majority Leader Dale Renner (R-Ohio) said the vote would "
            "wait, and Rep. Ana Cruz (D-New Mexico) disagreed. The bill dies unless the House acts. Senate "
            "Republicans stayed silent.")
    found = _actors(text)
    kinds = _kinds(text)
    house = [a for a in found if a.name == "House"]
    assert len(house) == 1 and house[0].kind == "organization"
    assert _texts(text, house[0]) == ["House", "House", "House"]
    assert kinds["Ohio"] == "place" and kinds["New Mexico"] == "place"
    assert "R-Ohio" not in kinds and "D-New Mexico" not in kinds
    assert kinds["Dale Renner"] == "person" and kinds["Ana Cruz"] == "person"
    assert kinds["Senate"] == "organization" and "Senate Republicans" not in kinds


def test_a_title_before_a_surname_that_is_an_english_word_makes_a_person() -> None:
    kinds = _kinds("Dr Still told the panel the ward was full. Prof Long agreed, and Sen. Young left early.")
    assert kinds.get("Still") == "person"
    assert kinds.get("Long") == "person"
    assert kinds.get("Young") == "person"


def test_glued_amounts_codes_lone_letters_and_common_acronyms_are_not_actors() -> None:
    text = ("Traders paid KSh500 and Rs250 for a permit; the totals on Form-12 differ. \"Nobody else came, "
            "and neither did I.\" A new CCTV camera and an NGO worker arrived. A clean CR is what we want. "
            "State broadcaster CCTV showed the visit.")
    kinds = _kinds(text)
    for word in ("KSh500", "Rs250", "Form-12", "I.", "NGO", "CR"):
        assert word not in kinds, word
    # the cameras are no actor; the broadcaster is, by its last mention only
    cctv = [m for a in _actors(text) for m in a.mentions if text[m.start : m.end] == "CCTV"]
    assert [m.start for m in cctv] == [text.rindex("CCTV")]


def test_a_capitalised_un_title_is_cut_from_the_organisation() -> None:
    text = "The UN Resident Coordinator, Ines Moreau, visited the camp."
    found = _by_name(_actors(text))
    assert found["Ines Moreau"].titles == ["Resident Coordinator"]
    assert "UN Resident Coordinator" not in found
    assert any(text[m.start : m.end] == "UN" for a in found.values() for m in a.mentions)


# ---- month words that are surnames -------------------------------------------------------------------
def test_a_month_word_after_a_given_name_or_a_title_is_the_surname() -> None:
    text = ("Prime Minister Helen May met Colm August and Dr June in Leeds. The summit had opened in May. "
            '"We are close," May said. Mrs May left on Friday.')
    found = _by_name(_actors(text))
    may = found["Helen May"]
    assert may.kind == "person"
    # the later bare "May said" and "Mrs May" are the same woman; the month "in May" is no mention of her
    assert [m.start for m in may.mentions] == [text.index("Helen May"), text.index("May said"),
                                               text.index("May left")]
    assert found["Colm August"].kind == "person"
    assert found["June"].kind == "person"
    assert "Helen" not in found and "Colm" not in found


def test_a_month_word_in_a_date_context_stays_a_month_and_no_person() -> None:
    text = ("Talks began last May and by May 2024 had stalled. Since May, the mayor has said little; "
            "the vote is on May 5, and Late May brings the budget. The company said in April it would hire.")
    assert not any(text[m.start : m.end] in ("May", "April") for a in _actors(text) for m in a.mentions)


def test_a_date_right_after_a_given_name_is_not_part_of_the_name() -> None:
    text = "The board met Kevin Moss and Anna on May 5. It heard Anna May 2024 figures."
    names = {a.name for a in _actors(text)}
    assert "Anna May" not in names


def test_named_storms_are_not_actors_but_weather_offices_are() -> None:
    text = ("Hurricane Milton reached Tampa on Wednesday after Tropical Storm Nadine faded. Storm Bert "
            "flooded Wales. Forecasters at the National Hurricane Center and the Storm Prediction Center "
            "issued warnings.")
    kinds = _kinds(text)
    assert not any(w in m for m in kinds for w in ("Milton", "Nadine", "Bert")), kinds
    assert "National Hurricane Center" in kinds and "Storm Prediction Center" in kinds
    assert kinds.get("Tampa") == "place" and kinds.get("Wales") == "place"
