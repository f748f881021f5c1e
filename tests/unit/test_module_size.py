"""No module over 350 lines: a module that long has more than one reason to change. Split it by reason.

Migration versions are exempt: each is one generated step of the schema, read once and never changed.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 350
# The product's own code and everything kept beside it; `demo` once the demo store has a home of its own.
TREES = ("pos_app", "sync", "hardware", "tests", "demo", "migrations", "scripts")


def is_migration_version(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return len(parts) >= 3 and parts[0] == "migrations" and "versions" in parts[2:-1]


def modules() -> list[Path]:
    found = [p for tree in TREES if (ROOT / tree).is_dir() for p in sorted((ROOT / tree).rglob("*.py"))]
    return [p for p in found if not is_migration_version(p)]


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_350_lines():
    counted = [(line_count(p), str(p.relative_to(ROOT))) for p in modules()]
    too_long = sorted(row for row in counted if row[0] > MAX_LINES)
    listing = "\n".join(f"  {name}: {lines} lines" for lines, name in reversed(too_long))
    assert not too_long, f"{len(too_long)} module(s) over {MAX_LINES} lines; split each by what it does:\n{listing}"


def test_the_count_sees_the_product_and_skips_only_migration_versions():
    names = {str(p.relative_to(ROOT)) for p in modules()}
    assert {"pos_app/bootstrap.py", "tests/unit/test_module_size.py"} <= names
    assert not any(name.startswith("migrations/") and "/versions/" in name for name in names)
    versions = sorted(ROOT.glob("migrations/*/versions/*.py"))
    assert versions and all(is_migration_version(p) for p in versions)
    assert not is_migration_version(ROOT / "migrations/terminal/env.py")
