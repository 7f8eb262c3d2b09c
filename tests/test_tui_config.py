"""Config file (keys, theme), themes, NO_COLOR and the reader's command-line behaviour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tui_fixtures import SEED, reader, screen_text, seed_briefing, shows

from briefing.config import config_path, load_config
from briefing.tui import keys

SEED_BUILD = {SEED.name: seed_briefing}


def briefing_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("briefing")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefing"]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*briefing_cmd(), *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


@pytest.fixture(autouse=True)
def _no_config_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)


# -- the file ----------------------------------------------------------------------------------------


def test_config_path_is_in_the_platform_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert config_path() == tmp_path / "cfg" / "briefing" / "config.toml"
    result = run_cli("--print-config-path", env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert result.returncode == 0 and result.stdout.strip() == str(tmp_path / "cfg" / "briefing" / "config.toml")


def test_keys_and_theme_are_read(tmp_path: Path) -> None:
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text('theme = "nord"\n[keys]\nquotes = "7"\ndown = "j, ctrl+n"\n', encoding="utf-8")
    cfg = load_config(cfg_file, known_keys=keys.binding_ids())
    assert cfg.errors == []
    assert cfg.keys == {"quotes": "7", "down": "j,ctrl+n"} and cfg.theme == "nord"


@pytest.mark.parametrize("content, expected", [
    ("[keys\nquotes = 3", "not valid TOML"),
    ("[keys]\nquotes = 3\n", "want a key in quotes"),
    ("[keys]\nquotes = \"a b\"\n", "is not a key name"),
    ("[keys]\nno_such_binding = \"x\"\n", "'no_such_binding' is not a binding"),
    ("keys = \"3\"\n", "[keys] must be a table"),
    ("colour = 1\n", "unknown setting 'colour'"),
    ("theme = 3\n", "theme must be a theme name"),
])
def test_a_bad_config_gives_a_clear_error_and_defaults(tmp_path: Path, content: str, expected: str) -> None:
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text(content, encoding="utf-8")
    cfg = load_config(cfg_file, known_keys=keys.binding_ids())
    assert cfg.keys == {}
    assert len(cfg.errors) == 1 and expected in cfg.errors[0] and str(cfg_file) in cfg.errors[0]


def test_not_utf8_config(tmp_path: Path) -> None:
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_bytes(b"\xff\xfe[keys]")
    assert "not UTF-8" in load_config(cfg_file).errors[0]


# -- the reader with a config ------------------------------------------------------------------------


async def test_rebound_keys_drive_the_app_the_tabs_and_the_help(tmp_path: Path) -> None:
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text('[keys]\nquotes = "7"\nhelp = "f1"\n', encoding="utf-8")
    cfg = load_config(cfg_file, known_keys=keys.binding_ids())
    async with reader([SEED], size=(100, 60), builders=SEED_BUILD, keymap=cfg.keys) as (app, pilot):
        assert "7 Quotes" in screen_text(app)
        await pilot.press("7")
        assert app.focused.id == "quotes"
        await pilot.press("1", "3")
        assert app.focused.id == "summary"  # 3 no longer jumps to quotes
        await pilot.press("f1")
        from briefing.tui.screens.help import HelpScreen, help_lines

        assert isinstance(app.screen, HelpScreen)
        lines = {description: key for _, key, description in help_lines(app)}
        assert lines["Quotes pane"] == "7" and lines["Help"] == "f1"


async def test_config_problems_are_shown_in_the_app() -> None:
    async with reader([SEED], builders=SEED_BUILD, messages=["config: /x/config.toml: not valid TOML"]) \
            as (app, _pilot):
        assert any("not valid TOML" in str(n.message) for n in app._notifications)


async def test_ansi_theme_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with reader([SEED], builders=SEED_BUILD, theme="ansi-dark") as (app, pilot):
        assert app.theme == "ansi-dark" and app.no_color
        await pilot.press("2", "enter")
        await shows(pilot, app, "Benjamin Netanyahu")


# -- the command line --------------------------------------------------------------------------------


def test_unknown_theme_exits_2_with_the_choices() -> None:
    result = run_cli("--theme", "no-such-theme", str(SEED))
    assert result.returncode == 2
    assert "unknown theme 'no-such-theme'" in result.stderr and "ansi-dark" in result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_to_open_exits_1_with_one_clear_line(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "missing.md"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"briefing: {tmp_path / 'missing.md'}: no such file"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli(str(empty))
    assert result.returncode == 1 and "no reports" in result.stderr and "Traceback" not in result.stderr


def test_parse_never_imports_textual() -> None:
    code = (f"import sys; from briefing.cli import main; main(['parse', {str(SEED)!r}]); "
            "print('textual' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().endswith("False")
