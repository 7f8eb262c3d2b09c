"""Find the report files under the library's roots, with their stat (the cheap change check).

Folders are walked recursively; hidden entries (`.git`, `.notes.md`) are left out, and only report
suffixes count inside folders (a file named on the command line counts whatever its name). Symbolic links
are followed, but a folder is never entered twice, so link cycles end. Anything odd (a FIFO named `x.md`,
a broken link, an unreadable folder) becomes a one-line warning, never an exception.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field

REPORT_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".txt", ".text"})


@dataclass
class ScanResult:
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (size, mtime_ns)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    missing_roots: list[str] = field(default_factory=list)


def normalise(path: str | os.PathLike[str]) -> str:
    """The path the index uses: absolute, normalised, symlinks kept as written."""
    return os.path.abspath(os.fspath(path))


def reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if exc.filename and os.path.islink(exc.filename) else "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def _valid_name(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_report_name(name: str) -> bool:
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in REPORT_SUFFIXES


def discover(roots: Iterable[str]) -> ScanResult:
    out = ScanResult()
    visited: set[tuple[int, int]] = set()
    for root in roots:
        try:
            st = os.stat(root)
        except OSError as exc:
            out.warnings.append((root, reason(exc)))
            out.missing_roots.append(root)
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(root, st, visited, out)
        elif stat.S_ISREG(st.st_mode):
            if _valid_name(root):
                out.files[root] = (st.st_size, st.st_mtime_ns)
            else:
                out.warnings.append((root, "file name is not valid UTF-8"))
        else:
            out.warnings.append((root, "not a regular file"))
    return out


def _walk(top: str, top_stat: os.stat_result, visited: set[tuple[int, int]], out: ScanResult) -> None:
    visited.add((top_stat.st_dev, top_stat.st_ino))
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            out.warnings.append((folder, reason(exc)))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.path
            try:
                if entry.is_dir(follow_symlinks=True):
                    st = entry.stat(follow_symlinks=True)
                    key = (st.st_dev, st.st_ino)
                    if key in visited:
                        out.warnings.append((path, "symbolic link loop (folder already visited)"))
                        continue
                    visited.add(key)
                    subfolders.append(path)
                    continue
                if not is_report_name(entry.name):
                    continue
                st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                out.warnings.append((path, reason(exc)))
                continue
            if not stat.S_ISREG(st.st_mode):
                out.warnings.append((path, "not a regular file"))
            elif not _valid_name(path):
                out.warnings.append((path, "file name is not valid UTF-8"))
            else:
                out.files[path] = (st.st_size, st.st_mtime_ns)
        stack.extend(reversed(subfolders))
