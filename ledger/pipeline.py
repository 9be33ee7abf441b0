"""The only place the stages meet: read -> extract -> resolve -> store -> check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger.model import Analysis, Document, Finding

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ledger.engine.rules import Rule
    from ledger.resolve.index import NameIndex


@dataclass
class Skip:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class IngestResult:
    stored: int = 0
    unchanged: int = 0
    revised: int = 0
    reanalysed: int = 0
    skipped: list[Skip] = field(default_factory=list)
    claims: int = 0
    mentions: int = 0


# extra predicate-frame folders (config ``frames``, ``LEDGER_FRAMES_PATH``), set by the CLI
FRAME_DIRS: tuple[Path, ...] = ()


def use_frames(dirs: Sequence[Path]) -> None:
    """Add users' predicate-frame folders to the ones ledger ships."""
    global FRAME_DIRS, _ANALYZER
    FRAME_DIRS = tuple(Path(d) for d in dirs)
    _ANALYZER = None


def analyzer_id() -> str:
    """Which analysis stored a document's mentions and claims: the program's version, the
    source of its reading, extraction and resolution, and its predicate frames.  A document
    stored by another analysis is analysed again on ingest."""
    global _ANALYZER
    if _ANALYZER is None:
        import hashlib

        from ledger import __version__
        from ledger.extract.frames import frames_dir

        h = hashlib.sha1(__version__.encode())
        package = Path(__file__).resolve().parent
        for part in ("read", "extract", "resolve"):  # a fix there changes what is stored
            for p in sorted((package / part).glob("*.py")):
                h.update(p.read_bytes())
        for d in (frames_dir(), *FRAME_DIRS):
            for p in sorted(Path(d).glob("*.y*ml")):
                h.update(p.read_bytes())
        _ANALYZER = f"{__version__}+{h.hexdigest()[:12]}"
    return _ANALYZER


_ANALYZER: str | None = None


def analyze(doc: Document, index: NameIndex) -> Analysis:
    from ledger.extract import extract
    from ledger.extract.frames import frame_claims, load_frames
    from ledger.extract.relations import age_claims, count_claims, relation_claims, tally_claims
    from ledger.resolve.document import namesakes, resolve
    from ledger.resolve.keys import assign_keys

    ex = extract(doc, index)
    resolve(doc, ex, index)
    # relations between resolved mentions: counterparts and predecessors, predicate frames
    ex.claims += relation_claims(doc, ex.mentions, ex.claims, index)
    ex.claims += frame_claims(doc, ex.mentions, index, load_frames(FRAME_DIRS))
    quoted = [(c.span.start, c.span.end) for c in ex.claims if c.predicate == "said"]
    # a title in a quotation is the speaker's wording on the day they spoke, not the article's
    # claim ("“President Masisi has shown great statesmanship,” Boko said")
    ex.claims[:] = [c for c in ex.claims if c.predicate != "holds_office"
                    or not any(a <= c.span.start and c.span.end <= b for a, b in quoted)]
    ex.claims += count_claims(doc, ex.mentions, index, quoted)
    ex.claims += tally_claims(doc, ex.mentions, quoted, index)
    ex.claims += age_claims(doc, ex.mentions, index)
    # a question asserts no date, place or number ("A confidence vote in January?"); a title in
    # it still names its holder, and a quotation is what someone said
    ex.claims[:] = [c for c in ex.claims if c.predicate in ("said", "holds_office")
                    or not (c.sentence or "").rstrip(" \t\"”’'»)").endswith("?")]
    namesakes(ex.claims, ex.mentions, index)
    assign_keys(ex.claims)
    return Analysis(doc, ex.mentions, ex.claims)


def read(paths: Sequence[str | Path], exclude: Sequence[str] = ()) -> Iterator[Document | Skip]:
    from ledger.read import Skipped, read_paths

    for item in read_paths(paths, exclude=exclude):
        if isinstance(item, Skipped):
            yield Skip(item.path, item.reason)
        else:
            yield item


def analyze_paths(
    paths: Sequence[str | Path], index: NameIndex, exclude: Sequence[str] = ()
) -> Iterator[Analysis | Skip]:
    for item in read(paths, exclude):
        yield item if isinstance(item, Skip) else analyze(item, index)


def load_kb(engine: Engine, dirs: Sequence[Path]) -> tuple[int, list[str]]:
    """Validate KB folders and load them into the ledger (idempotent)."""
    from ledger.resolve.kb import load_kb as load
    from ledger.store import repo

    digest = kb_digest(dirs)
    if repo.get_meta(engine, "kb_digest") == digest:
        return 0, []  # the same files as last time: nothing to load
    known = repo.entities(engine)
    kb = load(dirs, extra=known)
    repo.save_entities(engine, kb.entities)
    with engine.begin() as conn:
        repo.set_meta(conn, "kb_digest", digest)
    return len(kb.entities), kb.warnings


def name_index(engine: Engine) -> NameIndex:
    """The KB's name index, with derived transliterations and the near-miss index built in.
    Building it costs seconds (transliteration libraries, every form of every entity), so it is
    cached on disk beside the ledger and rebuilt only when the KB changes (its generation)."""
    import pickle
    import sqlite3

    from ledger.cache import write_atomic
    from ledger.resolve.index import build_index
    from ledger.store import repo

    generation = repo.get_meta(engine, "kb_generation") or "none"
    stamp = (generation, analyzer_id())
    url = str(engine.url.render_as_string(hide_password=False))
    path = _index_cache_path(url)
    cached = cached_index(url, generation)
    if cached is not None:
        return cached
    entities = repo.entities(engine)
    index = build_index(entities, repo.editor_aliases(engine))
    index.fuzzy()  # build it now, so that the cache holds it
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_translit_store(_translit_store_path(path), {e.native for e in entities if e.native}, stamp)
        write_atomic(path, pickle.dumps((stamp, index), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, sqlite3.Error):
        pass  # a read-only place: work without the cache
    return index


def _translit_store_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".translit")


def _write_translit_store(path: Path, natives: set[str], stamp: tuple[str, str]) -> None:
    """The transliteration entries of the KB's native names, one row each, so that a later
    process reads the few it needs instead of loading the transliteration libraries."""
    import os
    import pickle
    import sqlite3
    import tempfile

    from ledger.resolve import translit

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".translit-")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.execute("CREATE TABLE stamp (value TEXT NOT NULL)")
            con.execute("CREATE TABLE entries (native TEXT PRIMARY KEY, entry BLOB NOT NULL)")
            con.execute("INSERT INTO stamp VALUES (?)", [repr(stamp)])
            con.executemany(
                "INSERT INTO entries VALUES (?, ?)",
                ((n, pickle.dumps(translit.entry_of(n), protocol=pickle.HIGHEST_PROTOCOL)) for n in sorted(natives)),
            )
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _use_translit_store(path: Path, stamp: tuple[str, str]) -> None:
    """Let transliteration read prebuilt entries from the store of this KB generation."""
    import pickle
    import sqlite3

    from ledger.resolve import translit

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        if con.execute("SELECT value FROM stamp").fetchone() != (repr(stamp),):
            con.close()
            return
    except sqlite3.Error:
        return

    def lookup(native: str) -> Any:
        try:
            row = con.execute("SELECT entry FROM entries WHERE native = ?", [native]).fetchone()
            return pickle.loads(row[0]) if row else None  # noqa: S301 - our own cache beside the ledger
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    translit.use_store(lookup)


def cached_index(url: str, generation: str | None) -> NameIndex | None:
    """The cached name index of the ledger at ``url`` if it is of this KB generation."""
    import pickle

    try:
        with open(_index_cache_path(url), "rb") as fh:
            stamp, index = pickle.load(fh)  # noqa: S301 - our own cache file beside the ledger
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None
    if stamp != (generation or "none", analyzer_id()):
        return None
    _use_translit_store(_translit_store_path(_index_cache_path(url)), stamp)
    return index


def kb_digest(dirs: Sequence[Path]) -> str:
    """A cheap fingerprint of KB folders (file names, sizes, modification times)."""
    import hashlib

    from ledger.resolve.kb import kb_files

    h = hashlib.sha1()
    for p in kb_files(dirs):
        st = p.stat()
        h.update(f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def check_drafts_fast(
    url: str, paths: Sequence[str | Path], rules: Sequence[Rule], kb_dirs: Sequence[Path],
    exclude: Sequence[str] = (),
) -> tuple[list[Finding], list[Analysis], list[Skip]] | None:
    """Check drafts on plain DB-API connections, without SQLAlchemy or alembic, when the
    ledger is at head, its KB is the one configured and its name index is cached.  None when
    any of that does not hold: the caller then takes the full path (which brings them about)."""
    from ledger.engine.runner import run_rules
    from ledger.engine.view import OverlayView
    from ledger.review.status import apply_statuses
    from ledger.store import db, dbapi
    from ledger.store.view import SqlView

    try:
        conn = dbapi.connect(url)
    except Exception:  # noqa: BLE001 - any trouble: the full path reports it properly
        return None
    try:
        try:
            version = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
            meta = dict(conn.execute("SELECT key, value FROM meta"))
        except Exception:  # noqa: BLE001 - an empty or older ledger
            return None
        if version != db._heads():
            return None
        if kb_dirs and meta.get("kb_digest") != kb_digest(kb_dirs):
            return None
        index = cached_index(url, meta.get("kb_generation"))
        if index is None:
            return None
        drafts: list[Analysis] = []
        skipped: list[Skip] = []
        for item in analyze_paths(paths, index, exclude):
            (skipped if isinstance(item, Skip) else drafts).append(item)  # type: ignore[arg-type]
        findings: list[Finding] = []
        if drafts:
            findings = run_rules(OverlayView(SqlView(conn), drafts), rules, {a.ref.key for a in drafts})
            apply_statuses(conn, findings)
        return findings, drafts, skipped
    finally:
        conn.close()


def _index_cache_path(url: str) -> Path:
    import hashlib

    from ledger.cache import cache_dir

    if url.startswith("sqlite:///") and ":memory:" not in url:
        db = Path(url[len("sqlite:///"):])
        return db.with_name(db.name + ".names.pickle")
    return cache_dir() / f"names-{hashlib.sha1(url.encode()).hexdigest()[:16]}.pickle"


def ingest(
    engine: Engine,
    paths: Sequence[str | Path],
    exclude: Sequence[str] = (),
    progress: Callable[[str], Any] | None = None,
) -> IngestResult:
    from ledger.store import repo

    index = name_index(engine)
    result = IngestResult()
    for item in analyze_paths(paths, index, exclude):
        if isinstance(item, Skip):
            result.skipped.append(item)
            path = item.path
        else:
            path = item.doc.path
            status = repo.save_analysis(engine, item, analyzer_id())
            if status in ("unchanged", "reanalysed"):
                result.unchanged += 1
                result.reanalysed += status == "reanalysed"
            else:
                result.stored += 1
                result.revised += status == "revised"
                result.claims += len(item.claims)
                result.mentions += len(item.mentions)
        if progress is not None:
            progress(path)
    return result


def check(
    engine: Engine,
    rules: Iterable[Rule],
    drafts: Sequence[Analysis] = (),
) -> list[Finding]:
    """Findings of ``rules``: over the drafts (checked against the ledger) when given, else
    over the whole ledger."""
    from ledger.engine.runner import run_rules
    from ledger.engine.view import OverlayView
    from ledger.store.view import SqlView

    view = SqlView(engine)
    if drafts:
        overlay = OverlayView(view, list(drafts))
        return run_rules(overlay, rules, targets={a.ref.key for a in drafts})
    return run_rules(view, rules, targets=None)
