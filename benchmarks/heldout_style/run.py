"""Score the project on the held-out-style articles (self-written, hand-annotated; see README.md).

    .venv/bin/python benchmarks/heldout_style/run.py [--errors] [--batch 1|2|3] [--eval DIR]

Parses every article through the shared `run_project.py` and scores it with the shared `score.py`
(DIR/tools, default $BRIEFING_EVAL_DIR or ../shared/eval beside the checkout). Quotes are scored as
the model has them and with indirect speech dropped, as benchmarks/extraction.py does. `--errors`
lists missed, spurious and mis-valued items for inspection. Names are scored too when `ner.jsonl`
exists (built from the `.ner` files).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

from extraction import drop_indirect, score  # noqa: E402  (the same scoring as the dev set)


def _tools(arg: str | None) -> Path:
    return Path(arg or os.environ.get("BRIEFING_EVAL_DIR") or ROOT.parent / "shared" / "eval") / "tools"


def _run(tools: Path, gold: Path, pred: Path) -> None:
    subprocess.run([sys.executable, str(tools / "run_project.py"), str(gold), str(pred)],
                   capture_output=True, text=True, check=True, cwd=ROOT)


# Batch 1 (01-12) was used to tune the rules; batches 2 (13-20) and 3 (21-28) were written afterwards as
# fresh checks, each before the system's output on it was looked at.
BATCHES = {"1": range(1, 13), "2": range(13, 21), "3": range(21, 29)}


def _subset(src: Path, dst: Path, batch: str | None) -> Path:
    """Copy the gold rows of one batch (by the article's number prefix) to dst; all rows if no batch."""
    if not batch:
        return src
    keep = BATCHES[batch]
    with src.open() as fin, dst.open("w") as fout:
        for line in fin:
            if line.strip() and int(json.loads(line)["id"].split("_", 1)[0]) in keep:
                fout.write(line)
    return dst


def _load(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in (json.loads(x) for x in path.open() if x.strip())}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span(x: dict) -> tuple[int, int]:
    s = x.get("span") or x
    return s["start"], s["end"]


def timex_errors(gold: Path, pred: Path) -> None:
    preds = _load(pred)
    for doc in _load(gold).values():
        b = preds[doc["id"]]["briefing"]
        items = b.get("time_expressions") or []
        text, used = doc["text"], set()
        for g in doc["timex"]:
            gs = (g["start"], g["end"])
            hit = next((i for i, p in enumerate(items) if i not in used and _overlap(gs, _span(p))), None)
            if hit is None:
                print(f"  MISS  {doc['id']}: {g['text']!r} {g['type']} {g['value']}")
                continue
            used.add(hit)
            p = items[hit]
            ps = _span(p)
            if str(p.get("value")).upper() != g["value"].upper() or str(p.get("type")).upper() != g["type"]:
                print(f"  VALUE {doc['id']}: {g['text']!r} gold {g['type']} {g['value']}"
                      f"  pred {text[ps[0]:ps[1]]!r} {p.get('type')} {p.get('value')}")
        for i, p in enumerate(items):
            if i not in used:
                ps = _span(p)
                print(f"  EXTRA {doc['id']}: {text[ps[0]:ps[1]]!r} {p.get('type')} {p.get('value')}")


def _words(s: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in s).lower().split()


def quote_errors(gold: Path, pred: Path) -> None:
    preds = _load(pred)
    for doc in _load(gold).values():
        b = preds[doc["id"]]["briefing"]
        names = {a["id"]: a.get("name", "") for a in b.get("actors") or []}
        items = b.get("quotes") or []
        text, used = doc["text"], set()
        for g in doc["quotes"]:
            gs = (g["start"], g["end"])
            best = max(((i, _overlap(gs, _span(p))) for i, p in enumerate(items) if i not in used),
                       key=lambda t: t[1], default=(None, 0))
            if best[0] is None or best[1] < 0.5 * (gs[1] - gs[0]):
                print(f"  MISS  {doc['id']}: {g['text'][:70]!r} ({g['speaker']})")
                continue
            used.add(best[0])
            sp = items[best[0]].get("speaker") or {}
            name = names.get(sp.get("actor_id")) or sp.get("text") or ""
            # The same name test as score.py: words split at non-alphanumerics ("Achieng' Were").
            gwords = {w for s in [g["speaker"], *g.get("also_speakers", [])] for w in _words(s)}
            last = (_words(name) or [""])[-1]
            if last not in gwords:
                print(f"  WHO   {doc['id']}: {g['text'][:50]!r} gold {g['speaker']!r} pred {name!r}")
        for i, p in enumerate(items):
            if i not in used and p.get("kind") != "indirect":
                ps = _span(p)
                print(f"  EXTRA {doc['id']}: {text[ps[0]:ps[1]][:70]!r}")


def ner_errors(gold: Path, pred: Path) -> None:
    kinds = {"person": "PER", "organization": "ORG", "place": "LOC"}
    preds = _load(pred)
    for doc in _load(gold).values():
        b = preds[doc["id"]]["briefing"]
        text = doc["text"]
        want = {(e["start"], e["end"]): e["type"] for e in doc["entities"]}
        other = [(e["start"], e["end"]) for e in doc["other_entities"]]
        got = {_span(m): kinds.get(a.get("kind"), "") for a in b.get("actors") or [] for m in a.get("mentions") or []}
        for s, t in sorted(want.items()):
            if s not in got:
                print(f"  MISS  {doc['id']}: {text[s[0]:s[1]]!r} {t}")
            elif got[s] != t:
                print(f"  KIND  {doc['id']}: {text[s[0]:s[1]]!r} gold {t} pred {got[s] or 'other'}")
        for s, t in sorted(got.items()):
            if t and s not in want and not any(_overlap(s, o) for o in other):
                print(f"  EXTRA {doc['id']}: {text[s[0]:s[1]]!r} {t}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", help="eval folder holding tools/score.py and tools/run_project.py")
    ap.add_argument("--errors", action="store_true", help="list the errors")
    ap.add_argument("--batch", choices=sorted(BATCHES),
                    help="score one batch only (1: articles 01-12, 2: 13-20, 3: 21-28)")
    args = ap.parse_args()
    tools = _tools(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        t_gold = _subset(HERE / "timex.jsonl", Path(tmp) / "timex_gold.jsonl", args.batch)
        q_gold = _subset(HERE / "quotes.jsonl", Path(tmp) / "quotes_gold.jsonl", args.batch)
        t_pred, q_pred, q_direct = Path(tmp) / "timex.jsonl", Path(tmp) / "quotes.jsonl", Path(tmp) / "qd.jsonl"
        _run(tools, t_gold, t_pred)
        _run(tools, q_gold, q_pred)
        drop_indirect(q_pred, q_direct)
        t = score(tools, "timex", t_gold, t_pred)
        print("time expressions (TempEval-3 style)")
        print(f"  value F1 {t['value']['f1']:.1f}   relaxed F1 {t['relaxed']['f1']:.1f}"
              f" (P {t['relaxed']['p']:.1f} R {t['relaxed']['r']:.1f})   strict F1 {t['strict']['f1']:.1f}"
              f"   type acc {t['type_accuracy_on_matched']:.1f}   value acc {t['value_accuracy_on_matched']:.1f}"
              f"   (gold {t['gold']}, predicted {t['pred']})")
        for label, pred in (("quotes (all kinds)", q_pred), ("quotes (indirect dropped)", q_direct)):
            q = score(tools, "quotes", q_gold, pred)
            print(label)
            print(f"  quote P/R/F1 {q['quote']['p']:.1f}/{q['quote']['r']:.1f}/{q['quote']['f1']:.1f}"
                  f"   speaker acc {q['speaker_accuracy_on_matched']:.1f}"
                  f"   quote+speaker F1 {q['quote_and_speaker']['f1']:.1f}   (gold {q['gold']}, predicted {q['pred']})")
        n_gold = _subset(HERE / "ner.jsonl", Path(tmp) / "ner_gold.jsonl", args.batch) \
            if (HERE / "ner.jsonl").exists() else None
        if n_gold is not None and n_gold.stat().st_size:  # names are annotated for batches 1 and 3 only
            n_pred = Path(tmp) / "ner_pred.jsonl"
            _run(tools, n_gold, n_pred)
            n = score(tools, "ner", n_gold, n_pred)
            by = "  ".join(f"{k} {v['f1']:.1f}" for k, v in n["by_type"].items())
            print("names (exact span, PER/ORG/LOC)")
            print(f"  typed F1 {n['typed']['f1']:.1f} (P {n['typed']['p']:.1f} R {n['typed']['r']:.1f})"
                  f"   untyped F1 {n['untyped']['f1']:.1f}   {by}   (gold {n['gold']}, predicted {n['pred']})")
            if args.errors:
                print("name errors")
                ner_errors(n_gold, n_pred)
        if args.errors:
            print("timex errors")
            timex_errors(t_gold, t_pred)
            print("quote errors (indirect speech not listed as extra)")
            quote_errors(q_gold, q_pred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
