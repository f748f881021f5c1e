"""A receipt printer on TCP (port 9100 style): it reads the ESC/POS it receives into receipt text and a PNG,
answers DLE EOT from its configured state, and can save each job to a folder.

    python -m hardware.simulators.printer --port 9100 --paper 80 --save-dir /tmp/receipts [--paper-end ...]

Each connection is one job, saved (with --save-dir) as job-NNNN.bin, .txt and .png; numbering goes on after
the jobs a folder already holds, so an earlier run's receipts are kept. While the simulator runs, type
`status paper_end=1 cover_open=0` (any of paper_end, paper_near_end, cover_open, offline) to change what it
answers, or `quit`.
In tests: `sim = PrinterSimulator(port=0); port = sim.start(); ...; sim.stop()`.
"""

from __future__ import annotations

import argparse
import dataclasses
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from hardware.ports import PrinterStatus
from hardware.printers.status import encode_status
from hardware.simulators.escpos_job import ParsedJob
from hardware.simulators.escpos_parser import EscposParser
from hardware.simulators.receipt_image import job_image, job_text
from hardware.simulators.tcp import TcpServer


@dataclass
class PrinterJob:
    number: int
    raw: bytes
    parsed: ParsedJob
    text: str
    printed: bool  # False when the printer was not ready: nothing came out
    png_path: Path | None = None

    def image(self, columns: int = 48) -> Image.Image:
        return job_image(self.parsed, columns)


class PrinterSimulator(TcpServer):
    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        paper_width: int = 80,
        status: PrinterStatus | None = None,
        answer_status: bool = True,
        save_dir: Path | None = None,
    ) -> None:
        super().__init__(host, port)
        self.columns = 48 if paper_width == 80 else 32
        self.status = status or PrinterStatus()
        self.answer_status = answer_status  # False: a printer that ignores DLE EOT
        self.drawer_high = False
        self.save_dir = save_dir
        self._saved_before: int | None = None  # jobs already in save_dir when this run first saved
        self.jobs: list[PrinterJob] = []
        self._jobs_changed = threading.Condition()

    def set_status(self, **flags: bool) -> None:
        self.status = dataclasses.replace(self.status, **flags)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[PrinterJob]:
        with self._jobs_changed:
            self._jobs_changed.wait_for(lambda: len(self.jobs) >= count, timeout)
            return list(self.jobs)

    def handle(self, conn: socket.socket) -> None:
        raw = bytearray()

        def answer(n: int) -> None:
            if self.answer_status and 1 <= n <= 4:
                conn.sendall(bytes([encode_status(n, self.status, drawer_high=self.drawer_high)]))

        parser = EscposParser(on_status_request=answer)
        printed = True
        while chunk := conn.recv(65536):
            raw += chunk
            # Bytes that arrive while the printer cannot print are lost, as on a real one.
            printed = printed and self.status.ready
            parser.feed(chunk)
        parsed = parser.finish()
        if parsed.has_content:
            self._record(bytes(raw), parsed, printed)

    def _record(self, raw: bytes, parsed: ParsedJob, printed: bool) -> None:
        with self._jobs_changed:
            job = PrinterJob(len(self.jobs) + 1, raw, parsed, job_text(parsed, self.columns), printed)
            if self.save_dir is not None:
                self._save(job)
            self.jobs.append(job)
            self._jobs_changed.notify_all()

    def _save(self, job: PrinterJob) -> None:
        assert self.save_dir is not None
        self.save_dir.mkdir(parents=True, exist_ok=True)
        if self._saved_before is None:
            numbers = (path.stem.removeprefix("job-") for path in self.save_dir.glob("job-*.txt"))
            self._saved_before = max((int(n) for n in numbers if n.isdigit()), default=0)
        stem = self.save_dir / f"job-{self._saved_before + job.number:04d}"
        stem.with_suffix(".bin").write_bytes(job.raw)
        stem.with_suffix(".txt").write_text(job.text, encoding="utf-8")
        job.png_path = stem.with_suffix(".png")
        job.image(self.columns).save(job.png_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hardware.simulators.printer", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--paper", type=int, choices=(80, 58), default=80)
    parser.add_argument("--save-dir", type=Path)
    for flag in ("paper-end", "paper-near-end", "cover-open", "offline"):
        parser.add_argument(f"--{flag}", action="store_true")
    parser.add_argument("--silent", action="store_true", help="do not answer DLE EOT status requests")
    args = parser.parse_args(argv)
    status = PrinterStatus(args.paper_end, args.paper_near_end, args.cover_open, args.offline)
    sim = PrinterSimulator(
        args.port,
        args.host,
        paper_width=args.paper,
        status=status,
        answer_status=not args.silent,
        save_dir=args.save_dir,
    )
    port = sim.start()
    print(
        f"Printer simulator listening on {args.host}:{port} ({args.paper} mm). Type 'quit' to stop.",
        flush=True,
    )
    try:
        for line in sys.stdin:
            if not _control(sim, line):
                break
        else:
            sim.serve_forever()  # stdin closed: keep serving until Ctrl+C
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


def _control(sim: PrinterSimulator, line: str) -> bool:
    command, *settings = line.split() or [""]
    if command == "quit":
        return False
    if command == "status":
        flags = {
            key: value in ("1", "true", "on") for key, _, value in (item.partition("=") for item in settings)
        }
        try:
            sim.set_status(**flags)
        except TypeError:
            print("Unknown flag. Use paper_end, paper_near_end, cover_open or offline.", file=sys.stderr)
        print(sim.status, flush=True)
    return True


if __name__ == "__main__":
    raise SystemExit(main())
