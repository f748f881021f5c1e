"""The built bundle's smoke test (`make dist` runs it): the program in dist/pos-app runs on its own, prints its
version, upgrades a database in an empty folder, fills it with the demo store and renders a screen offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(program: Path, *args: str, folder: Path) -> str:
    # Outside the source tree, with no virtualenv on the path: only what the bundle holds can answer.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "QT_QPA_PLATFORM": "offscreen",
           "LANG": os.environ.get("LANG", "C.UTF-8")}
    done = subprocess.run([str(program), *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"`pos-app {' '.join(args)}` failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main(dist: Path) -> int:
    program = (dist / "pos-app" / "pos-app").resolve()  # run from a scratch folder, so never a relative path
    if not program.is_file():
        raise SystemExit(f"No bundle at {program}: run `make dist` first.")
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    with tempfile.TemporaryDirectory(prefix="pos-dist-smoke-") as scratch:
        folder = Path(scratch)
        data = folder / "terminal"
        printed = run(program, "--version", folder=folder).strip()
        assert printed == f"pos-app {expected}", printed
        run(program, "db", "upgrade", "--data-dir", str(data), folder=folder)
        assert (data / "pos.db").is_file() or any(data.glob("*.db")), "the upgrade made no database"
        run(program, "demo-data", "--data-dir", str(data), "--products", "200", folder=folder)
        shot = folder / "login.png"
        run(program, "screenshot", "--data-dir", str(data), "--state", "login", "--out", str(shot), folder=folder)
        assert shot.stat().st_size > 10_000, "the screenshot is empty"
    print(f"The bundle in {dist / 'pos-app'} runs: {printed}, a database upgrade, the demo store and a screenshot.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
