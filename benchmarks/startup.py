"""Start-up time of the reader against Textual's own floor, in a real pseudo-terminal.

    python benchmarks/startup.py [--runs 10] [--size 150x40] [--report seeds/000_226388b4aeac2740.txt]

Each round starts, one after the other, (a) a bare Textual app that paints one Static, and (b)
`python -m briefing REPORT`, each on a fresh pty, and times from just before the process is started:

- bare:    the Static's text is on screen;
- painted: the report screen is on screen: its header line with the report's file name and the titles
           of the four panes and the source pane ("Summary", "Actors", "Quotes", "Timeline", "Source");
- text:    the source pane shows the report's first words (read before the parse: see `preview.py`);
- filled:  the panes are filled: the header shows the counts ("N actors · N quotes · N events"), which
           the screen writes in the same refresh as the panes.

Rounds alternate (the machine is shared); the figures are medians, and the ratios are of medians.
Peak RSS (`wait4`) of each process is reported too: the seed's is the memory figure of issue 7.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import Step, run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_226388b4aeac2740.txt"

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("bare app ready")

Bare().run()
"""


def reader_steps(report: Path) -> list[Step]:
    first_words = r"\s+".join(re.escape(w) for w in report.read_text(encoding="utf-8").split()[:3])
    return [
        # The header shows the file name at once (the title once parsed); the pane titles are borders.
        Step("painted", (re.escape(report.name), "Summary", "Actors", "Quotes", "Timeline", "Source")),
        Step("text", first_words),  # the source pane shows the report's text
        Step("filled", r"\d+ actors · \d+ quotes · \d+ events"),
    ]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--size", default="150x40", help="terminal size, COLSxROWS")
    p.add_argument("--report", default=str(SEED))
    args = p.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    py = sys.executable
    bare: list[float] = []
    painted: list[float] = []
    filled: list[float] = []
    rss_bare: list[float] = []
    rss_reader: list[float] = []
    cpu_bare: list[float] = []
    cpu_reader: list[float] = []
    load = os.getloadavg()
    report = Path(args.report)
    steps = reader_steps(report)
    # One round first, not counted: both programs then start from compiled bytecode and a warm file cache.
    run([py, "-c", BARE_APP], [Step("bare", r"bare app ready")], cols=cols, rows=rows)
    run([py, "-m", "briefing", str(report)], steps, cols=cols, rows=rows, cwd=str(ROOT))
    text: list[float] = []
    for i in range(args.runs):
        b = run([py, "-c", BARE_APP], [Step("bare", r"bare app ready")], cols=cols, rows=rows)
        r = run([py, "-m", "briefing", str(report)], steps, cols=cols, rows=rows, cwd=str(ROOT))
        if b.timed_out or r.timed_out:
            print(f"round {i + 1}: timed out waiting for {b.timed_out or r.timed_out}", file=sys.stderr)
            print((r if r.timed_out else b).output_tail[-600:], file=sys.stderr)
            continue
        bare.append(b.times["bare"])
        painted.append(r.times["painted"])
        text.append(r.times["text"])
        filled.append(r.times["filled"])
        rss_bare.append(b.peak_rss_mb or 0)
        rss_reader.append(r.peak_rss_mb or 0)
        cpu_bare.append(b.cpu_seconds or 0)
        cpu_reader.append(r.cpu_seconds or 0)
        print(f"  round {i + 1:>2}: bare {b.times['bare']:.3f} s   painted {r.times['painted']:.3f} s   "
              f"text {r.times['text']:.3f} s   filled {r.times['filled']:.3f} s", flush=True)
    if not bare:
        sys.exit("no successful round")
    mb, mp, mf = statistics.median(bare), statistics.median(painted), statistics.median(filled)
    load_after = os.getloadavg()
    print(f"start-up in a {cols}x{rows} pty, {len(bare)} alternating rounds, medians "
          f"(load average {load[0]:.1f} before, {load_after[0]:.1f} after):")
    print(f"  bare Textual app, one Static painted   {mb:.3f} s")
    mt = statistics.median(text)
    print(f"  report screen painted (header, panes)  {mp:.3f} s   ratio {mp / mb:.2f}   (target <= 1.3)")
    print(f"  ... with the report's text             {mt:.3f} s   ratio {mt / mb:.2f}")
    print(f"  report screen filled (the four panes)  {mf:.3f} s   ratio {mf / mb:.2f}")
    print(f"  CPU time of the whole run (start to quit): bare {statistics.median(cpu_bare):.3f} s, "
          f"reader {statistics.median(cpu_reader):.3f} s")
    print(f"  peak RSS: bare {statistics.median(rss_bare):.1f} MB, reader with {Path(args.report).name} "
          f"{statistics.median(rss_reader):.1f} MB (target <= 80 MB)")


if __name__ == "__main__":
    main()
