"""Big reports in the reader: a 450 KB and a 5 MB report (generated), in a real pseudo-terminal.

    python benchmarks/big_report.py [--runs 3] [--sizes 450K,5M] [--size 150x40] [--keep DIR]

The report is one markdown file: a title, then the prose of the sample reports and the seed (front
matter and their own titles dropped) repeated under `## Part N` headings until the size is reached.
Each run starts `python -m briefing REPORT` and times, from just before the process is started:

- painted:   the report screen (header with the file name, the five pane titles);
- text:      the source pane shows the report's first words (the text is shown before the parse);
- end:       after `5` (source pane) and `G` (bottom), the report's last line is on screen;
- filled:    the parse is done and the panes are filled (the header shows the counts);
- last span: after `3` (quotes), `G` (last quote) and `enter`, the source pane's title names the quote
             it shows, scrolled to and highlighted (the last span of the report's quotes).

The parse alone (`parse_text`, in this process) is timed too, wall and CPU, and the reader's peak RSS
(`wait4`) is the memory figure for the big report. Figures are medians of the runs.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import Step, run

ROOT = Path(__file__).resolve().parent.parent
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TITLE = re.compile(r"\A\s*# [^\n]*\n")
LAST_WORD = "Zyxwvutsr."  # the report's last line: short, so it is never wrapped, and found nowhere else


def _prose() -> list[str]:
    files = [*sorted((ROOT / "sample_reports").glob("*")), ROOT / "seeds" / "000_226388b4aeac2740.txt"]
    out = []
    for f in files:
        if f.is_file() and not f.name.startswith("."):
            text = _TITLE.sub("", _FRONT_MATTER.sub("", f.read_text(encoding="utf-8")))
            out.append(text.strip())
    return out


def make_report(size: int) -> str:
    """A markdown report of about `size` bytes (UTF-8), deterministic, ending on a known sentence."""
    parts = ["# A very long briefing\n"]
    prose = _prose()
    n = 0
    total = len(parts[0].encode())
    while total < size:
        chunk = f"\n## Part {n + 1}\n\n{prose[n % len(prose)]}\n"
        parts.append(chunk)
        total += len(chunk.encode())
        n += 1
    parts.append(f'\nIn closing, the archivist said: "This is the very last sentence of the report."\n\n{LAST_WORD}\n')
    return "".join(parts)


def parse_size(text: str) -> int:
    units = {"k": 1000, "m": 1000 * 1000}
    t = text.strip().lower()
    return int(float(t[:-1]) * units[t[-1]]) if t[-1] in units else int(t)


def reader_steps(report: Path) -> list[Step]:
    first = report.read_text(encoding="utf-8").split()[:4]
    return [
        Step("painted", (re.escape(report.name), "Summary", "Actors", "Quotes", "Timeline", "Source")),
        Step("text", r"\s*".join(re.escape(w) for w in first), keys="5"),
        # The key bar lists the source pane's own keys once it has the focus; then `G`.
        Step("source focused", r"Next mention", after="text", keys="G"),
        Step("end", re.escape(LAST_WORD), after="source focused"),
        Step("filled", r"\d+ actors · \d+ quotes · \d+ events", keys="3"),
        Step("quotes focused", r"Open", after="filled", keys="G"),
        Step("last quote", r"very last sentence", after="quotes focused", keys="\r"),
        Step("last span", r"Source · quote:", after="last quote"),
    ]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--sizes", default="450K,5M")
    p.add_argument("--size", default="150x40", help="terminal size, COLSxROWS")
    p.add_argument("--keep", help="write the generated reports to this folder (default: a temporary one)")
    args = p.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    sys.path.insert(0, str(ROOT))
    from briefing import parse_text

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for label in args.sizes.split(","):
            size = parse_size(label)
            text = make_report(size)
            path = folder / f"big_{label.lower()}.md"
            path.write_text(text, encoding="utf-8")
            words = len(text.split())
            w0, c0 = time.perf_counter(), time.process_time()
            b = parse_text(text, format="markdown")
            parse_wall, parse_cpu = time.perf_counter() - w0, time.process_time() - c0
            print(f"{path.name}: {len(text.encode()) / 1e6:.2f} MB, {words:,} words; parse_text in this process "
                  f"{parse_wall:.2f} s wall, {parse_cpu:.2f} s CPU ({words / parse_cpu:,.0f} words/s); "
                  f"{len(b.actors)} actors, {len(b.quotes)} quotes, {len(b.timeline)} events", flush=True)
            del b
            steps = reader_steps(path)
            times: dict[str, list[float]] = {}
            rss: list[float] = []
            timeout = 60 + 30 * size / 1e6
            for i in range(args.runs):
                r = run([sys.executable, "-m", "briefing", str(path)], steps, cols=cols, rows=rows, cwd=str(ROOT),
                        timeout=timeout)
                if r.timed_out:
                    print(f"  run {i + 1}: timed out waiting for {r.timed_out}", file=sys.stderr)
                for k, v in r.times.items():
                    times.setdefault(k, []).append(v)
                rss.append(r.peak_rss_mb or 0)
                print("  run {}: {}   peak RSS {:.0f} MB".format(
                    i + 1, "   ".join(f"{k} {v:.2f} s" for k, v in r.times.items()), r.peak_rss_mb or 0), flush=True)
            med = {k: statistics.median(v) for k, v in times.items()}
            print(f"  medians: painted {med.get('painted', float('nan')):.2f} s (target <= 1 s)   "
                  f"text {med.get('text', float('nan')):.2f} s   "
                  f"end of text after 5 G {med.get('end', float('nan')):.2f} s "
                  f"({med.get('end', float('nan')) - med.get('text', float('nan')):.2f} s after the keys; "
                  f"target <= 3 s from start)")
            print(f"           filled {med.get('filled', float('nan')):.2f} s   last quote shown in the source "
                  f"{med.get('last span', float('nan')):.2f} s "
                  f"({med.get('last span', float('nan')) - med.get('filled', float('nan')):.2f} s after the keys)   "
                  f"peak RSS {statistics.median(rss):.0f} MB (target <= 250 MB for 5 MB)", flush=True)


if __name__ == "__main__":
    main()
