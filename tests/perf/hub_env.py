"""A real hub for the hub and sync groups: `pos-hub serve` under uvicorn, on a clone of the seeded template."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable

import httpx

from tests.perf import pg
from tests.perf.datagen import ROOT, hub_template
from tests.perf.sizes import Size

STORE_CODE = "ON001"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HubProcess:
    """`pos-hub serve` in its own process on a throw-away copy of the template; `close()` drops the copy."""

    def __init__(self, size: Size, progress: Callable[[str], None], *, profile_to: str | None = None) -> None:
        self.database = pg.clone_database(hub_template(size, progress), prefix="bench_run")
        self.db_url = pg.url_of(self.database)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Under pyinstrument (tests.perf.profile) the server writes its profile when it is stopped.
        wrapper = ["-m", "pyinstrument", "-r", "session", "-o", profile_to] if profile_to else []
        self.process = subprocess.Popen(
            [sys.executable, *wrapper, "-m", "sync.hub.cli", "serve", "--db", self.db_url, "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            cwd=ROOT, env={**os.environ}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pos-hub serve exited: {self.process.stderr.read()[-300:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"pos-hub serve did not answer /healthz within {timeout:.0f} s")

    def pairing_code(self) -> str:
        from sqlalchemy import select

        from sync.hub.database import Database
        from sync.hub.models import Store
        from sync.hub.tokens import issue_pairing_code

        db = Database(self.db_url)
        try:
            with db.write() as session:
                return issue_pairing_code(session, session.scalar(select(Store).where(Store.store_code == STORE_CODE)))
        finally:
            db.dispose()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly, and a profile gets written
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        pg.drop_database(self.database)

    def __enter__(self) -> HubProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

