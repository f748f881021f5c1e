"""Cached benchmark data: a terminal folder (100k catalog + 1M history lines) and a seeded hub template.

Generation is deterministic (fixed seed and day) and cached under ``tmp/bench/cache/``, keyed by a hash of the
generators' source, the schema's migrations and the size, so a re-run starts in seconds. Both are built with
the product's own loaders (``install_demo_data`` on the terminal, ``seed_demo`` on the hub), from the same
demo-tenant generator, so the terminal and the hub hold the very same store.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tests.perf import pg
from tests.perf.sizes import BENCH_SEED, BENCH_TODAY, Size

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "tmp" / "bench"
CACHE_DIR = BENCH_DIR / "cache"
WORK_DIR = BENCH_DIR / "work"
# Runs sharing one PostgreSQL under different hub secret keys drop each other's templates (a stale key is a
# stale template): POS_BENCH_HUB_PREFIX gives a run templates of its own.
HUB_PREFIX = os.environ.get("POS_BENCH_HUB_PREFIX", "bench_hub_")

os.environ.setdefault("POS_APP_KEYRING", "file")  # benchmark terminals never touch the desktop's keyring


def _source_hash(*paths: Path, size: str, key: str = "") -> str:
    digest = hashlib.sha256(size.encode() + key.encode())
    for path in paths:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:10]


@contextmanager
def _building(name: str) -> Iterator[None]:
    """Held while one process of this checkout checks for, or builds, a cached item: `make test`'s workers run the
    benchmark groups' smoke tests side by side, and two builds of one item would remove each other's work."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(CACHE_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # let go when the file closes, or when the process dies
        yield


def terminal_key(size: Size) -> str:
    return _source_hash(ROOT / "tests/perf/history.py", ROOT / "demo",
                        ROOT / "pos_app/services/demo_data.py", ROOT / "migrations/terminal",
                        size=f"{size.products}/{size.history_lines}")


def hub_key(size: Size) -> str:
    # The template's peppers are sealed with the hub's secret key: one sealed under another key (an earlier run's,
    # or another checkout's) can't be read by this run's hubs, so the key is part of what names the template.
    from sync.hub.secret_box import current_keys

    sealed_with = hashlib.sha256(current_keys()[0]).hexdigest()[:8]
    return _source_hash(ROOT / "demo", ROOT / "sync/hub/seed.py",
                        ROOT / "migrations/hub", size=str(size.products), key=sealed_with)


def _timed(progress: Callable[[str], None], what: str):
    started = time.monotonic()
    progress(f"  {what}…")
    return lambda: progress(f"  {what}: done in {time.monotonic() - started:.0f} s")


def cached_terminal(size: Size, progress: Callable[[str], None] = print) -> Path:
    """The folder of a demo terminal with the catalog and its history; built once per key."""
    folder = CACHE_DIR / f"terminal_{size.name}_{terminal_key(size)}"
    if (folder / "READY").exists():
        return folder
    with _building(f"terminal_{size.name}"):
        return _cached_terminal(folder, size, progress)


def _cached_terminal(folder: Path, size: Size, progress: Callable[[str], None]) -> Path:
    if (folder / "READY").exists():  # built by another process while this one waited
        return folder
    for stale in CACHE_DIR.glob(f"terminal_{size.name}_*"):
        shutil.rmtree(stale, ignore_errors=True)
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    _build_terminal(building, size, progress)
    building.rename(folder)
    (folder / "READY").write_text(datetime.now(UTC).isoformat())
    return folder


def _build_terminal(folder: Path, size: Size, progress: Callable[[str], None]) -> None:
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings
    from pos_app.services.demo_data import install_demo_data
    from tests.perf.history import check_readable, year_of_history

    done = _timed(progress, f"terminal catalog of {size.products:,} products (pos-app demo-data's loader)")
    terminal = open_terminal(load_settings(folder), log_to_file=False)
    summary = install_demo_data(terminal.session_factory, terminal.pin_pepper, products=size.products,
                                seed=BENCH_SEED, today=BENCH_TODAY)
    (folder / "pins.txt").write_text("\n".join(f"{s.staff_code}:{s.role}:{s.pin}" for s in summary.staff))
    done()
    done = _timed(progress, f"{size.history_lines:,} order lines of history")
    year_of_history(terminal.settings.db_path, size.history_lines,
                    datetime.combine(BENCH_TODAY, datetime.min.time()), progress=progress)
    check_readable(terminal.session_factory)
    with terminal.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    terminal.close()
    done()


def terminal_copy(size: Size, name: str, progress: Callable[[str], None] = print) -> Path:
    """A private copy of the cached terminal for one group (groups write: sales, shifts)."""
    source = cached_terminal(size, progress)
    target = WORK_DIR / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("READY", "logs", "backups"))
    return target


def pins(folder: Path) -> dict[str, tuple[str, str]]:
    """staff_code -> (role, PIN) of the demo staff."""
    rows = (line.split(":") for line in (folder / "pins.txt").read_text().splitlines() if line)
    return {code: (role, pin) for code, role, pin in rows}


def hub_template(size: Size, progress: Callable[[str], None] = print) -> str:
    """The name of a PostgreSQL database holding the seeded hub, to be cloned with CREATE DATABASE ... TEMPLATE."""
    name = f"{HUB_PREFIX}{size.name}_{hub_key(size)}"
    if pg.database_exists(name):
        return name
    with _building(f"hub_{size.name}"):
        return _hub_template(name, size, progress)


def _hub_template(name: str, size: Size, progress: Callable[[str], None]) -> str:
    if pg.database_exists(name):  # built by another process while this one waited
        return name
    for stale in pg.databases_like(f"{HUB_PREFIX}{size.name}_"):
        pg.drop_database(stale)
    building = f"{name}_building"
    if _wait_for_other_build(name, building, progress):
        return name
    pg.drop_database(building)  # left by a build that was killed
    with pg.admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{building}"')
    try:
        _seed_hub(pg.url_of(building), size, progress)
        with pg.admin_connection() as conn:
            conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    except BaseException:
        pg.drop_database(building)
        raise
    return name


def _wait_for_other_build(name: str, building: str, progress: Callable[[str], None], timeout: float = 3600) -> bool:
    """True once another process's build of the same template has finished; False if none is under way."""
    deadline = time.monotonic() + timeout
    while pg.database_exists(building) and pg.connections_to(building) and time.monotonic() < deadline:
        progress(f"  waiting for another process that is seeding {name}…")
        time.sleep(30)
    return pg.database_exists(name)


def _seed_hub(url: str, size: Size, progress: Callable[[str], None]) -> None:
    from sync.hub.database import Database
    from sync.hub.migrate import upgrade
    from sync.hub.seed import seed_demo

    done = _timed(progress, f"hub seeded with {size.products:,} products (pos-hub seed-demo's loader)")
    upgrade(url)
    db = Database(url)
    try:
        seed_demo(db, products=size.products, seed=BENCH_SEED, today=BENCH_TODAY)
    finally:
        db.dispose()
    done()
