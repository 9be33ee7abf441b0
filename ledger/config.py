"""Settings from flags, environment, ``ledger.toml`` or ``[tool.ledger]`` in pyproject.toml.

Precedence for the database URL: ``--db`` › ``LEDGER_DATABASE_URL`` › config ``database_url``
› ``sqlite:///.ledger/ledger.db`` under the project root (the folder holding the config file)
or the current folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger.errors import ConfigError

KEYS = {"database_url", "kb", "rules", "frames", "select", "ignore", "fail_on", "exclude"}
FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class Config:
    root: Path
    file: Path | None = None
    database_url: str | None = None
    kb: list[Path] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    frames: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    exclude: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def db_url(self, flag: str | None = None) -> str:
        url = flag or os.environ.get("LEDGER_DATABASE_URL") or self.database_url
        if url:
            return url
        path = self.root / ".ledger" / "ledger.db"
        return f"sqlite:///{path}"

    def frame_paths(self) -> list[Path]:
        env = os.environ.get("LEDGER_FRAMES_PATH")
        return [*self.frames, *(Path(p) for p in env.split(os.pathsep) if p)] if env else list(self.frames)

    def kb_paths(self, flags: list[Path] | None = None) -> list[Path]:
        paths = list(self.kb)
        env = os.environ.get("LEDGER_KB_PATH")
        if env:
            paths += [Path(p) for p in env.split(os.pathsep) if p]
        paths += list(flags or [])
        seen: list[Path] = []
        for p in paths:
            if p not in seen:
                seen.append(p)
        return seen


def _find(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in [start, *start.parents]:
        cand = folder / "ledger.toml"
        if cand.is_file():
            return cand, _load(cand)
        py = folder / "pyproject.toml"
        if py.is_file():
            data = _load(py)
            section = data.get("tool", {}).get("ledger")
            if section is not None:
                return py, {"tool": {"ledger": section}}
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read config: {e}") from None


def _list(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{path}: '{key}' must be a string or a list of strings")


def load_config(start: Path | None = None) -> Config:
    start = (start or Path.cwd()).resolve()
    found = _find(start)
    if found is None:
        return Config(root=start)
    path, data = found
    if path.name == "pyproject.toml":
        data = data["tool"]["ledger"]
    root = path.parent
    cfg = Config(root=root, file=path)
    for key, value in data.items():
        if key not in KEYS:
            cfg.warnings.append(f"{path}: unknown key '{key}' ignored")
            continue
        if key == "database_url":
            if not isinstance(value, str):
                raise ConfigError(f"{path}: 'database_url' must be a string")
            cfg.database_url = value
        elif key in ("kb", "rules", "frames"):
            setattr(cfg, key, [root / p for p in _list(value, key, path)])
        elif key in ("select", "ignore", "exclude"):
            setattr(cfg, key, _list(value, key, path))
        elif key == "fail_on":
            if value not in FAIL_ON:
                raise ConfigError(f"{path}: 'fail_on' must be one of {', '.join(FAIL_ON)}")
            cfg.fail_on = value
    return cfg
