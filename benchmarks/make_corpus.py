"""Generate a corpus of distinct reports for the library benchmark (not committed: write it to a temp dir).

    python benchmarks/make_corpus.py OUT_DIR [-n 10000] [--seed 7]

Each report starts from one of the seed or sample reports and is varied: the people in it are replaced by
members of a generated cast (full names and surname-only references alike, so the same person appears
across many reports), dates are shifted, prose paragraphs are reordered and some dropped, and new
sentences about the cast (with quotes and dates) are added. Some people are frequent (Zipf), most are
rare; a few share a surname. Files go into sub-folders of 500, as `.md` or `.txt` like their template.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words("""
Aaliyah Adel Agnieszka Ahmed Aiko Alejandro Amara Ana Anders Anika Arjun Aylin Bao Beatriz Bilal Bogdan
Camila Carlos Chiara Chidi Daniel Dara Dmitri Duarte Elif Elena Emeka Erik Esther Fatima Femi Fiona Gabriel
Giulia Hana Hassan Helga Henrik Hugo Ibrahim Ines Ingrid Irina Isaac Jakub Jamal Javier Jin Joanna Jonas Jorge
Kaito Karin Kemal Kofi Lars Layla Leila Lena Lucia Luis Maja Malik Marek Maria Marta Mateo Mei Miguel Mina
Nadia Naledi Nikolai Noor Olga Omar Oskar Pablo Paolo Priya Rafael Ravi Rosa Rui Sami Sara Sergei Sofia Tariq
Tomas Umar Valentina Vera Viktor Wanjiru Yara Yusuf Zainab Zofia""")
_SUR_HEAD = _words("""
Ada Bal Cor Dal Esk Fen Gar Hal Ist Jor Kal Lor Mar Nor Oka Pel Quar Ros Sal Tor Ul Var Wen Yar Zel
Bren Cas Dov Fal Grim""")
_SUR_TAIL = _words("""ani berg czyk dottir elli ford gard haus inen ovic kova lund mann nez ora quist rano sen ski
tari""")
ORGS = """the Ministry of Finance|the Central Bank|the Port Authority|the Dockworkers' Union|the Farmers' Association
|the Regional Council|the Supreme Court|the Electoral Commission|the Coast Guard|the National Grid Company
|the Rivers Network|the Chamber of Commerce|the Teachers' Federation|the Health Agency|the Transport Ministry
|the Fisheries Council|the Statistics Office|the Energy Regulator|the Competition Authority|the Red Cross""".replace(
    "\n", "").split("|")
CITIES = _words("""
Lisbon Madrid Gdansk Tampere Nairobi Copenhagen Oslo Bergen Porto Seville Valencia Riga Tallinn Vilnius
Krakow Brno Graz Turin Lyon Ghent Aarhus Malmo Cork Galway Accra Lagos Dakar Tunis Izmir Varna""")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?" \
            r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROLES = ["finance minister", "spokesperson", "chief executive", "union leader", "mayor", "foreign minister",
         "central bank governor", "defence minister", "senior official", "opposition leader"]
Q_SUBJ = ["We", "This government", "Nobody here", "Our members", "The country", "Every family", "The region",
          "This agreement", "Our partners", "The market", "Ordinary people", "The committee", "This plan",
          "The opposition", "The industry"]
Q_VERB = ["will not accept", "cannot afford", "has waited too long for", "will fight for", "does not need",
          "was promised", "deserves", "must prepare for", "has already paid for", "will not be bullied into",
          "is ready for", "will remember", "cannot ignore", "should welcome", "will judge us by"]
Q_OBJ = ["another delay", "a deal written in secret", "half measures", "the truth about the budget",
         "a fair share of the water", "more empty promises", "a second round of cuts", "clear answers",
         "a plan that works", "the risks of doing nothing", "a serious offer", "a new set of rules",
         "the cost of this strike", "a longer winter", "real guarantees"]
TEMPLATES = [
    '"{q}," {P}, the {role}, said on {day}.',
    '{P} met {P2} in {city} on {date} to discuss the dispute, according to two officials.',
    '"{q}," {S} told reporters in {city}.',
    'On {date}, {org} said it would review the decision within {n} days.',
    '{P2} said {S} had been told of the plan "{q2}" weeks earlier.',
    'Talks between {org} and {org2} resumed on {day} in {city} after a {n}-day pause.',
    '{P}, {role} since {year}, is expected to travel to {city} next week.',
    '{S} rejected the claim on {day}, saying "{q}."',
    '{org} published figures on {date} showing a {n}% fall in shipments.',
    'A spokesperson for {P2} declined to comment on the report, which {city} newspapers first published on {day}.',
    '{P} and {P2} are due to meet again in {month}, officials said.',
    'According to {org}, {n} people were affected in {city} alone.',
]


@dataclass
class Person:
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def make_cast(rng: random.Random, size: int) -> list[Person]:
    surnames = [h + t for h in _SUR_HEAD for t in _SUR_TAIL]
    rng.shuffle(surnames)
    cast: list[Person] = []
    used: set[str] = set()
    for i in range(size):
        # One in ten shares a surname with someone earlier (the "Joe Biden / Hunter Biden" case).
        last = rng.choice(cast).last if cast and rng.random() < 0.1 else surnames[i % len(surnames)]
        first = rng.choice(FIRST)
        while f"{first} {last}" in used:
            first = rng.choice(FIRST)
        used.add(f"{first} {last}")
        cast.append(Person(first, last))
    return cast


_CAP = r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?"
_TITLE_WORDS = set(_words("""
Minister President Secretary General Prime Defense Defence Chief Senator Sen Gen Mr Mrs Ms Dr
Labour Labor Environment Foreign State Inland Deputy Mayor Governor Councillor The A An In On At If But And Israeli
Spanish Portuguese Danish Norwegian Lt Col Adm Judge Justice Commissioner Director Spokesperson Ambassador Envoy King
Queen Prince Pope Rep Officials Analysts Under According Car Shipping Port Ports Spain Portugal When While After
Before During Since From For Of To By With"""))
_NOT_SURNAME = set(_words("""Council Authority Union Ministry Commission Network Association House Conference Terminal
Terminals Port Ports Party Bank Agency Court Department Forces Office Group River Sea Ocean Basin City County
University Institute Committee Federation Confederation Observatory Lines Road Street Square Summit Plan Act Fund
Reuters Service News Times Post Weekly Briefing Affairs Library Center Centre Tower Bridge Station Hall"""))


def find_people(text: str) -> list[tuple[str, str]]:
    """Two capitalised words whose second also stands alone elsewhere: a first name and a surname."""
    people: dict[str, str] = {}
    for m in re.finditer(rf"(?=\b({_CAP}) ({_CAP})\b)", text):  # overlapping: "Minister Ana Ferreira"
        first, last = m.group(1), m.group(2)
        if first in _TITLE_WORDS or last in _TITLE_WORDS or last in _NOT_SURNAME or last in people:
            continue
        standalone = [x for x in re.finditer(rf"\b{re.escape(last)}\b", text)
                      if not re.search(rf"{_CAP} $", text[max(0, x.start() - 30): x.start()])]
        if standalone:
            people[last] = first
    return [(f, s) for s, f in people.items()]


def shift_dates(text: str, delta: dt.timedelta, year: int) -> str:
    def iso(m: re.Match[str]) -> str:
        try:
            return (dt.date(int(m[1]), int(m[2]), int(m[3])) + delta).isoformat()
        except ValueError:
            return m[0]

    def long(m: re.Match[str]) -> str:
        month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(m[1][:3]))
        try:
            d = dt.date(int(m[3]) if m[3] else year, month, int(m[2])) + delta
        except ValueError:
            return m[0]
        return f"{MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if m[3] else "")

    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", iso, text)
    return re.sub(rf"\b{_MONTH_RE}\.? (\d{{1,2}})(?:, (\d{{4}}))?\b", long, text)


def sentence(rng: random.Random, people: list[Person], ref: dt.date) -> str:
    p, p2 = rng.sample(people, 2) if len(people) > 1 else (people[0], people[0])
    d = ref - dt.timedelta(days=rng.randint(1, 60))
    fields = {
        "P": p.full, "P2": p2.full, "S": p.last, "role": rng.choice(ROLES), "city": rng.choice(CITIES),
        "org": rng.choice(ORGS), "org2": rng.choice(ORGS), "day": rng.choice(WEEKDAYS), "n": rng.randint(2, 90),
        "date": f"{MONTHS[d.month - 1]} {d.day}, {d.year}", "year": rng.randint(2012, ref.year),
        "month": MONTHS[rng.randrange(12)],
        "q": f"{rng.choice(Q_SUBJ)} {rng.choice(Q_VERB)} {rng.choice(Q_OBJ)}",
        "q2": f"{rng.choice(Q_VERB)} {rng.choice(Q_OBJ)}",
    }
    text = rng.choice(TEMPLATES).format(**fields)
    return text[0].upper() + text[1:]


def _is_prose(par: str) -> bool:
    s = par.lstrip()
    return bool(s) and not re.match(r"(#|[-*+] |\d+[.)] |>|\||```|~~~|---)", s) and len(s) > 60


def vary(template: str, suffix: str, rng: random.Random, cast: list[Person], weights: list[float]) -> tuple[str, str]:
    text = template
    # People: swap each for a cast member (full name and surname-only references alike).
    people = find_people(text)
    chosen: list[Person] = []
    for first, last in people:
        person = rng.choices(cast, weights)[0] if rng.random() < 0.5 else rng.choice(cast)
        chosen.append(person)
        text = re.sub(rf"\b{re.escape(first)} {re.escape(last)}\b", f"\0{len(chosen) - 1}F\0", text)
        text = re.sub(rf"\b{re.escape(last)}\b", f"\0{len(chosen) - 1}L\0", text)
    text = re.sub("\0(\\d+)([FL])\0", lambda m: chosen[int(m[1])].full if m[2] == "F" else chosen[int(m[1])].last,
                  text)
    extra = [rng.choices(cast, weights)[0] for _ in range(2)]
    cast_here = chosen + extra

    # Dates: everything moves by the same random offset, so the report stays consistent.
    fm = re.search(r"^date: (\d{4})-(\d{2})-(\d{2})", text, re.M)
    ref = dt.date(int(fm[1]), int(fm[2]), int(fm[3])) if fm else dt.date(2024, 10, 8)
    delta = dt.timedelta(days=rng.randint(-700, 300))
    text = shift_dates(text, delta, ref.year)
    ref += delta
    if not fm and rng.random() < 0.6:  # give undated templates a date: front matter or a wire dateline
        if rng.random() < 0.5:
            title = f"{chosen[0].full if chosen else rng.choice(CITIES)} and the {rng.choice(CITIES)} talks"
            text = f"---\ntitle: {title}\ndate: {ref.isoformat()}\n---\n\n# {title}\n\n{text}"
            suffix = ".md"
        else:
            text = f"{rng.choice(CITIES).upper()}, {MONTHS[ref.month - 1][:3]}. {ref.day}, {ref.year} (Wire) — " + text

    # Sentences: reorder some prose paragraphs (the lead stays first), drop a few, add new ones.
    sep = "\n\n" if "\n\n" in text else "\n"
    pars = text.split(sep)
    prose = [i for i, p in enumerate(pars) if _is_prose(p)]
    if len(prose) > 2:
        movable = prose[1:]
        picked = rng.sample(movable, k=max(2, len(movable) // 3))
        contents = [pars[i] for i in picked]
        rng.shuffle(contents)
        for i, c in zip(picked, contents, strict=True):
            pars[i] = c
        for i in rng.sample(movable, k=len(movable) // 6):
            pars[i] = ""
    for _ in range(rng.randint(2, 5)):
        new = " ".join(sentence(rng, cast_here, ref) for _ in range(rng.randint(1, 3)))
        at = rng.choice(prose[1:]) if len(prose) > 1 else len(pars)
        pars.insert(at, new)
    return sep.join(p for p in pars if p != ""), suffix


def templates() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*")) + sorted((ROOT / "sample_reports").glob("*"))
    return [(p.read_text(encoding="utf-8"), p.suffix) for p in paths if p.suffix in (".md", ".txt")]


def generate(out: Path, n: int, seed: int = 7, per_folder: int = 500) -> list[Path]:
    rng = random.Random(seed)
    cast = make_cast(rng, 600)
    weights = [1.0 / (i + 1) for i in range(len(cast))]
    sources = templates()
    seen: set[str] = set()
    written: list[Path] = []
    i = 0
    while len(written) < n:
        template, suffix = sources[i % len(sources)]
        i += 1
        text, ext = vary(template, suffix, rng, cast, weights)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        k = len(written)
        folder = out / f"batch_{k // per_folder:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"report_{k:05d}{ext}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("-n", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    t = time.perf_counter()
    files = generate(args.out, args.n, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} reports, {size / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
