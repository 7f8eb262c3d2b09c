"""Extraction quality and throughput.

    python benchmarks/extraction.py [--eval DIR] [--skip-eval] [--sizes 1,4,16,64] [--repeat 3]
                                    [--corpus samples|news|both]

1. Quality: runs the shared scorer (`DIR/tools/run_project.py` + `score.py`) on `timex`, `ner` and
   `quotes` in DIR (default: $BRIEFING_EVAL_DIR, else ../shared/eval beside the checkout) and prints
   the headline figures. Quotes are scored twice: as the model has them, and with indirect speech
   dropped (the gold annotates direct quotations only).
2. Throughput: words/s of `parse_text` over a corpus concatenated 1x, 4x, 16x, 64x, in wall time and
   in CPU time of this process (`time.process_time`: on a shared machine the wall clock also counts
   other programs), the CPU time ratio per size step (linear: 4x the text, ~4x the time), and the CPU
   time per stage (load, Document, each extraction step, model building). Two corpora: the sample
   reports and the seed as markdown, and the full articles of the eval set's quotes file as plain text
   (ordinary news prose).
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


def score(tools: Path, task: str, gold: Path, pred: Path) -> dict:
    """The shared scorer's figures for one task (its last line of output, JSON)."""
    out = subprocess.run([sys.executable, str(tools / "score.py"), task, str(gold), str(pred)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def drop_indirect(src: Path, dst: Path) -> None:
    """Copy predictions without indirect speech: the gold annotates quotations only."""
    with src.open() as fin, dst.open("w") as fout:
        for line in fin:
            row = json.loads(line)
            b = row.get("briefing") or {}
            b["quotes"] = [q for q in b.get("quotes") or [] if q.get("kind") != "indirect"]
            fout.write(json.dumps(row) + "\n")


def quality(directory: Path) -> dict:
    tools = directory / "tools"
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for task, gold_name in (("timex", "timex.jsonl"), ("ner", "ner.jsonl"), ("quotes", "quotes.jsonl")):
            gold, pred = directory / gold_name, Path(tmp) / f"{task}.jsonl"
            run = subprocess.run([sys.executable, str(tools / "run_project.py"), str(gold), str(pred)],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            speed = json.loads(run.stdout.strip().splitlines()[-1])
            results[task] = {"speed": speed, "score": score(tools, task, gold, pred)}
            if task == "quotes":
                direct = Path(tmp) / "quotes_direct.jsonl"
                drop_indirect(pred, direct)
                results["quotes_direct_only"] = {"score": score(tools, task, gold, direct)}
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


def news_corpus(directory: Path) -> str:
    """The full article bodies of the eval set's quotes file: ordinary news prose, as plain text."""
    with (directory / "quotes.jsonl").open(encoding="utf-8") as fh:
        return "\n\n".join(json.loads(line)["text"] for line in fh)


def _timed(label: str, fn, sink: dict[str, list[float]]):
    """Wrap `fn` to add its wall and CPU time to `sink[label]`."""

    def run(*args, **kwargs):
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            acc = sink.setdefault(label, [0.0, 0.0])
            acc[0] += time.perf_counter() - w0
            acc[1] += time.process_time() - c0

    return run


def throughput(sizes: list[int], repeat: int, base: str, label: str, fmt: str) -> None:
    from briefing import extract, pipeline
    from briefing import parse_text as _parse_text

    def parse_text(text: str, format: str = fmt) -> object:
        return _parse_text(text, format=format)  # type: ignore[arg-type]

    parse_text(base)  # warm up: lazy gazetteers, regex compilation
    load = os.getloadavg()[0]
    print(f"throughput (parse_text as {fmt}; median of {repeat}, wall and CPU (process_time) time; "
          f"corpus = {label}; load {load:.1f})")
    prev = None
    cpu_at: dict[int, float] = {}
    for k in sizes:
        text = "\n\n".join([base] * k)
        words = len(text.split())
        walls, cpus = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            parse_text(text)
            walls.append(time.perf_counter() - w0)
            cpus.append(time.process_time() - c0)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        ratio = ""
        if prev is not None:
            ratio = f"   CPU time x{cpu / prev[1]:.2f} for text x{k / prev[0]:.0f}"
        print(f"  {k:>3}x  {words:>8} words  wall {wall * 1000:8.1f} ms {words / wall:>9,.0f} words/s"
              f"   CPU {cpu * 1000:8.1f} ms {words / cpu:>9,.0f} words/s{ratio}")
        prev = (k, cpu)
        cpu_at[k] = cpu
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        grow = cpu_at[last] / cpu_at[first]
        print(f"  linearity: {last // first}x the text took x{grow:.2f} the CPU time "
              f"(x{grow / (last / first):.2f} per x1 of text; target <= 1.1)")

    # Per-stage breakdown (CPU time), at the largest size.
    stages: dict[str, list[float]] = {}
    originals = list(extract.STEPS)
    build, load_text = pipeline.document.build, pipeline.load_text
    extract.STEPS[:] = [_timed(s.__module__.rsplit(".", 1)[-1], s, stages) for s in originals]
    pipeline.document.build = _timed("document", build, stages)
    pipeline.load_text = _timed("load", load_text, stages)
    try:
        text = "\n\n".join([base] * sizes[-1])
        words = len(text.split())
        c0 = time.process_time()
        parse_text(text)
        total = time.process_time() - c0
    finally:
        extract.STEPS[:] = originals
        pipeline.document.build, pipeline.load_text = build, load_text
    stages["model+other"] = [0.0, total - sum(c for _, c in stages.values())]
    print(f"  CPU time per stage at {sizes[-1]}x ({total * 1000:.0f} ms, {words / total:,.0f} words/s):")
    for name, (_, cpu) in sorted(stages.items(), key=lambda kv: -kv[1][1]):
        print(f"    {name:<12} {cpu * 1000:8.0f} ms  {100 * cpu / total:5.1f}%")
    actors = stages.get("actors", [0.0, 0.0])[1]
    print(f"  without the actors step: {words / (total - actors):,.0f} words/s")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--eval", help="folder with timex.jsonl, ner.jsonl, quotes.jsonl and tools/")
    p.add_argument("--skip-eval", action="store_true")
    p.add_argument("--sizes", default="1,4,16,64")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--corpus", choices=["samples", "news", "both"], default="both",
                   help="samples: the sample reports + seed as markdown; news: the eval articles as plain text")
    args = p.parse_args()
    d = eval_dir(args.eval)
    if not args.skip_eval:
        if (d / "tools" / "score.py").exists():
            print_quality(quality(d))
        else:
            print(f"(no eval data at {d}; pass --eval DIR)")
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.corpus in ("samples", "both"):
        throughput(sizes, args.repeat, corpus(), "sample reports + seed", "markdown")
    if args.corpus in ("news", "both") and (d / "quotes.jsonl").exists():
        throughput(sizes, args.repeat, news_corpus(d), "eval news articles (quotes.jsonl)", "text")


if __name__ == "__main__":
    main()
