"""`pos-hub serve --workers N` as a real subprocess, and which of its worker processes holds a given socket.

Linux only (it reads /proc): a TCP connection is found in /proc/net/tcp by its two ports, and the worker that
owns it by the socket inode among the file descriptors of each worker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg

from sync.hub.notify import CHANNEL

ROOT = Path(__file__).resolve().parents[3]
_ESTABLISHED = "01"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WorkersHub:
    def __init__(self, database_url: str, workers: int) -> None:
        self.database_url = database_url
        self.workers_wanted = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> WorkersHub:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.hub.cli", "serve", "--db", self.database_url, "--port", str(self.port),
             "--workers", str(self.workers_wanted), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            self.wait_ready(previous=set())
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)

    def workers(self) -> set[int]:
        """The worker processes (spawned by multiprocessing), not the master or its resource tracker."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        found = set()
        for pid in map(int, children):
            try:
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.add(pid)
            except FileNotFoundError:  # it just died
                continue
        return found

    def listening(self) -> int:
        """How many workers hold their LISTEN connection to the database."""
        with psycopg.connect(libpq_url(self.database_url), autocommit=True) as connection:
            return connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = %s",
                (f"LISTEN {CHANNEL}",)).fetchone()[0]

    def wait_ready(self, previous: set[int], timeout: float = 120) -> set[int]:
        """Every worker up (none of `previous`), listening, and the hub answering."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pos-hub serve ended: {self.process.stderr.read().decode()[-2000:]}")
            workers = self.workers()
            if (len(workers) == self.workers_wanted and not workers & previous
                    and self.listening() >= self.workers_wanted and _healthy(self.url)):
                return workers
            time.sleep(0.2)
        raise RuntimeError(f"the hub's {self.workers_wanted} workers were not ready in {timeout} s")


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def owner_of_connection(local_port: int, remote_port: int, pids: set[int]) -> int | None:
    """The process among `pids` whose socket is the local end of the TCP connection local_port -> remote_port."""
    inode = _inode(local_port, remote_port)
    if inode is None:
        return None
    target = f"socket:[{inode}]"
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                        return pid
                except OSError:
                    continue
        except OSError:
            continue
    return None


def _inode(local_port: int, remote_port: int) -> str | None:
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
            if (state == _ESTABLISHED and int(local.rsplit(":", 1)[1], 16) == local_port
                    and int(remote.rsplit(":", 1)[1], 16) == remote_port):
                return inode
    return None


def client_ports(http: httpx.Client) -> list[int]:
    """The local ports of an httpx client's open connections (its pool's, read from httpcore)."""
    ports = []
    for connection in http._transport._pool.connections:
        inner = getattr(connection, "_connection", None)
        stream = getattr(inner, "_network_stream", None)
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            continue
        if sock is not None and sock.fileno() != -1:
            ports.append(sock.getsockname()[1])
    return ports
