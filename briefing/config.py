"""The user's config file: key bindings and theme for the reader, in TOML.

```toml
theme = "ansi-dark"      # any Textual theme name

[keys]                   # binding id = key, or several keys separated by commas
quotes = "3"
down = "j,down,ctrl+n"
```

It lives in the platform config dir (`briefing --print-config-path`). A config that cannot be read or
has wrong entries never stops the reader: the bad parts are reported in `Config.errors` (one clear line
each) and defaults are used for them. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "briefing"
CONFIG_FILE = "config.toml"
ENV_CONFIG = "BRIEFING_CONFIG"  # a path that wins over the platform location (tests, odd setups)

# One key: a name (`j`, `3`, `pagedown`, `question_mark`), optionally with modifiers (`ctrl+shift+x`).
_KEY = re.compile(r"^(?:(?:ctrl|shift|alt|meta|super|hyper)\+)*(?:[^\s,+]|[a-z][a-z0-9_]*)$")


@dataclass
class Config:
    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    errors: list[str] = field(default_factory=list)
    exists: bool = False


def config_path() -> Path:
    """Where the config file is read from (it need not exist)."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / CONFIG_FILE


def load_config(path: Path | None = None, known_keys: Collection[str] | None = None) -> Config:
    """Read the config at `path` (default: `config_path()`); never raises.

    `known_keys` are the binding ids that may be rebound; other ids are reported and ignored.
    """
    path = config_path() if path is None else path
    cfg = Config(path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return cfg
    except OSError as exc:
        cfg.errors.append(f"{path}: cannot read ({exc.strerror or exc}); using defaults")
        return cfg
    cfg.exists = True
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        cfg.errors.append(f"{path}: not UTF-8 text; using defaults")
        return cfg
    except tomllib.TOMLDecodeError as exc:
        cfg.errors.append(f"{path}: not valid TOML ({exc}); using defaults")
        return cfg

    for name in data:
        if name not in ("keys", "theme"):
            cfg.errors.append(f"{path}: unknown setting {name!r} ignored (known: theme, [keys])")

    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            cfg.theme = theme.strip()
        else:
            cfg.errors.append(f"{path}: theme must be a theme name in quotes; using the default theme")

    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        cfg.errors.append(f"{path}: [keys] must be a table like `quotes = \"3\"`; using default keys")
        return cfg
    for binding_id, value in keys.items():
        if known_keys is not None and binding_id not in known_keys:
            cfg.errors.append(f"{path}: [keys] {binding_id!r} is not a binding; ignored")
            continue
        problem = key_problem(value)
        if problem:
            cfg.errors.append(f"{path}: [keys] {binding_id} = {value!r}: {problem}; default kept")
            continue
        cfg.keys[binding_id] = ",".join(k.strip() for k in value.split(","))
    return cfg


def key_problem(value: object) -> str | None:
    """Why `value` is not a usable key list, or None."""
    if not isinstance(value, str) or not value.strip():
        return "want a key in quotes, e.g. \"3\" or \"ctrl+n\""
    for key in value.split(","):
        if not _KEY.match(key.strip()):
            return f"{key.strip()!r} is not a key name"
    return None
