"""Hostile and broken input through `briefing parse` (the installed console script) and `parse_file`.

Every case in `fixtures/hostile/make_fixtures.py` must end in exit 0 with a model that validates against
`briefing schema` and keeps the offsets contract, or in exit 1 with one clear line on stderr naming the
input and the reason. Never a traceback, never a hang, never an escape sequence on the terminal, and the
input is never written.
"""

from __future__ import annotations

import codecs
import hashlib
import importlib.util
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from model_checks import problems

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
_spec = importlib.util.spec_from_file_location("hostile_fixtures", HOSTILE / "make_fixtures.py")
assert _spec and _spec.loader
fx = importlib.util.module_from_spec(_spec)
sys.modules["hostile_fixtures"] = fx  # dataclasses look their module up by name
_spec.loader.exec_module(fx)

# CPU seconds (user + system) a case may take, process start included; deliberately big cases get more.
# CPU time, not wall time, so that a busy machine does not fail the suite.
BUDGET, SLOW_BUDGET = 10.0, 240.0
# Wall-clock seconds after which the process is killed: a hang is a failure, not a stuck test run.
TIMEOUT, SLOW_TIMEOUT, KNOWN_ISSUE_TIMEOUT = 60.0, 600.0, 20.0

# Cases that fail because of code outside the loader/Document/CLI (an extractor): case name -> the file and
# the reason. Strict, so the marker must go once it is fixed.
KNOWN_ISSUES: dict[str, str] = {}

# What must never reach a terminal through stdout: C0 controls but tab and newline, DEL, C1 controls,
# bidi marks/overrides/isolates and line/paragraph separators (all UTF-8 encoded).
_TERMINAL_UNSAFE = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c"
)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def briefing_exe() -> list[str]:
    exe = Path(sys.executable).with_name("briefing")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefing"]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    r = subprocess.run([*briefing_exe(), "schema"], capture_output=True, timeout=60, check=True)
    schema = json.loads(r.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


# ---------------------------------------------------------------------------------------------- helpers


def _snapshot(path: Path) -> dict[str, Any]:
    """What parsing must not change: the input's bytes and mtime, and its folder's listing."""
    snap: dict[str, Any] = {}
    try:
        st = os.lstat(path)
        snap["mtime"] = st.st_mtime_ns
        if path.is_file() and os.access(path, os.R_OK) and st.st_mode & 0o444:
            snap["sha"] = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        snap["missing"] = True
    folder = path.parent
    if folder.is_dir() and folder != Path("/dev"):
        snap["listing"] = sorted(os.listdir(folder))
    return snap


def _decode_like_a_reader(data: bytes, encoding: str) -> str:
    """An independent decoding of the input, to prove the model's text lost nothing."""
    if encoding == "utf-8":
        text = data.decode("utf-8-sig")
    elif encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        bom = len(codecs.BOM_UTF32_LE) if encoding.startswith("utf-32") else len(codecs.BOM_UTF16_LE)
        text = data[bom:].decode(encoding)
    elif encoding == "cp1252":
        text = "".join(
            bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
            for b in data
        )
    else:
        raise AssertionError(f"unexpected encoding {encoding!r}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pieces(name: str) -> list[str]:
    """The printable runs of a file name: each must show in an error line, in order."""
    return [p for p in _CONTROL.split(name) if p]


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _run(argv: list[str], stdin: bytes | None, timeout: float,
         **kwargs: Any) -> tuple[subprocess.CompletedProcess[bytes], float]:
    """Run and return the result with the child's CPU seconds."""
    t0 = _cpu()
    r = subprocess.run(
        argv,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        **kwargs,
    )
    return r, _cpu() - t0


def _check_stderr_line(c: Any, stderr: bytes, where: str) -> None:
    assert b"Traceback" not in stderr, stderr.decode(errors="replace")
    assert stderr.endswith(b"\n") and stderr.count(b"\n") == 1, f"want one line on stderr, got {stderr!r}"
    assert not _TERMINAL_UNSAFE.search(stderr.rstrip(b"\n")), f"control characters on stderr: {stderr!r}"
    line = stderr.decode("utf-8", errors="replace").rstrip("\n")
    assert line.startswith("briefing: "), line
    pos = 0
    for piece in _pieces(where):
        found = line.find(piece, pos)
        assert found >= 0, f"stderr line does not name the input ({where!r}): {line!r}"
        pos = found + len(piece)
    assert c.reason.lower() in line.lower(), f"reason {c.reason!r} missing from {line!r}"
    assert "internal error" not in line, line


def _check_model(c: Any, data: dict[str, Any], validator: Draft202012Validator, raw: bytes | None) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}"[:300] for e in errors[:5]]
    assert problems(data) == []
    if c.encoding:
        assert data["source"]["encoding"] == c.encoding
    codes = {d["code"] for d in data["diagnostics"]}
    for code in c.diagnostics:
        assert code in codes, f"diagnostic {code!r} missing; got {sorted(codes)}"
    for s in c.contains:
        assert s in data["text"], f"{s!r} was altered or dropped from the model's text"
    contents = [data["text"][b["content"]["start"] : b["content"]["end"]] for b in data["blocks"]]
    for s in c.in_blocks:
        assert any(s in x for x in contents), f"{s!r} is in no block: dropped from the document's structure"
    if raw is not None:
        assert data["text"] == _decode_like_a_reader(raw, data["source"]["encoding"]), "the model's text lost data"


def _cases() -> list[Any]:
    params = []
    for c in fx.CASES:
        marks = [pytest.mark.slow] if c.slow else []
        if c.name in KNOWN_ISSUES:
            marks.append(pytest.mark.xfail(reason=KNOWN_ISSUES[c.name], strict=True))
        params.append(pytest.param(c, id=c.name, marks=marks))
    return params


def _prepare(c: Any, tmp_path: Path) -> Path:
    committed = fx.committed_file(c)
    if committed is not None:
        return committed  # the committed file itself, which must come out untouched
    return c.build(tmp_path)


def _parse_and_check(c: Any, path: Path, validator: Draft202012Validator, *,
                     user: int | None = None) -> tuple[float, dict[str, Any] | None]:
    stdin = path.read_bytes() if c.stdin else None
    target = "-" if c.stdin else os.fspath(path)
    args = [a.replace("{path}", target) for a in c.args]
    before = _snapshot(path)
    argv = [*briefing_exe(), "parse", target, *args]
    timeout = KNOWN_ISSUE_TIMEOUT if c.name in KNOWN_ISSUES else SLOW_TIMEOUT if c.slow else TIMEOUT
    extra: dict[str, Any] = {"user": user, "group": user, "extra_groups": []} if user is not None else {}
    r, elapsed = _run(argv, stdin, timeout, **extra)
    assert _snapshot(path) == before, "the input or its folder changed while parsing"
    assert b"Traceback" not in r.stderr, r.stderr.decode(errors="replace")[-3000:]
    model = None
    if c.expect == "ok":
        assert r.returncode == 0, f"exit {r.returncode}: {r.stderr.decode(errors='replace')[-2000:]}"
        assert r.stderr == b"", r.stderr.decode(errors="replace")
        bad = _TERMINAL_UNSAFE.search(r.stdout)
        assert bad is None, f"terminal control bytes in stdout at {bad.start()}: {r.stdout[bad.start():][:20]!r}"
        model = json.loads(r.stdout.decode("utf-8"))
        _check_model(c, model, validator, path.read_bytes())
    else:
        assert r.returncode == 1, f"exit {r.returncode}, want 1; stderr {r.stderr!r}"
        assert r.stdout == b""
        _check_stderr_line(c, r.stderr, "<stdin>" if c.stdin else os.fsdecode(path))
    budget = SLOW_BUDGET if c.slow else BUDGET
    assert elapsed < budget, f"took {elapsed:.1f} CPU seconds (budget {budget}s)"
    return elapsed, model


def _privileged(path: Path) -> bool:
    """True when permissions do not stop us (root, CAP_DAC_OVERRIDE): chmod 000 proves nothing then."""
    try:
        with open(path, "rb"):
            return True
    except PermissionError:
        return False


# ------------------------------------------------------------------------------------------------ tests


def test_there_are_at_least_forty_named_cases() -> None:
    names = [c.name for c in fx.CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names)
    for c in fx.CASES:
        assert c.expect in ("ok", "refused")
        assert (c.reason is not None) == (c.expect == "refused"), c.name


def test_committed_fixtures_match_their_generator(tmp_path: Path) -> None:
    """The folder holds exactly what `make_fixtures.py` writes (rerun it after editing a case)."""
    fx.write(tmp_path)
    expected = sorted(p.name for p in tmp_path.iterdir())
    on_disk = sorted(p.name for p in HOSTILE.iterdir() if p.name not in ("make_fixtures.py", "__pycache__"))
    assert on_disk == expected
    for name in expected:
        assert (HOSTILE / name).read_bytes() == (tmp_path / name).read_bytes(), name
    big = [p.name for p in HOSTILE.iterdir() if p.stat().st_size > 64 * 1024]
    assert big == [], f"large fixtures must be generated at test time, not committed: {big}"


def test_manifest_describes_every_case() -> None:
    rows = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in rows] == [c.name for c in fx.CASES]
    for r in rows:
        assert r["description"] and r["expect"]["exit"] in (0, 1)


@pytest.mark.parametrize("c", _cases())
def test_briefing_parse_survives(c: Any, tmp_path: Path, validator: Draft202012Validator) -> None:
    path = _prepare(c, tmp_path)
    if c.needs_unprivileged and _privileged(path):
        # Root reads a chmod 000 file: parsing it must simply work then.
        ok = fx.Case(c.name, c.description, "ok", c.build, committed=False)
        _parse_and_check(ok, path, validator)
        pytest.skip("running with privileges that ignore chmod 000: permission-denied path checked separately")
    _parse_and_check(c, path, validator)


def test_unreadable_file_as_an_unprivileged_user(validator: Draft202012Validator) -> None:
    """chmod 000 refuses cleanly. Run as `nobody` when the suite runs as root, where chmod 000 is ignored."""
    c = fx.case("unreadable_file")
    folder = Path(tempfile.mkdtemp(prefix="briefing-hostile-"))
    try:
        folder.chmod(0o755)
        path = c.build(folder)
        path.parent.chmod(0o755)
        if not _privileged(path):
            _parse_and_check(c, path, validator)
            return
        if os.geteuid() != 0:
            pytest.skip("privileged without being root: cannot drop to an unprivileged user")
        try:
            probe = subprocess.run([*briefing_exe(), "--version"], capture_output=True, timeout=30,
                                   user=65534, group=65534, extra_groups=[])
        except OSError as exc:  # e.g. the interpreter lives under /root
            pytest.skip(f"running as root, and user nobody cannot run briefing here ({exc})")
        if probe.returncode != 0:
            pytest.skip(f"user nobody cannot run briefing here: {probe.stderr.decode(errors='replace')[-200:]}")
        _parse_and_check(c, path, validator, user=65534)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_permission_denied_is_one_line_even_when_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The EACCES path of the CLI, in-process, for runs (as root) where chmod 000 cannot trigger it."""
    from briefing import cli, load

    path = tmp_path / "locked.txt"
    path.write_text("secret\n")

    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(load, "open", deny, raising=False)  # the loader's only way to read a file
    assert cli.main(["parse", os.fspath(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"briefing: {path}: permission denied\n"


@pytest.mark.parametrize("c", [c for c in _cases() if c.values[0].expect == "ok" and c.values[0].committed
                               and not c.values[0].stdin])
def test_markdown_output_survives(c: Any) -> None:
    """`--markdown` prints report text as text: control characters come out as visible placeholders."""
    r, _ = _run([*briefing_exe(), "parse", "--markdown", os.fspath(fx.committed_file(c))], None, TIMEOUT)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    assert r.stderr == b""
    bad = _TERMINAL_UNSAFE.search(r.stdout)
    assert bad is None, f"terminal control bytes in markdown output: {r.stdout[bad.start():][:20]!r}"
    r.stdout.decode("utf-8")


def test_markdown_output_shows_escapes_as_placeholders(tmp_path: Path) -> None:
    p = tmp_path / "r.md"
    p.write_text("# Clear\x1b[2J screen \u202eevil\n\nBody.\n", encoding="utf-8")
    r, _ = _run([*briefing_exe(), "parse", "--markdown", os.fspath(p)], None, TIMEOUT)
    out = r.stdout.decode("utf-8")
    assert "Clear␛[2J screen <U+202E>evil" in out


def test_json_output_escapes_terminal_controls_losslessly(tmp_path: Path) -> None:
    text = "Ana\u009b2J said \u202eno\u2069 \x7f ok.\u2028Next.\n"
    p = tmp_path / "c1.txt"
    p.write_text(text, encoding="utf-8")
    r, _ = _run([*briefing_exe(), "parse", os.fspath(p)], None, TIMEOUT)
    assert r.returncode == 0
    assert b"\\u009b" in r.stdout and b"\\u202e" in r.stdout
    assert json.loads(r.stdout)["text"] == text


def test_output_to_a_fifo_writes_through_instead_of_replacing_it(tmp_path: Path) -> None:
    """`-o` on a FIFO or device must write into it, never rename a temp file over it."""
    src = tmp_path / "r.txt"
    src.write_text("Ana Ruiz said hello.\n")
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r, _ = _run([*briefing_exe(), "parse", os.fspath(src), "-o", os.fspath(fifo)], None, TIMEOUT)
    reader.join(TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert fifo.is_fifo(), "the FIFO was replaced by a regular file"
    assert json.loads(got[0])["text"] == "Ana Ruiz said hello.\n"


def test_output_in_a_latin1_locale_does_not_crash(tmp_path: Path) -> None:
    """JSON is UTF-8 whatever the locale: a non-UTF-8 stdout encoding must not raise UnicodeEncodeError."""
    p = tmp_path / "cjk.txt"
    p.write_text("北京 said “hi” 😀.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C", "PYTHONUTF8": "0"}
    for fmt in ("--json", "--markdown"):
        r = subprocess.run([*briefing_exe(), "parse", fmt, os.fspath(p)], capture_output=True, timeout=TIMEOUT,
                           env=env, stdin=subprocess.DEVNULL)
        assert r.returncode == 0, r.stderr.decode(errors="replace")[-1500:]
        assert "北京" in r.stdout.decode("utf-8")


def test_undecodable_file_name_is_reported_readably(tmp_path: Path) -> None:
    path = fx.case("undecodable_name").build(tmp_path)
    r, _ = _run([*briefing_exe(), "parse", os.fspath(path)], None, TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["source"]["path"].endswith("bad-\\xff\\xfe-name.txt")


# ------------------------------------------------------------------------------------ the public API


@pytest.mark.parametrize("c", [p for p in _cases() if p.values[0].committed])
def test_parse_file_survives(c: Any) -> None:
    """`parse_file` returns a valid model or raises `LoadError` with a one-line reason; nothing else."""
    from briefing import LoadError, parse_file
    from briefing.model import Briefing

    path = fx.committed_file(c)
    try:
        b = parse_file(path)
    except LoadError as exc:
        assert c.expect == "refused" or c.stdin, f"refused: {exc}"
        assert "\n" not in str(exc) and str(exc)
        return
    assert c.expect == "ok" or c.stdin, "accepted input the CLI must refuse"
    assert Briefing.model_validate_json(b.model_dump_json()) == b
    assert problems(json.loads(b.model_dump_json())) == []


def test_parse_text_takes_lone_surrogates() -> None:
    """A `str` may hold lone surrogates (from surrogateescape); they become U+FFFD, offsets unchanged."""
    from briefing import parse_text

    b = parse_text("Ana\ud800 said \udcff hello.")
    assert b.text == "Ana\ufffd said \ufffd hello."
    assert "surrogates-replaced" in {d.code for d in b.diagnostics}
    json.loads(b.model_dump_json())


@pytest.mark.parametrize(("value", "code"), [("inf", 2), ("nan", 2), ("-5", 2), ("0", 2), ("1e30", 0), ("10G", 0)])
def test_absurd_max_bytes_is_a_usage_error_or_harmless(value: str, code: int, tmp_path: Path) -> None:
    """`--max-bytes` never crashes, and a huge cap is not allocated up front (file or stdin)."""
    p = tmp_path / "r.txt"
    p.write_text("Ana Ruiz said hello.\n")
    for target, stdin in ((os.fspath(p), None), ("-", p.read_bytes())):
        r, _ = _run([*briefing_exe(), "parse", "--compact", f"--max-bytes={value}", target], stdin, TIMEOUT)
        assert r.returncode == code, r.stderr.decode(errors="replace")[-1500:]
        assert b"Traceback" not in r.stderr
        if code == 0:
            assert json.loads(r.stdout)["text"] == "Ana Ruiz said hello.\n"


@pytest.mark.parametrize("broken", ["stdin closed", "stdout closed", "stdout full"])
def test_closed_or_full_standard_streams_give_one_line(broken: str, tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("Ana Ruiz said hello.\n")
    target = "-" if broken == "stdin closed" else os.fspath(p)
    kwargs: dict[str, Any] = {"stderr": subprocess.PIPE, "timeout": TIMEOUT}
    if broken == "stdout full":
        if not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full here")
        kwargs["stdout"] = open("/dev/full", "wb")  # noqa: SIM115 - closed below
    else:
        fd = 0 if broken == "stdin closed" else 1
        kwargs["preexec_fn"] = lambda: os.close(fd)
        kwargs["stdout"] = subprocess.DEVNULL if fd == 0 else None
    try:
        r = subprocess.run([*briefing_exe(), "parse", target], **kwargs)
    finally:
        if broken == "stdout full":
            kwargs["stdout"].close()
    assert r.returncode == 1
    assert r.stderr.count(b"\n") == 1 and b"Traceback" not in r.stderr, r.stderr
    where = "<stdin>" if broken == "stdin closed" else "<stdout>"
    assert r.stderr.startswith(f"briefing: {where}: ".encode()), r.stderr
