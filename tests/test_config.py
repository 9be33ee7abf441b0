from __future__ import annotations

from pathlib import Path

import pytest

from ledger.config import load_config
from ledger.errors import ConfigError


def test_defaults_without_config(tmp_path: Path) -> None:
    cfg = load_config(tmp_path)
    assert cfg.file is None
    assert cfg.db_url() == f"sqlite:///{tmp_path.resolve() / '.ledger' / 'ledger.db'}"


def test_ledger_toml_found_upward_and_paths_relative(tmp_path: Path) -> None:
    (tmp_path / "ledger.toml").write_text(
        'database_url = "sqlite:///x.db"\nkb = ["kb"]\nselect = "office-mismatch"\nfail_on = "warning"\n'
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    cfg = load_config(sub)
    assert cfg.root == tmp_path.resolve()
    assert cfg.kb == [tmp_path.resolve() / "kb"]
    assert cfg.select == ["office-mismatch"]
    assert cfg.fail_on == "warning"
    assert cfg.db_url() == "sqlite:///x.db"


def test_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ledger]\ndatabase_url = "sqlite:///cfg.db"\n')
    cfg = load_config(tmp_path)
    assert cfg.db_url() == "sqlite:///cfg.db"
    monkeypatch.setenv("LEDGER_DATABASE_URL", "sqlite:///env.db")
    assert cfg.db_url() == "sqlite:///env.db"
    assert cfg.db_url("sqlite:///flag.db") == "sqlite:///flag.db"


def test_kb_path_env_adds_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_KB_PATH", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    cfg = load_config(tmp_path)
    assert cfg.kb_paths([tmp_path / "c"]) == [tmp_path / "a", tmp_path / "b", tmp_path / "c"]


def test_bad_values_are_refused(tmp_path: Path) -> None:
    (tmp_path / "ledger.toml").write_text('fail_on = "sometimes"\n')
    with pytest.raises(ConfigError, match="fail_on"):
        load_config(tmp_path)
    (tmp_path / "ledger.toml").write_text("fail_on = [\n")
    with pytest.raises(ConfigError, match="ledger.toml"):
        load_config(tmp_path)


def test_unknown_keys_warned(tmp_path: Path) -> None:
    (tmp_path / "ledger.toml").write_text('colour = "red"\n')
    assert any("colour" in w for w in load_config(tmp_path).warnings)
