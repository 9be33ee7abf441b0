"""What every command shares: the config, the database, the KB, the rules.  Heavy modules are
imported inside the functions so that `ledger --help` stays fast."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger.config import Config, load_config

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@dataclass
class State:
    db: str | None = None
    debug: bool = False
    quiet: bool = False
    _config: Config | None = None
    _engine: Any = None
    kb_loaded: list[Path] = field(default_factory=list)

    def close(self) -> None:
        """Close the ledger's connections.  On SQLite the last one to close folds the write-ahead
        log into the database file and removes it: the file alone then holds everything, and
        the next reader need not replay the log (on a large ledger that cost a draft check 20 ms)."""
        if self._engine is not None:
            engine, self._engine = self._engine, None
            try:
                engine.dispose()
            except Exception:  # noqa: BLE001 - closing never hides the command's own outcome
                pass

    def reset(self) -> None:
        """A fresh state for each invocation (tests run many in one process)."""
        self.close()
        self.__init__()  # type: ignore[misc]
        pipeline = sys.modules.get("ledger.pipeline")
        if pipeline is not None and pipeline.FRAME_DIRS:
            pipeline.use_frames(())

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config()
            for w in self._config.warnings:
                warn(w)
            frames = self._config.frame_paths()
            if frames:
                from ledger import pipeline

                pipeline.use_frames(frames)
        return self._config

    def engine(self) -> Engine:
        if self._engine is None:
            from ledger.store.db import open_engine

            self._engine = open_engine(self.config.db_url(self.db))
        return self._engine

    def load_kb(self, dirs: list[Path] | None) -> None:
        """``--kb`` folders, config ``kb`` and ``LEDGER_KB_PATH``: loaded into the ledger."""
        paths = self.config.kb_paths(dirs)
        if not paths:
            return
        from ledger.pipeline import load_kb

        _, warnings = load_kb(self.engine(), paths)
        for w in warnings:
            warn(w)
        self.kb_loaded = paths


STATE = State()


def warn(message: str) -> None:
    print(f"ledger: warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    if not STATE.quiet:
        print(message, file=sys.stderr)


def use_color(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        info(f"wrote {output}")


def split_ids(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out
