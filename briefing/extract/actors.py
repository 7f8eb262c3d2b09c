"""Actors: the people, organisations, places and groups a report is about.

No model: capitalised chunks in prose are cut into names, titles and demonyms (`actors_scan.py`),
typed by gazetteers that ship in `data/` and by the words around them, then merged into one actor per
entity (`actors_merge.py`). An explicit `## Actors` section is read as written and its actors absorb
the prose mentions of the same names. Actors come out most salient first: many mentions, an early
first mention and being the one who says things all count.
"""

from __future__ import annotations

import re

from ..document import Document
from ..model import Actor, Briefing, trusted
from ..model import span as _span
from . import sections
from .actors_merge import Entity, Resolver, slug
from .actors_scan import Piece, Scanner
from .names import key, lexicon

# "- **Benjamin Netanyahu** (person) — Prime Minister of Israel"; bold, kind and description optional
_SECTION_ITEM = re.compile(
    r"""(?P<lead>\*\*|__|\*|_)?(?P<name>[^*_()\n—–:|]+?)(?P=lead)?[ \t]*
        (?:\((?P<kind>[^()\n]{1,40})\))?[ \t]*
        (?:(?:—|–|--|-|:|\|)[ \t]*(?P<desc>.+))?$""",
    re.X,
)
_KIND_WORDS = {
    "person": ("person", "people", "individual", "official", "politician", "leader", "man", "woman", "per"),
    "organization": ("organization", "organisation", "org", "company", "agency", "party", "institution",
                     "government", "ministry", "outlet", "media", "business", "firm", "union", "bank",
                     "newspaper", "news outlet", "court", "army", "military", "armed group", "militant group"),
    "place": ("place", "location", "country", "city", "region", "state", "territory", "province", "town",
              "area", "loc", "gpe"),
    "group": ("group", "movement", "militia", "faction", "community", "coalition", "people group", "crowd"),
}
_KIND_OF = {w: k for k, ws in _KIND_WORDS.items() for w in ws}


def run(doc: Document, found: Briefing) -> Briefing:
    return found.model_copy(update={"actors": extract(doc)})


def extract(doc: Document) -> list[Actor]:
    text = doc.text
    lex = lexicon()
    scanner = Scanner(text, lex)
    section_pieces = _section_pieces(doc, scanner)
    prose_blocks = [sections.is_prose(doc, i, summary=True) for i in range(len(doc.blocks))]
    headlines: list[tuple[int, int, int]] = []
    first_line = _first_line_block(doc)
    for si, sent in enumerate(doc.sentences):
        if not prose_blocks[sent.block]:
            continue
        if _shouted(text, sent.start, sent.end) or (
            (doc.blocks[sent.block].kind == "heading" or sent.block == first_line)
            and _title_case(text, sent.start, sent.end)
        ):
            headlines.append((sent.start, sent.end, si))
            continue
        before = len(scanner.pieces)
        scanner.scan_sentence(sent.start, sent.end, si)
        if len(scanner.pieces) - before > 1:
            scanner.coordinate(before)
        for p in scanner.pieces[before:]:
            if p.kind in (None, "person") and not p.acronym:
                scanner.person_roles(p, sent.start, sent.end)
    resolver = Resolver(section_pieces + scanner.pieces, lex, text)
    pieces = resolver.settle()
    scanner.pieces = []
    if headlines:
        # headlines only name what the body or the gazetteers know
        known = _known_names(pieces)
        for s, e, si in headlines:
            scanner.scan_headline(s, e, si, known)
    actors, rows = _actors(resolver.group(scanner.pieces), text, section_pieces)
    doc.memo["actor_mentions"] = (actors, rows)
    return actors


def mention_rows(doc: Document, actors: list[Actor]) -> list[tuple[int, int, int]] | None:
    """Every mention of `actors` as (start, end, index into `actors`), sorted: what the actors step
    recorded while it built them (later steps need the same rows), or None when `actors` are not the
    ones it made (same mention lists, perhaps re-ordered by salience)."""
    memo = doc.memo.get("actor_mentions")
    if memo is None:
        return None
    made, rows = memo
    if len(made) != len(actors):
        return None
    if all(a.mentions is b.mentions for a, b in zip(made, actors, strict=True)):
        return rows
    at = {id(a.mentions): i for i, a in enumerate(actors)}
    remap = [at.get(id(a.mentions), -1) for a in made]
    if -1 in remap or len(at) != len(actors):
        return None
    return sorted([(s, e, remap[i]) for s, e, i in rows])


# ---- headlines --------------------------------------------------------------------------------
_LETTERS = re.compile(r"[^\W\d_]+")


_LOWER = re.compile(r"[a-zà-ÿ]")


def _shouted(text: str, s: int, e: int) -> bool:
    """An ALL-CAPS line: no lower-case letter and at least three capitalised words."""
    if _LOWER.search(text, s, e):
        return False
    words = _LETTERS.findall(text, s, e)
    return len(words) >= 3 and not any(ch.islower() for w in words for ch in w)


def _title_case(text: str, s: int, e: int) -> bool:
    words = [w for w in _LETTERS.findall(text, s, e) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _first_line_block(doc: Document) -> int:
    """The index of the plain-text headline: a first block of one line with no closing full stop
    ("Northwind Energy Opens Solar Farm in West Texas"), or -1."""
    for i, b in enumerate(doc.blocks):
        if b.kind in ("front_matter", "code"):
            continue
        c = b.content
        line = doc.text[c.start : c.end].strip()
        if b.kind == "paragraph" and line and "\n" not in line and line[-1] not in ".!?:\"”'’":
            return i
        return -1
    return -1


def _known_names(pieces: list[Piece]) -> dict[str, tuple[str, str]]:
    """Keys (names, surnames) of the body's actors with their kinds, for matching headlines."""
    known: dict[str, tuple[str, str]] = {}
    for p in pieces:
        if p.kind is None:
            continue
        k = key(p.text)
        known.setdefault(k, (p.canonical or p.text, p.kind))
        if p.kind == "person" and " " in k:
            known.setdefault(k.rsplit(" ", 1)[1], (p.text, p.kind))
    return known


# ---- the explicit section -----------------------------------------------------------------------
def _section_pieces(doc: Document, scanner: Scanner) -> list[Piece]:
    out: list[Piece] = []
    text = doc.text
    for bi in sections.section_block_indices(doc, "actors"):
        block = doc.blocks[bi]
        if block.kind not in ("list_item", "paragraph"):
            continue
        s, e = block.content.start, block.content.end
        line_end = text.find("\n", s, e)
        e = line_end if line_end != -1 else e
        m = _SECTION_ITEM.match(text, s, e)
        if m is None or not m["name"].strip():
            continue
        ns, ne = m.span("name")
        while ne > ns and text[ne - 1] in " \t,":
            ne -= 1
        name = text[ns:ne]
        if not any(ch.isalpha() for ch in name):
            continue
        kind = _section_kind(m["kind"]) or _infer_kind(name, scanner)
        p = Piece(ns, ne, name, kind=kind, strong=True, sentence=-1)
        desc = (m["desc"] or "").strip()
        p.description = desc or None
        if desc and kind == "person":
            _description_roles(p, desc, scanner)
        lex = scanner.lex
        place = lex.places.get(key(name))
        if place is not None and kind == "place":
            p.canonical = place[0]
        out.append(p)
    return out


def _section_kind(raw: str | None) -> str | None:
    if not raw:
        return None
    low = raw.strip().lower()
    if low in _KIND_OF:
        return _KIND_OF[low]
    for word in re.split(r"[\s,/;]+", low):
        if word in _KIND_OF:
            return _KIND_OF[word]
    return None


def _infer_kind(name: str, scanner: Scanner) -> str:
    lex = scanner.lex
    k = key(name)
    if k in lex.orgs:
        return "organization"
    if k in lex.places:
        return "place"
    if k in lex.demonym_plurals:
        return "group"
    words = name.split()
    if words and words[-1] in lex.org_head | lex.org_suffix:
        return "organization"
    if len(words) > 1 and (words[0] in lex.first_names or all(w[:1].isupper() for w in words)):
        return "person" if len(words) <= 4 else "organization"
    return "organization"


_DESC_WORD = re.compile(r"[\w'’.&-]+|,")


def _description_roles(p: Piece, desc: str, scanner: Scanner) -> None:
    """"Prime Minister of Israel" → title "Prime Minister", affiliation Israel; "Spain's Secretary of State
    for the Environment" → title "Secretary of State for the Environment", affiliation Spain."""
    lex = scanner.lex
    words = _DESC_WORD.findall(desc)

    def low(w: str) -> str:
        return w.lower().rstrip(".,;")

    heads = [i for i, w in enumerate(words) if low(w) in lex.titles]
    if heads:
        h = heads[0]
        start = h
        while start > 0 and (low(words[start - 1]) in lex.title_mods or low(words[start - 1]) in lex.titles):
            start -= 1
        end = h + 1
        while end < len(words):
            w = words[end]
            if low(w) in lex.titles or low(w) in lex.title_mods:
                end += 1
            elif low(w) in ("of", "for") and end + 1 < len(words) and words[h][:1].isupper():
                k = end + 1
                if words[k] == "the" and k + 1 < len(words):
                    k += 1
                if not words[k][:1].isupper() or key(words[k]) in lex.places or key(words[k]) in lex.orgs:
                    break  # "of Israel": the affiliation, not the portfolio
                first = k
                while k < len(words) and (words[k][:1].isupper() or (words[k] == "and" and k + 1 < len(words)
                                                                      and words[k + 1][:1].isupper())):
                    k += 1
                if words[k - 1] in lex.org_head or words[k - 1] in lex.org_suffix or k - first > 6:
                    break  # "for the Iberian Rivers Network": an organisation
                end = k
            else:
                break
        p.titles.append(" ".join(words[start:end]))
        before = words[start - 1] if start > 0 else ""
        owner = before[:-2] if before.endswith(("'s", "’s")) else before
        if owner and key(owner) in lex.demonyms:
            p.affiliation = lex.demonyms[key(owner)]
        elif owner and owner != before:
            place = lex.places.get(key(owner))
            p.affiliation = place[0] if place else owner
        if p.affiliation is None and end + 1 < len(words) and low(words[end]) in ("of", "at", "for"):
            k = end + 1 + (words[end + 1] == "the")
            name = []
            while k < len(words) and words[k][:1].isupper():
                name.append(words[k])
                k += 1
            if name:
                place = lex.places.get(key(" ".join(name)))
                p.affiliation = place[0] if place else " ".join(name)
        return
    first = words[0] if words else ""
    if key(first) in lex.demonyms:
        p.affiliation = lex.demonyms[key(first)]


# ---- entities → actors --------------------------------------------------------------------------
def _name(ent: Entity) -> str:
    """The fullest form: a gazetteer's canonical name, else the longest mention that is no acronym."""
    if ent.kind == "place" and ent.canonical:
        return ent.canonical
    section = [p for p in ent.pieces if p.sentence == -1]
    if section:
        return section[0].text
    names = [p.text for p in ent.pieces if not p.acronym] or [p.text for p in ent.pieces]
    # the fullest form, and of equal forms the one not shouted in a headline ("Pentagon", not "PENTAGON")
    first_seen: dict[str, int] = {}
    for i, n in enumerate(names):
        first_seen.setdefault(n, i)
    best = max(first_seen, key=lambda t: (len(t.split()), len(t), not t.isupper(), -first_seen[t]))
    if ent.kind == "organization" and ent.canonical and len(ent.canonical) > len(best):
        return ent.canonical
    return best


# Actors and their mention spans are built from values this step made itself (offsets into the text,
# kinds from a closed set): no validation (see `model.trusted`).
_new_actor = trusted(Actor)


def _start(p: Piece) -> int:
    return p.start


def _actors(entities: list[Entity], text: str,
            section_pieces: list[Piece]) -> tuple[list[Actor], list[tuple[int, int, int]]]:
    """The actors, most salient first, and all their mentions as sorted (start, end, actor index) rows."""
    n = max(len(text), 1)
    out: list[tuple[float, int, Actor, list[Piece]]] = []
    used: dict[str, int] = {}
    for ent in entities:
        pieces = ent.pieces if len(ent.pieces) == 1 else sorted(ent.pieces, key=_start)
        name = _name(ent)
        is_person = ent.kind == "person"
        takes_affiliation = is_person or ent.kind == "group"
        aliases: list[str] = []
        seen = {name.casefold()}
        titles: list[str] = []
        affiliation = None
        description = None
        mentions: list[Piece] = []
        first = n
        prose = subjects = 0
        in_section = False
        for p in pieces:
            t = p.text
            mentions.append(p)
            if p.sentence == -1:
                in_section = True
                if description is None:
                    description = p.description
            else:
                prose += 1
                if first == n:
                    first = p.start
                if p.subject:
                    subjects += 1
                if t not in seen and t.casefold() not in seen:
                    seen.add(t)
                    aliases.append(t)
            if is_person and p.titles:
                for title in p.titles:
                    if title not in titles and len(titles) < 8:
                        titles.append(title)
            if affiliation is None and takes_affiliation and p.affiliation and p.affiliation != name:
                affiliation = p.affiliation
        salience = prose + 2.0 * (1.0 - first / n) + 0.5 * subjects if prose else 0.5  # 0.5: only in the section
        base = slug(name)
        count = used.get(base, 0) + 1
        used[base] = count
        actor = _new_actor(
            id=base if count == 1 else f"{base}-{count}",
            name=name,
            kind=ent.kind,
            titles=titles,
            affiliation=affiliation,
            aliases=aliases,
            mentions=[_span(m.start, m.end) for m in mentions],
            salience=round(salience, 3),
            description=description,
            origin="section" if in_section else "prose",
        )
        out.append((salience, -first, actor, mentions))
    out.sort(key=lambda t: (-t[0], -t[1]))
    rows = [(m.start, m.end, i) for i, t in enumerate(out) for m in t[3]]
    rows.sort()
    return [t[2] for t in out], rows
