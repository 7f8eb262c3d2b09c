"""Parsing in a child process, forked before the reader imports Textual.

A parse in a worker thread shares the interpreter lock with the UI: the cold start of the extraction
(pydantic, the extraction modules, their gazetteers and regular expressions: half a second of CPU)
can only follow the reader's own start-up. So `briefing FILE`, when the machine has a core to spare,
forks a parser at once: while the reader imports Textual and paints its screen, the child imports the
pipeline and parses FILE on the other core. Later parses (reloads, other reports) go to the same,
warm child. On a busy machine (no spare core) or for a big report (over `FORK_MAX_BYTES`) the reader
parses in its own process, in a worker thread, as before: a second process would only compete with it.

The child answers with the briefing as JSON (pydantic writes and reads it in compiled code; pickle is
ten times slower for big models). Errors cross as pickled exceptions, so the reader shows the same
one-line reason as for an in-process parse. If the child is gone (it crashed), parsing falls back to
the reader's own process.

Nothing here imports Textual, pydantic or the pipeline at import time.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import pickle
import signal
import struct
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from ..model import Briefing

_HEADER = struct.Struct("!cQ")  # status (b"j" JSON, b"e" pickled error), payload length
_OK, _ERROR = b"j", b"e"

_early: ForkedParser | None = None
# A big report's parse takes seconds either way, and its model rebuilt from JSON in the reader takes
# twice the memory of one built in place (570 MB against 250 MB for 5 MB): big reports parse in-process.
FORK_MAX_BYTES = 1024 * 1024


class ChildGone(RuntimeError):
    """The parser process exited (or could not be reached)."""


def start_early(paths: list[str], reference_date: dt.date | None, max_bytes: int) -> None:
    """Fork the parser now if the reader will open exactly one report file; it starts on that file."""
    global _early
    if _early is not None or len(paths) != 1 or not hasattr(os, "fork"):
        return
    path = Path(paths[0])
    try:
        if not path.is_file() or path.stat().st_size > FORK_MAX_BYTES:
            return
    except OSError:
        return
    if threading.active_count() > 1:  # forking a process with threads can copy a held lock
        return
    if not _spare_core():
        # On a busy machine a second process only slows the reader's own start-up down (measured: the
        # report screen painted 0.9 s later), and parsing after the first paint in a thread is as fast.
        return
    try:
        _early = ForkedParser(reference_date, max_bytes, first=path)
    except OSError:
        _early = None


def _spare_core() -> bool:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        busy = os.getloadavg()[0]
    except OSError:
        return cpus > 1
    return cpus - busy >= 1.0


def early() -> ForkedParser | None:
    """The parser forked by `start_early`, if any."""
    return _early


class ForkedParser:
    """A `ParseFn` (path -> Briefing) served by a forked child; thread-safe, one parse at a time."""

    def __init__(self, reference_date: dt.date | None, max_bytes: int, first: Path | None = None) -> None:
        self.reference_date = reference_date
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._first = first  # parsed by the child unasked: its answer is the first one on the pipe
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(req_w)
            os.close(resp_r)
            _child(req_r, resp_w, reference_date, max_bytes, first)
        os.close(req_r)
        os.close(resp_w)
        self.pid = pid
        self._req = req_w
        self._resp = resp_r
        self._alive = True
        atexit.register(self.close)

    def __call__(self, path: Path) -> Briefing:
        with self._lock:
            if self._alive:
                try:
                    return self._parse(Path(path))
                except ChildGone:
                    self._alive = False
                    self._reap()
        return _parse_here(Path(path), self.reference_date, self.max_bytes)

    def _parse(self, path: Path) -> Briefing:
        if self._first is not None:
            first, self._first = self._first, None
            status, payload = self._receive()
            if first == path:
                return _decode(status, payload)
        self._send(path)
        status, payload = self._receive()
        return _decode(status, payload)

    def _send(self, path: Path) -> None:
        data = pickle.dumps(os.fspath(path))
        try:
            _write_all(self._req, _HEADER.pack(_OK, len(data)) + data)
        except OSError as exc:
            raise ChildGone(str(exc)) from exc

    def _receive(self) -> tuple[bytes, bytes]:
        head = _read_exactly(self._resp, _HEADER.size)
        if head is None:
            raise ChildGone("parser process exited")
        status, n = _HEADER.unpack(head)
        payload = _read_exactly(self._resp, n)
        if payload is None:
            raise ChildGone("parser process exited")
        return status, payload

    def close(self) -> None:
        """Stop the child (it may be in the middle of a long parse) and release the pipes."""
        if getattr(self, "pid", None) is None:
            return
        pid, self.pid = self.pid, None
        self._alive = False
        for fd in (self._req, self._resp):
            with contextlib.suppress(OSError):
                os.close(fd)
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, os.WNOHANG)
        except OSError:
            pass

    def _reap(self) -> None:
        if self.pid is not None:
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, os.WNOHANG)


def _parse_here(path: Path, reference_date: dt.date | None, max_bytes: int) -> Briefing:
    from ..pipeline import parse_file

    return parse_file(path, reference_date=reference_date, max_bytes=max_bytes)


def _decode(status: bytes, payload: bytes) -> Briefing:
    if status == _ERROR:
        raise _unpickle_error(payload)
    from ..model import Briefing

    # Building a big model makes hundreds of thousands of objects and no cycles: without the cyclic GC
    # (which would walk them again and again as they are made) this is several times faster.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Briefing.model_validate_json(payload.decode("utf-8", "surrogatepass"))
    finally:
        if enabled:
            gc.enable()


def _unpickle_error(payload: bytes) -> BaseException:
    try:
        exc = pickle.loads(payload)
    except Exception as err:  # an exception class the reader cannot rebuild: keep its words
        return RuntimeError(f"parser process: {err}")
    if isinstance(exc, BaseException):
        return exc
    if isinstance(exc, tuple) and len(exc) == 2:
        return RuntimeError(f"{exc[0]}: {exc[1]}")
    return RuntimeError("parser process: unreadable error")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_exactly(fd: int, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


# --- the child -------------------------------------------------------------------------------------


def _child(req: int, resp: int, reference_date: dt.date | None, max_bytes: int, first: Path | None) -> None:
    code = 0
    try:
        # The terminal belongs to the reader: the child reads nothing from it and writes nothing to it,
        # and ctrl+c (if it ever reaches the process group) is the reader's to handle.
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if first is not None:
            _answer(resp, first, reference_date, max_bytes)
        while True:
            head = _read_exactly(req, _HEADER.size)
            if head is None:
                break  # the reader closed the pipe (or exited)
            _, n = _HEADER.unpack(head)
            data = _read_exactly(req, n)
            if data is None:
                break
            _answer(resp, Path(pickle.loads(data)), reference_date, max_bytes)
    except BaseException:  # a broken pipe (the reader is gone) or worse: nothing to report to
        code = 1
    finally:
        os._exit(code)


def _answer(resp: int, path: Path, reference_date: dt.date | None, max_bytes: int) -> None:
    try:
        b = _parse_here(path, reference_date, max_bytes)
        payload = b.model_dump_json().encode("utf-8", "surrogatepass")
        status = _OK
    except Exception as exc:
        status = _ERROR
        try:
            payload = pickle.dumps(exc)
            pickle.loads(payload)  # the reader must be able to rebuild it
        except Exception:
            payload = pickle.dumps((type(exc).__name__, str(exc)))
    _write_all(resp, _HEADER.pack(status, len(payload)) + payload)
