"""Run a terminal program in a real pseudo-terminal and time what it paints (used by the benchmarks).

`run()` starts the command on a fresh pty of a given size, reads everything it writes, and records
the time (from just before the process is started) at which each *mark* first appears on screen. A
mark is a regular expression (or several, which must all match) searched in the text the program has
written so far with terminal escape sequences removed (a word painted in one style arrives in one
piece). Keys can be sent once a mark has appeared, which starts the next step. Peak RSS comes from
`wait4` on the child.

Several words that must all be on screen are several patterns, not one pattern of lookaheads
(`(?s)(?=.*a)(?=.*b)`): a search for that which fails scans the rest of the text from every position,
quadratic in the text, and a 150×40 frame arrives in 4 KB reads: a second of the benchmark's own CPU
per frame, which delayed the mark it was looking for.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

# CSI / OSC / other escape sequences, and the other control characters a TUI writes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[PX^_].*?\x1b\\"  # DCS, SOS, PM, APC
    r"|\x1b.|[\x00-\x08\x0e-\x1f]"
)


@dataclass
class Step:
    """Wait for `mark` (a regex on the painted text); then send `keys` (if any)."""

    name: str
    mark: str | tuple[str, ...]  # several: all must match
    keys: str = ""
    after: str | None = None  # only look at text painted after this earlier step's mark was seen


@dataclass
class Result:
    times: dict[str, float] = field(default_factory=dict)  # step name -> seconds from start
    peak_rss_mb: float | None = None
    cpu_seconds: float | None = None  # user + system CPU time of the child, whole run
    timed_out: str | None = None  # the step that never came
    output_tail: str = ""


def _set_size(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def run(cmd: Sequence[str], steps: Sequence[Step], *, cols: int = 150, rows: int = 40, timeout: float = 60.0,
        quit_keys: str = "q", env: dict[str, str] | None = None, cwd: str | None = None) -> Result:
    master, slave = os.openpty()
    _set_size(slave, cols, rows)
    # Like an installed package, the program runs from compiled bytecode (`__pycache__`, written by the
    # first run): PYTHONDONTWRITEBYTECODE, set in some sandboxes, would recompile every module each time.
    child_env = {k: v for k, v in os.environ.items()
                 if not k.startswith("TEXTUAL") and k != "PYTHONDONTWRITEBYTECODE"}
    child_env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "COLUMNS": str(cols), "LINES": str(rows)})
    child_env.update(env or {})

    def _child_setup() -> None:  # a session of its own with the pty as controlling terminal
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    t0 = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdin=slave, stdout=slave, stderr=slave, env=child_env, cwd=cwd,
                            preexec_fn=_child_setup, close_fds=True)
    os.close(slave)
    result = Result()
    raw = bytearray()
    text = ""
    seen_at: dict[str, int] = {}  # step name -> length of `text` when its mark was seen
    pending = list(steps)
    deadline = t0 + timeout
    try:
        while pending:
            now = time.perf_counter()
            if now > deadline:
                result.timed_out = pending[0].name
                break
            ready, _, _ = select.select([master], [], [], min(0.05, deadline - now))
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # the child closed the terminal
                    result.timed_out = pending[0].name
                    break
                if not chunk:
                    result.timed_out = pending[0].name
                    break
                raw += chunk
                text = _ESCAPES.sub("", raw.decode("utf-8", "replace"))
            # One read may satisfy several steps (keys of a step are sent before the next is looked for).
            while pending:
                step = pending[0]
                start = seen_at.get(step.after, 0) if step.after else 0
                marks = (step.mark,) if isinstance(step.mark, str) else step.mark
                if not all(re.search(m, text[start:]) for m in marks):
                    break
                result.times[step.name] = time.perf_counter() - t0
                seen_at[step.name] = len(text)
                pending.pop(0)
                if step.keys:
                    os.write(master, step.keys.encode())
                    break  # what the keys cause comes in later reads
    finally:
        result.output_tail = text[-2000:]
        with contextlib.suppress(OSError):
            os.write(master, quit_keys.encode())
        end = time.perf_counter() + 5
        status = None
        while status is None and time.perf_counter() < end:
            _drain(master)
            pid, _, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = usage
                break
            time.sleep(0.02)
        if status is None:
            proc.send_signal(signal.SIGKILL)
            _, _, status = os.wait4(proc.pid, 0)
        proc.returncode = 0  # reaped above; keep Popen from waiting again
        result.peak_rss_mb = status.ru_maxrss / 1024
        result.cpu_seconds = status.ru_utime + status.ru_stime
        os.close(master)
    return result


def _drain(fd: int) -> None:
    while True:
        ready, _, _ = select.select([fd], [], [], 0)
        if not ready:
            return
        try:
            if not os.read(fd, 1 << 16):
                return
        except OSError:
            return
