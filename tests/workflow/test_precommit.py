"""The ``ledger-check`` pre-commit hook, installed the way a newsroom would install it.

A snapshot of this checkout (working tree, so it works before anything is committed) becomes a
git repository that a temporary newsroom repository names in its .pre-commit-config.yaml.
pre-commit builds a virtualenv and pip-installs ledger from it, which proves the wheel ships the
default rule pack, the migrations and the report template.  Committing the seed articles passes;
committing seed 002 (the Austin error) is blocked with the finding printed; the corrected
article commits cleanly.  Needs git and PyPI (pip installs ledger's dependencies)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
AUSTIN = "002_ecc472111624a45f.txt"
SKIP_PARTS = {
    ".git",
    ".venv",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    ".ledger",
    "build",
    "dist",
    ".pytest_cache",
    "out",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("LEDGER_", "GIT_", "PRE_COMMIT"))
    }
    env.update(
        {
            "PRE_COMMIT_HOME": str(home),
            "GIT_AUTHOR_NAME": "Test Editor",
            "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Test Editor",
            "GIT_COMMITTER_EMAIL": "editor@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "NO_COLOR": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        }
    )
    return env


def _run(
    cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 900
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return _run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd, env
    )


def _snapshot(dst: Path, env: dict[str, str]) -> str:
    """This checkout's working tree as a one-commit git repository; its commit sha."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in SKIP_PARTS or n.endswith(".egg-info")}

    shutil.copytree(ROOT, dst, ignore=ignore)
    assert (dst / ".pre-commit-hooks.yaml").is_file()
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "snapshot")):
        r = _git(dst, env, *args)
        assert r.returncode == 0, r.stderr
    return _git(dst, env, "rev-parse", "HEAD").stdout.strip()


def test_hook_blocks_the_austin_error_and_passes_clean_commits(tmp_path: Path) -> None:
    env = _env(tmp_path / "pre-commit-home")
    sha = _snapshot(tmp_path / "ledger-src", env)

    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    shutil.copytree(SEEDS / "kb", repo / "kb")
    for f in (SEEDS / "articles").iterdir():
        if f.name != AUSTIN:
            shutil.copy(f, repo / "articles" / f.name)
    db = tmp_path / "ledger.db"
    (repo / "ledger.toml").write_text(
        f'kb = ["kb"]\ndatabase_url = "sqlite:///{db}"\n', encoding="utf-8"
    )
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {tmp_path / 'ledger-src'}\n"
        f"    rev: {sha}\n"
        "    hooks:\n"
        "      - id: ledger-check\n",
        encoding="utf-8",
    )
    assert _git(repo, env, "init", "-q").returncode == 0
    pc = [sys.executable, "-m", "pre_commit"]
    r = _run([*pc, "install"], repo, env)
    assert r.returncode == 0, r.stdout + r.stderr
    r = _run([*pc, "install-hooks"], repo, env)  # builds the hook's virtualenv: pip install ledger
    assert r.returncode == 0, r.stdout + r.stderr

    # the wheel pre-commit installed carries the rule pack, the migrations and the template
    site = list(
        (tmp_path / "pre-commit-home").glob("repo*/py_env-*/lib/python*/site-packages/ledger")
    )
    assert len(site) == 1, site
    pkg = site[0]
    assert (pkg / "_data" / "rules" / "office-mismatch.yaml").is_file()
    assert (pkg / "_data" / "migrations" / "env.py").is_file()
    assert list((pkg / "_data" / "migrations" / "versions").glob("0002_*.py"))
    assert (pkg / "report" / "templates" / "report.html.j2").is_file()

    # the first commit: the KB, the config and four clean articles
    _git(repo, env, "add", "-A")
    r = _git(repo, env, "commit", "-m", "seed articles")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ledger check" in r.stderr and "Passed" in r.stderr  # git shows hook output on stderr

    # seed 002 calls Austin Secretary of State: the commit is blocked, the finding shown
    shutil.copy(SEEDS / "articles" / AUSTIN, repo / "articles" / AUSTIN)
    _git(repo, env, "add", "-A")
    r = _git(repo, env, "commit", "-m", "add 002")
    out = r.stdout + r.stderr
    assert r.returncode != 0, out
    assert "Failed" in out
    assert (
        f"articles/{AUSTIN}:8:57: error[office-mismatch] Lloyd Austin was not Secretary of State"
        in out
    )
    assert "fix: 'US Sec. of State Lloyd Austin' -> " in out  # the KB's title for the office
    assert _git(repo, env, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    # corrected, it commits cleanly
    path = repo / "articles" / AUSTIN
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "US Sec. of State Lloyd Austin", "US Defense Secretary Lloyd Austin"
        ),
        encoding="utf-8",
    )
    _git(repo, env, "add", "-A")
    r = _git(repo, env, "commit", "-m", "add 002, corrected")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Passed" in r.stderr
    assert _git(repo, env, "rev-list", "--count", "HEAD").stdout.strip() == "2"

    # files ledger does not read (YAML, TOML) are not handed to it
    (repo / "kb" / "extra.yaml").write_text("entities: []\n", encoding="utf-8")
    _git(repo, env, "add", "-A")
    r = _git(repo, env, "commit", "-m", "kb only")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "(no files to check)Skipped" in r.stderr
