"""Document-level pass of the actors step: settle each piece's kind, then group pieces into actors.

Everything here is dictionary lookups over the document's pieces (no pairwise comparison), so a
5 MB report costs 1,000 times a 5 kB one:
- a surname alone ("Netanyahu") joins the person whose full name ends with it;
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
from .names import Lexicon, key

_LEGAL = frozenset(k.casefold().replace(".", "") for k in (
    "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Cos", "Ltd", "Limited", "LLC", "LLP",
    "LP", "PLC", "AG", "SA", "SE", "NV", "BV", "GmbH", "SpA", "AB", "ASA", "Oyj", "KK", "Pty", "Bhd",
    "Holdings", "Group"))
_INITIAL_SKIP = frozenset(("of", "and", "&", "the", "for", "on", "de", "du", "des", "la", "le"))
_SLUG = re.compile(r"[^a-z0-9]+")
_NAME_WORD = re.compile(r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\.?")


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
        self.people: set[str] = set()
        self.org_prefix: dict[str, Counter[str]] = {}
        self.firm: set[str] = set()              # keys seen capitalised outside sentence starts
        self.count: Counter[str] = Counter()
        self.singles: set[str] = set()           # one-word names, to tell "Papermaster" from "Northrop"
        for p in self.pieces:
            k = p.key = key(p.text)
            self.count[k] += 1
            if " " not in k:
                self.singles.add(k)
            if not p.weak and not p.soft:
                self.firm.add(k)
            if p.kind is None or p.weak or p.soft or " " not in k:
                continue
            if p.kind == "person":
                self.people.add(k)
                self.surnames.setdefault(k.rsplit(" ", 1)[1], k)
            elif p.kind == "organization" and not p.acronym:
                c = core(k)
                cw = c.split()
                self.org_prefix.setdefault(c, Counter())[c] += 1 if c != k else 0
                for n in range(1, len(cw)):
                    self.org_prefix.setdefault(" ".join(cw[:n]), Counter())[c] += 1
        self._count_votes()

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
        places = self.lex.places
        for p in self.pieces:
            k = p.key
            single = " " not in k
            if (single and k in self.surnames and p.kind != "person" and not p.acronym
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
            kept.append(p)
        self.pieces = kept
        # people typed just now lend their surnames too ("Djamal" after "Jusman Syafii Djamal")
        if any(p.kind == "person" and " " in p.key and p.key not in self.people for p in kept):
            self._index()
        for p in self.pieces:
            k = p.key
            if p.kind != "person" and " " not in k and k in self.surnames and not p.acronym and not p.strong:
                p.kind = "person"
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
        if len(ws) > 1 and self._person_like(p.text):
            # people come back by surname ("Papermaster"), companies by their first word ("Northrop")
            if ws[-1] in self.singles and ws[0] not in self.singles:
                return "person"
            if p.titles and ws[0] not in self.singles:
                return "person"
        return "organization"

    def _person_like(self, text: str) -> bool:
        """"Lee Hsien Loong", "Jusman Syafii Djamal": 2-4 capitalised words, none ordinary."""
        lex = self.lex
        words = text.split()
        if not 2 <= len(words) <= 4:
            return False
        for w in words:
            if not ((w[:1].isupper() and w[1:].islower()) or (len(w) == 2 and w[1] == ".")
                    or _NAME_WORD.fullmatch(w)):
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
                org_cores[core(key(p.text))] += 1
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
                ent_key = self.surnames.get(ws[-1], k) if len(ws) == 1 else k
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
