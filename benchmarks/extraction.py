"""Extraction quality and throughput.

    python benchmarks/extraction.py [--eval DIR] [--skip-eval] [--sizes 1,4,16,64] [--repeat 3]

1. Quality: runs the shared scorer (`DIR/tools/run_project.py` + `score.py`) on `timex`, `ner` and
   `quotes` in DIR (default: $BRIEFING_EVAL_DIR, else ../shared/eval beside the checkout) and prints
   the headline figures. Quotes are scored twice: as the model has them, and with indirect speech
   dropped (the gold annotates direct quotations only).
2. Throughput: words/s of `parse_text` over the sample reports and the seed, concatenated 1x, 4x, 16x,
   64x, the time ratio per size step (linear: 4x the text, ~4x the time), and the time per step.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def eval_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("BRIEFING_EVAL_DIR") or ROOT.parent / "shared" / "eval")


def _score(tools: Path, task: str, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(tools / "score.py"), task, str(gold), str(pred)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def quality(directory: Path) -> dict:
    tools = directory / "tools"
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for task, gold_name in (("timex", "timex.jsonl"), ("ner", "ner.jsonl"), ("quotes", "quotes.jsonl")):
            gold, pred = directory / gold_name, Path(tmp) / f"{task}.jsonl"
            run = subprocess.run([sys.executable, str(tools / "run_project.py"), str(gold), str(pred)],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            speed = json.loads(run.stdout.strip().splitlines()[-1])
            results[task] = {"speed": speed, "score": _score(tools, task, gold, pred)}
            if task == "quotes":
                direct = Path(tmp) / "quotes_direct.jsonl"
                with pred.open() as src, direct.open("w") as dst:
                    for line in src:
                        row = json.loads(line)
                        b = row.get("briefing") or {}
                        b["quotes"] = [q for q in b.get("quotes") or [] if q.get("kind") != "indirect"]
                        dst.write(json.dumps(row) + "\n")
                results["quotes_direct_only"] = {"score": _score(tools, task, gold, direct)}
    return results


def print_quality(r: dict) -> None:
    t = r["timex"]["score"]
    print("time expressions (TempEval-3 style)")
    print(f"  value F1 {t['value']['f1']:.1f}   relaxed F1 {t['relaxed']['f1']:.1f}   strict F1 {t['strict']['f1']:.1f}"
          f"   type acc {t['type_accuracy_on_matched']:.1f}   value acc {t['value_accuracy_on_matched']:.1f}"
          f"   (gold {t['gold']}, predicted {t['pred']})")
    n = r["ner"]["score"]
    by = "   ".join(f"{k} P/R/F1 {v['p']:.1f}/{v['r']:.1f}/{v['f1']:.1f}" for k, v in n["by_type"].items())
    print("entities (PER/ORG/LOC, exact spans)")
    print(f"  typed F1 {n['typed']['f1']:.1f} (P {n['typed']['p']:.1f} R {n['typed']['r']:.1f})   "
          f"untyped F1 {n['untyped']['f1']:.1f}")
    print(f"  {by}")
    for key, label in (("quotes", "quotes (all kinds)"), ("quotes_direct_only", "quotes (indirect dropped)")):
        q = r[key]["score"]
        print(label)
        print(f"  quote P/R/F1 {q['quote']['p']:.1f}/{q['quote']['r']:.1f}/{q['quote']['f1']:.1f}   "
              f"speaker acc {q['speaker_accuracy_on_matched']:.1f}   named speaker acc "
              f"{q['named_speaker_name_accuracy']:.1f}   (gold {q['gold']}, predicted {q['pred']})")
    for task in ("timex", "ner", "quotes"):
        s = r[task]["speed"]
        print(f"  run_project {task}: {s['words']} words, {s['words_per_second']} words/s, failures {s['failures']}")


def corpus() -> str:
    files = [*sorted((ROOT / "sample_reports").glob("*")), ROOT / "seeds" / "000_226388b4aeac2740.txt"]
    parts = [f.read_text(encoding="utf-8") for f in files if f.is_file() and not f.name.startswith(".")]
    return "\n\n".join(parts)


def throughput(sizes: list[int], repeat: int) -> None:
    from briefing import extract, parse_text

    base = corpus()
    step_time: dict[str, float] = {}
    originals = list(extract.STEPS)

    def timed(step):  # wrap each step to attribute time
        name = step.__module__.rsplit(".", 1)[-1]

        def run(doc, found):
            t0 = time.perf_counter()
            out = step(doc, found)
            step_time[name] = step_time.get(name, 0.0) + time.perf_counter() - t0
            return out

        return run

    parse_text(base)  # warm up: lazy gazetteers, regex compilation
    print(f"throughput (parse_text, median of {repeat}; corpus = sample reports + seed)")
    prev = None
    for k in sizes:
        text = "\n\n".join([base] * k)
        words = len(text.split())
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            parse_text(text, format="markdown")
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        ratio = ""
        if prev is not None:
            ratio = f"   time x{med / prev[1]:.2f} for text x{k / prev[0]:.0f}"
        print(f"  {k:>3}x  {words:>8} words  {med * 1000:8.1f} ms  {words / med:>9,.0f} words/s{ratio}")
        prev = (k, med)
    extract.STEPS[:] = [timed(s) for s in originals]
    try:
        text = "\n\n".join([base] * sizes[-1])
        t0 = time.perf_counter()
        parse_text(text, format="markdown")
        total = time.perf_counter() - t0
    finally:
        extract.STEPS[:] = originals
    rest = total - sum(step_time.values())
    print(f"  time per step at {sizes[-1]}x: " + ", ".join(
        f"{name} {t * 1000:.0f} ms" for name, t in sorted(step_time.items(), key=lambda kv: -kv[1]))
        + f", load+document+model {rest * 1000:.0f} ms")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--eval", help="folder with timex.jsonl, ner.jsonl, quotes.jsonl and tools/")
    p.add_argument("--skip-eval", action="store_true")
    p.add_argument("--sizes", default="1,4,16,64")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    if not args.skip_eval:
        d = eval_dir(args.eval)
        if (d / "tools" / "score.py").exists():
            print_quality(quality(d))
        else:
            print(f"(no eval data at {d}; pass --eval DIR)")
    throughput([int(s) for s in args.sizes.split(",")], args.repeat)


if __name__ == "__main__":
    main()
