"""Build quotes.jsonl and timex.jsonl from articles/*.txt and their hand annotations (*.ann).

    python benchmarks/heldout_style/build_gold.py

An .ann file lists the article's DCT, then one line per item, in text order:

    dct YYYY-MM-DD
    outlet free text
    Q | quoted words | speaker | named|anonymous | full|partial [| unclosed] [| also=Name;Name]
    T | words | DATE|TIME|DURATION|SET | TIMEX3 value

Each item is located at its first whole-word occurrence after the previous item of the same kind,
so repeated words ("Thursday" twice) are annotated by listing them twice. Every quote span is checked
to sit between quotation marks (or, if `unclosed`, to end its paragraph).

An optional .ner file lists the article's names, one per line, in text order (located the same way):

    PER|ORG|LOC | name                  -> "entities" (scored)
    MISC|ADJ|FIN|PRO|EVT|FAC | words    -> "other_entities" (predictions overlapping them are ignored)

and becomes ner.jsonl (format of ../shared/eval/ner.jsonl, `text` = the whole article).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN = "\"“‘'"
CLOSE = "\"”’'"


def _find(text: str, needle: str, start: int) -> int:
    for m in re.finditer(re.escape(needle), text[start:]):
        i = start + m.start()
        j = i + len(needle)
        before = text[i - 1] if i else " "
        after = text[j] if j < len(text) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            return i
    raise ValueError(f"not found after {start}: {needle!r}")


def build_one(txt: Path) -> tuple[dict, dict]:
    text = txt.read_text(encoding="utf-8")
    doc_id = txt.stem
    dct = outlet = ""
    quotes: list[dict] = []
    timex: list[dict] = []
    qpos = tpos = 0
    for raw in txt.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        if raw.startswith("dct "):
            dct = raw[4:].strip()
            continue
        if raw.startswith("outlet "):
            outlet = raw[7:].strip()
            continue
        kind, *fields = [f.strip() for f in raw.split("|")]
        if kind == "Q":
            words, speaker, speaker_kind, fullness, *extra = fields
            i = _find(text, words, qpos)
            j = i + len(words)
            unclosed = "unclosed" in extra
            assert text[i - 1] in OPEN, (doc_id, words)
            assert (text[j] == "\n") if unclosed else (text[j] in CLOSE), (doc_id, words)
            q: dict = {"start": i, "end": j, "text": words, "speaker": speaker,
                       "speaker_kind": speaker_kind, "partial": fullness == "partial"}
            if unclosed:
                q["unclosed"] = True
            for e in extra:
                if e.startswith("also="):
                    q["also_speakers"] = e[5:].split(";")
            quotes.append(q)
            qpos = j
        elif kind == "T":
            words, ttype, value = fields
            i = _find(text, words, tpos)
            timex.append({"start": i, "end": i + len(words), "text": words, "type": ttype, "value": value})
            tpos = i + len(words)
        else:
            raise ValueError(f"{txt.name}: bad line {raw!r}")
    base = {"id": doc_id, "outlet": outlet, "dct": dct, "text": text}
    return {**base, "quotes": quotes}, {**base, "timex": timex}


NER_TYPES = {"PER", "ORG", "LOC"}


def build_ner(txt: Path) -> dict:
    text = txt.read_text(encoding="utf-8")
    entities: list[dict] = []
    other: list[dict] = []
    pos = 0
    for raw in txt.with_suffix(".ner").read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        kind, words = [f.strip() for f in raw.split("|", 1)]
        i = _find(text, words, pos)
        item = {"start": i, "end": i + len(words), "text": words, "type": kind}
        (entities if kind in NER_TYPES else other).append(item)
        pos = i + len(words)
    dct = ""
    ann = txt.with_suffix(".ann")
    if ann.exists():
        dct = next((x[4:].strip() for x in ann.read_text(encoding="utf-8").splitlines() if x.startswith("dct ")), "")
    return {"id": txt.stem, "dct": dct, "text": text, "entities": entities, "other_entities": other}


def main() -> int:
    # NER gold first: it needs only the .ner files, not the .ann ones.
    nrows = [build_ner(t) for t in sorted((HERE / "articles").glob("*.txt")) if t.with_suffix(".ner").exists()]
    with (HERE / "ner.jsonl").open("w", encoding="utf-8") as fh:
        for row in nrows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(nrows)} articles with names, {sum(len(r['entities']) for r in nrows)} PER/ORG/LOC")
    qrows, trows = [], []
    for txt in sorted((HERE / "articles").glob("*.txt")):
        q, t = build_one(txt)
        qrows.append(q)
        trows.append(t)
    for name, rows in (("quotes.jsonl", qrows), ("timex.jsonl", trows)):
        with (HERE / name).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    nq = sum(len(r["quotes"]) for r in qrows)
    nt = sum(len(r["timex"]) for r in trows)
    words = sum(len(r["text"].split()) for r in qrows)
    print(f"{len(qrows)} articles, {words} words, {nq} quotes, {nt} time expressions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
