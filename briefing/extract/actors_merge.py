"""Document-level pass of the actors step: settle each piece's kind, then group pieces into actors.

Everything here is dictionary lookups over the document's pieces (no pairwise comparison), so a
5 MB report costs 1,000 times a 5 kB one:
- a surname alone ("Netanyahu") joins the person whose full name ends with it, and so do other short
  forms: with particles ("von der Brandt"), Spanish double surnames ("Serrano Ibáñez", "Peñalosa") and
  the family name that comes first ("Park" of "Park Ji-woo", "Yoon" of "Yoon Suk Yeol");
- a short organisation name ("Ford") joins the longer one it starts ("Ford Motor Company"), and legal
  suffixes do not matter ("Apple Inc." = "Apple");
- an acronym joins the name it follows in parentheses, or the name whose initials it spells;
- a name whose kind the sentence could not tell takes the kind the rest of the document gives it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .actors_scan import Piece
from .names import _KEYS, Lexicon, key

_LEGAL = frozenset(k.casefold().replace(".", "") for k in (
    "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Cos", "Ltd", "Limited", "LLC", "LLP",
    "LP", "PLC", "AG", "SA", "SE", "NV", "BV", "GmbH", "SpA", "AB", "ASA", "Oyj", "KK", "Pty", "Bhd",
    "Holdings", "Group"))
# Endings that mark a word as a surname in many languages (Nordic, Slavic, Baltic, Armenian, Georgian,
# Greek, Romanian, Turkish, Spanish, Japanese); checked on the last word of an unknown two-to-four-word name.
_SURNAME_END = re.compile(
    r"(?:sson|ssen|sen|dóttir|dottir|ović|ovic|ević|evic|vić|vich|wicz|czyk|czak|ski|ska|sky|skyi|skiy|"
    r"enko|chuk|czuk|ová|ova|eva|ov|ev|yan|oğlu|oglu|poulos|opoulou|akis|idis|escu|eanu|shvili|adze|"
    r"dze|ez|moto|yama|kawa|gawa|mura|uchi|shita|hara|saki|zaki|hashi|bayashi|guchi|naka|ishi)$"
)
_PARTICLES = frozenset(("von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "des", "la", "le",
                        "do", "dos", "das", "ter", "ten", "bin", "ibn", "al", "el"))
_INITIAL_SKIP = frozenset(("of", "and", "&", "the", "for", "on", "de", "du", "des", "la", "le"))
_SLUG = re.compile(r"[^a-z0-9]+")
# "McDonald", "O'Leary", "Mensah-Bonsu", "al-Rashid", "Łukasiewicz" (any script's capitals)
_NAME_WORD = re.compile(r"(?:(?:Mc|Mac|O['’]|D['’])|(?:al|el)-)?[^\W\d_][^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")


@dataclass
class Entity:
    key: str
    kind: str
    pieces: list[Piece] = field(default_factory=list)
    canonical: str | None = None


def _words(k: str) -> list[str]:
    return k.split()


_CORES: dict[str, str] = {}


def core(k: str) -> str:
    """An organisation key without trailing legal-form words: "apple inc" → "apple"."""
    c = _CORES.get(k)
    if c is None:
        ws = k.split()
        while len(ws) > 1 and ws[-1] in _LEGAL:
            ws.pop()
        c = " ".join(ws)
        if len(_CORES) < 100_000:
            _CORES[k] = c
    return c


def initials(k: str) -> str:
    return "".join(w[0] for w in core(k).split() if w not in _INITIAL_SKIP and w[:1].isalnum())


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", ascii_name).strip("-") or "actor"


class Resolver:
    def __init__(self, pieces: list[Piece], lex: Lexicon, text: str) -> None:
        self.pieces = pieces
        self.lex = lex
        self.text = text

    def run(self) -> list[Entity]:
        self.settle()
        return self._group()

    def group(self, extra: list[Piece]) -> list[Entity]:
        """Entities from the settled pieces plus `extra` ones whose kind is already sure (headlines)."""
        if extra:
            for p in extra:
                p.key = key(p.text)
            self.pieces = sorted(self.pieces + extra, key=lambda p: p.start)
        return self._group()

    def settle(self) -> list[Piece]:
        """Decide every piece's kind (dropping the ones that are no actor); the pieces that remain."""
        self._link_parentheses()
        self._index()
        self._settle_kinds()
        self._rejoin_compounds()
        return self.pieces

    # ---- step 1: "(GM)" after "General Motors" -----------------------------------------------
    def _link_parentheses(self) -> None:
        ps = self.pieces
        for i, p in enumerate(ps):
            if (p.paren and i + 1 < len(ps) and ps[i + 1].text == p.paren and p.kind != "person"
                    and p.paren[0].upper() == p.text[0].upper()):  # "(AP)" after "SAN FRANCISCO" is no acronym
                q = ps[i + 1]
                q.expands = p
                q.acronym = True

    # ---- step 2: what the document is sure about -------------------------------------------
    def _index(self) -> None:
        self.surnames: dict[str, str] = {}       # "netanyahu" → "benjamin netanyahu"
        # other short forms, weaker than a surname: "von der brandt", "serrano ibáñez", "serrano" (Spanish
        # double surnames), and the first word ("yoon" of "yoon suk yeol", "tedros" of "tedros adhanom")
        self.short: dict[str, str] = {}
        self.people: set[str] = set()
        self.org_prefix: dict[str, dict[str, int]] = {}  # "ford" → {"ford motor": 2}
        self.firm: set[str] = set()              # keys seen capitalised outside sentence starts
        self.count: Counter[str] = Counter()
        self.singles: set[str] = set()           # one-word names, to tell "Papermaster" from "Northrop"
        count = self.count
        singles = self.singles
        firm = self.firm
        keys = _KEYS
        for p in self.pieces:
            k = p.key = keys.get(p.text) or key(p.text)
            count[k] += 1
            if " " not in k:
                singles.add(k)
                if not p.weak and not p.soft:
                    firm.add(k)
                continue
            if not p.weak and not p.soft:
                firm.add(k)
                if p.kind is not None:
                    self._index_piece(p, k)
        self._count_votes()

    def _index_piece(self, p: Piece, k: str) -> None:
        """A typed name of several words: people lend their surnames, organisations their prefixes."""
        if p.kind == "person":
            if k not in self.people:
                self.people.add(k)
                self.surnames.setdefault(k.rsplit(" ", 1)[1], k)
                self._short_forms(k)
        elif p.kind == "organization" and not p.acronym:
            c = core(k)
            cw = c.split()
            prefixes = self.org_prefix
            counts = prefixes.get(c)
            if counts is None:
                counts = prefixes[c] = {}
            counts[c] = counts.get(c, 0) + (1 if c != k else 0)
            for n in range(1, len(cw)):
                pk = " ".join(cw[:n])
                counts = prefixes.get(pk)
                if counts is None:
                    counts = prefixes[pk] = {}
                counts[c] = counts.get(c, 0) + 1

    def _short_forms(self, k: str) -> None:
        ws = k.split()
        short = self.short
        for i in range(1, len(ws) - 1):
            if ws[i] in _PARTICLES:
                short.setdefault(" ".join(ws[i:]), k)  # "von der brandt", "de la croix"
                break
        if len(ws) >= 3 and len(ws[-2]) > 2 and ws[-2] not in _PARTICLES:
            short.setdefault(" ".join(ws[-2:]), k)
            short.setdefault(ws[-2], k)
        if len(ws[0]) > 1 and ws[0] not in self.lex.honorifics and ws[0] not in self.lex.titles:
            short.setdefault(ws[0], k)

    def person_of(self, k: str, strong: bool = False) -> str | None:
        """The person a short mention stands for: by surname, else (for a mention that no gazetteer
        or sure cue typed otherwise) by another short form; followed to the fullest name."""
        full = self.surnames.get(k)
        if full is None and not strong:
            full = self.short.get(k)
        for _ in range(3):  # "brandt" → "von der brandt" → "ursula von der brandt"
            if full is None:
                break
            longer = self.surnames.get(full) or self.short.get(full)
            if longer is None or len(longer) <= len(full):
                break
            full = longer
        return full

    def _count_votes(self) -> None:
        votes: dict[str, dict[str, int]] = {}
        for p in self.pieces:
            if p.kind is None or p.weak or p.soft or p.guessed:
                continue
            v = votes.get(p.key)
            if v is None:
                v = votes[p.key] = {}
            v[p.kind] = v.get(p.kind, 0) + (2 if p.strong else 1)
        self.votes = votes

    def _vote(self, k: str) -> str | None:
        v = self.votes.get(k)
        return max(v, key=v.__getitem__) if v else None

    def _settle_kinds(self) -> None:
        kept: list[Piece] = []
        typed: list[Piece] = []
        places = self.lex.places
        for p in self.pieces:
            k = p.key
            single = " " not in k
            if (p.kind != "person" and not p.acronym and self.person_of(k, p.strong) is not None
                    and (single or k in self.short)
                    and not (p.kind == "place" and p.canonical and places.get(k, ("", ""))[1] == "country")):
                p.kind, p.strong = "person", True  # "Austin" after "Lloyd Austin"
                p.weak = p.soft = False
            if p.soft:
                # a capitalised ordinary word: an actor only if the document names it again or cues it
                if not (k in self.firm or self.count[k] > 1 or p.cue or p.subject or k in self.org_prefix):
                    continue
                p.soft = False
            if p.kind is None or p.weak:
                kind = self._guess(p, k, k.split())
                if kind is None:
                    continue
                p.kind = kind
                p.guessed = kind == "organization" and not p.cue and not p.weak
                if not single:
                    typed.append(p)
            kept.append(p)
        self.pieces = kept
        # names typed just now lend their surnames and prefixes too ("Djamal" after "Jusman Syafii Djamal")
        for p in typed:
            self._index_piece(p, p.key)
        for p in self.pieces:
            k = p.key
            if p.kind != "person" and not p.acronym and not p.strong and self.person_of(k) is not None:
                p.kind = "person"
        # a city's name that a result showed to be a club is the club everywhere ("Luton boss Rob Edwards")
        teams = {p.key for p in self.pieces if p.team}
        if teams:
            for p in self.pieces:
                if p.key in teams and p.kind == "place" and places.get(p.key, ("", ""))[1] != "country":
                    p.kind = "organization"
        # a name typed by a cue in one place is typed the same everywhere ("Hamas political leader")
        self._count_votes()
        for p in self.pieces:
            if not p.strong:
                best = self._vote(p.key)
                if best is not None:
                    p.kind = best

    def _guess(self, p: Piece, k: str, ws: list[str]) -> str | None:
        if k in self.people:
            return "person"
        best = self._vote(k)
        if best is not None:
            return best
        if k in self.org_prefix:
            return "organization"
        if p.weak:
            return None if k not in self.firm else (p.cue or "organization")
        if p.cue:
            return p.cue
        if len(ws) > 1 and ws[0] not in self.singles and self._person_like(p.text):
            # people come back by surname ("Papermaster"), companies by their first word ("Northrop")
            if ws[-1] in self.singles or (len(ws) > 2 and (ws[-2] in self.singles or " ".join(ws[-2:]) in self.count)):
                return "person"
            if p.titles or _SURNAME_END.search(ws[-1]):
                return "person"  # a title, or a surname by its ending: "Ólafsdóttir", "Kowalczyk", "Pashinyan"
            if p.subject and len(ws) <= 3:
                return "person"  # "Hemi Tawhiri said": two or three plain names saying things
        return "organization"

    def _person_like(self, text: str) -> bool:
        """"Lee Hsien Loong", "Jusman Syafii Djamal": 2-4 capitalised words, none ordinary."""
        lex = self.lex
        words = text.split()
        if not 2 <= len(words) <= 4:
            return False
        for i, w in enumerate(words):
            if 0 < i < len(words) - 1 and w in _PARTICLES:
                continue  # "Pieter van den Berg"
            if not ((w[:1].isupper() and w[1:].islower()) or (len(w) == 2 and w[1] == ".")
                    or (_NAME_WORD.fullmatch(w) and not w.isupper() and (w[0].isupper() or w[2:3] == "-"))):
                return False
            low = w.lower()
            if low in lex.common or w in lex.org_head or w in lex.org_suffix or key(w) in lex.places:
                return False
        return True

    # ---- step 3: "China" + "Eastern" were one name after all ----------------------------------
    def _rejoin_compounds(self) -> None:
        out: list[Piece] = []
        i = 0
        ps = self.pieces
        while i < len(ps):
            p = ps[i]
            if p.compound is not None and i + 1 < len(ps) and ps[i + 1].compound == p.compound:
                q = ps[i + 1]
                joined = key(f"{p.text} {q.text}")
                if (joined in self.org_prefix or core(joined) in self._org_cores()) and q.start - p.end <= 2:
                    out.append(Piece(p.start, q.end, self.text[p.start : q.end], kind="organization",
                                     strong=True, subject=q.subject, sentence=p.sentence))
                    i += 2
                    continue
            out.append(p)
            i += 1
        self.pieces = out

    def _org_cores(self) -> set[str]:
        cached = getattr(self, "_cores", None)
        if cached is None:
            cached = {core(key(p.text)) for p in self.pieces if p.kind == "organization" and not p.acronym}
            self._cores = cached
        return cached

    # ---- step 4: pieces → entities ------------------------------------------------------------
    def _group(self) -> list[Entity]:
        entities: dict[tuple[str, str], Entity] = {}
        by_piece: dict[int, Entity] = {}
        org_cores: Counter[str] = Counter()
        for p in self.pieces:
            if p.kind == "organization" and not p.acronym:
                org_cores[core(p.key or key(p.text))] += 1
        initials_of: dict[str, str] = {}
        for c in org_cores:
            if len(c.split()) > 1:
                initials_of.setdefault(initials(c), c)
        place_initials: dict[str, str] = {}
        for p in self.pieces:
            if p.kind == "place" and not p.acronym and len(p.text.split()) > 1:
                place_initials.setdefault(initials(key(p.canonical or p.text)), key(p.canonical or p.text))

        for p in self.pieces:
            k = p.key or key(p.text)
            kind = p.kind or "organization"
            ent_key: str
            if p.expands is not None and id(p.expands) in by_piece:
                ent = by_piece[id(p.expands)]
                ent.pieces.append(p)
                by_piece[id(p)] = ent
                continue
            if kind == "person":
                ws = k.split()
                ent_key = self.person_of(k) or k
                if len(ws) == 2 and ws[0].rstrip(".") in self.lex.honorifics:
                    ent_key = self.surnames.get(ws[-1], k)
            elif kind == "place":
                ent_key = key(p.canonical or p.text)
                if p.acronym and ent_key == k and k.replace(" ", "") in place_initials:
                    ent_key = place_initials[k.replace(" ", "")]
            elif kind == "organization":
                c = core(k)
                if p.acronym and c.replace(" ", "") in initials_of:
                    ent_key = initials_of[c.replace(" ", "")]
                elif c in self.org_prefix:
                    ent_key = self._preferred(c, org_cores)
                else:
                    ent_key = c
                if p.canonical and key(p.canonical) != ent_key and c == k:
                    ent_key = core(key(p.canonical))
            else:
                ent_key = key(p.affiliation or p.text) if kind == "group" else k
            ent = entities.get((kind, ent_key))
            if ent is None:
                ent = Entity(ent_key, kind)
                entities[(kind, ent_key)] = ent
            ent.pieces.append(p)
            if p.canonical and (ent.canonical is None):
                ent.canonical = p.canonical
            by_piece[id(p)] = ent
        return list(entities.values())

    def _preferred(self, prefix: str, counts: Counter[str]) -> str:
        """Which longer organisation a short name stands for: the most mentioned one (once per prefix)."""
        cache = self.__dict__.setdefault("_preferred_cache", {})
        best = cache.get(prefix)
        if best is None:
            best = cache[prefix] = max(self.org_prefix[prefix], key=lambda c: (counts.get(c, 0), -len(c)))
        return best
