"""Score the project on the held-out-style articles (self-written, hand-annotated; see README.md).

    .venv/bin/python benchmarks/heldout_style/run.py [--errors] [--eval DIR]

Parses every article through the shared `run_project.py` and scores it with the shared `score.py`
(DIR/tools, default $BRIEFING_EVAL_DIR or ../shared/eval beside the checkout). Quotes are scored as
the model has them and with indirect speech dropped, as benchmarks/extraction.py does. `--errors`
lists missed, spurious and mis-valued items for inspection.
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


def _tools(arg: str | None) -> Path:
    return Path(arg or os.environ.get("BRIEFING_EVAL_DIR") or ROOT.parent / "shared" / "eval") / "tools"


def _run(tools: Path, gold: Path, pred: Path) -> None:
    subprocess.run([sys.executable, str(tools / "run_project.py"), str(gold), str(pred)],
                   capture_output=True, text=True, check=True, cwd=ROOT)


def _score(tools: Path, task: str, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(tools / "score.py"), task, str(gold), str(pred)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _drop_indirect(src: Path, dst: Path) -> None:
    with src.open() as fin, dst.open("w") as fout:
        for line in fin:
            row = json.loads(line)
            b = row.get("briefing") or {}
            b["quotes"] = [q for q in b.get("quotes") or [] if q.get("kind") != "indirect"]
            fout.write(json.dumps(row) + "\n")


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
            gwords = {w.lower() for s in [g["speaker"], *g.get("also_speakers", [])] for w in s.split()}
            last = name.split()[-1].lower() if name.split() else ""
            if last not in gwords:
                print(f"  WHO   {doc['id']}: {g['text'][:50]!r} gold {g['speaker']!r} pred {name!r}")
        for i, p in enumerate(items):
            if i not in used and p.get("kind") != "indirect":
                ps = _span(p)
                print(f"  EXTRA {doc['id']}: {text[ps[0]:ps[1]][:70]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", help="eval folder holding tools/score.py and tools/run_project.py")
    ap.add_argument("--errors", action="store_true", help="list the errors")
    args = ap.parse_args()
    tools = _tools(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        t_gold, q_gold = HERE / "timex.jsonl", HERE / "quotes.jsonl"
        t_pred, q_pred, q_direct = Path(tmp) / "timex.jsonl", Path(tmp) / "quotes.jsonl", Path(tmp) / "qd.jsonl"
        _run(tools, t_gold, t_pred)
        _run(tools, q_gold, q_pred)
        _drop_indirect(q_pred, q_direct)
        t = _score(tools, "timex", t_gold, t_pred)
        print("time expressions (TempEval-3 style)")
        print(f"  value F1 {t['value']['f1']:.1f}   relaxed F1 {t['relaxed']['f1']:.1f}"
              f" (P {t['relaxed']['p']:.1f} R {t['relaxed']['r']:.1f})   strict F1 {t['strict']['f1']:.1f}"
              f"   type acc {t['type_accuracy_on_matched']:.1f}   value acc {t['value_accuracy_on_matched']:.1f}"
              f"   (gold {t['gold']}, predicted {t['pred']})")
        for label, pred in (("quotes (all kinds)", q_pred), ("quotes (indirect dropped)", q_direct)):
            q = _score(tools, "quotes", q_gold, pred)
            print(label)
            print(f"  quote P/R/F1 {q['quote']['p']:.1f}/{q['quote']['r']:.1f}/{q['quote']['f1']:.1f}"
                  f"   speaker acc {q['speaker_accuracy_on_matched']:.1f}"
                  f"   quote+speaker F1 {q['quote_and_speaker']['f1']:.1f}   (gold {q['gold']}, predicted {q['pred']})")
        if args.errors:
            print("timex errors")
            timex_errors(t_gold, t_pred)
            print("quote errors (indirect speech not listed as extra)")
            quote_errors(q_gold, q_pred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
