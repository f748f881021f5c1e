"""A serial barcode scanner on TCP: connect the scanner adapter to `socket://127.0.0.1:9200`.

    python -m hardware.simulators.scanner --port 9200 [--prefix ''] [--suffix '\\r'] [--file scans.txt]

Each line of stdin (or of the file) is one scan, sent to every connected client with the configured prefix
and suffix. Escapes write the bytes a line cannot hold: `\\x1d` or `<GS>` for the GS separator, `\\r`, `\\n`,
`\\t`, `\\\\`. Start a line with an AIM id to send one, e.g. `]C1010950110153000317250101<GS>10AB12`.
With --file, the simulator waits for a client before sending. In tests: `ScannerSimulator(port=0).start()`.
"""

from __future__ import annotations

import argparse
import re
import socket
import sys
import threading
import time
from pathlib import Path

from hardware.simulators.tcp import TcpServer

_ESCAPES = re.compile(rb"<GS>|\\x([0-9A-Fa-f]{2})|\\(.)")
_SIMPLE = {b"r": b"\r", b"n": b"\n", b"t": b"\t", b"\\": b"\\", b"0": b"\x00"}


def unescape(line: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        if match.group(0) == b"<GS>":
            return b"\x1d"
        if match.group(1):
            return bytes([int(match.group(1), 16)])
        return _SIMPLE.get(match.group(2), match.group(0))

    return _ESCAPES.sub(one, line)


class ScannerSimulator(TcpServer):
    def __init__(
        self, port: int = 0, host: str = "127.0.0.1", *, prefix: bytes = b"", suffix: bytes = b"\r"
    ) -> None:
        super().__init__(host, port)
        self.prefix = prefix
        self.suffix = suffix
        self._connected = threading.Condition()

    def handle(self, conn: socket.socket) -> None:
        with self._connected:
            self._connected.notify_all()
        while conn.recv(1024):  # a scanner ignores what the host sends; wait for the host to hang up
            pass

    def wait_for_client(self, timeout: float = 5.0) -> bool:
        with self._connected:
            return self._connected.wait_for(lambda: bool(self.clients()), timeout)

    def send(self, data: bytes) -> int:
        """Send one scan to every client. Returns how many clients got it."""
        sent = 0
        for conn in self.clients():
            try:
                conn.sendall(self.prefix + data + self.suffix)
                sent += 1
            except OSError:
                pass
        return sent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hardware.simulators.scanner", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9200)
    parser.add_argument("--prefix", default="", help="bytes before each scan (escapes allowed)")
    parser.add_argument("--suffix", default="\\r", help="bytes after each scan (escapes allowed; default CR)")
    parser.add_argument("--file", type=Path, help="send the scans in this file instead of reading stdin")
    args = parser.parse_args(argv)
    sim = ScannerSimulator(
        args.port, args.host, prefix=unescape(args.prefix.encode()), suffix=unescape(args.suffix.encode())
    )
    port = sim.start()
    print(f"Scanner simulator listening on {args.host}:{port}. One scan per line.", flush=True)
    try:
        if args.file is not None:
            sim.wait_for_client(timeout=3600)
            # pyserial's socket:// discards whatever arrives while it is still opening the connection.
            time.sleep(0.5)
            lines = args.file.read_bytes().splitlines()
        else:
            lines = (line.rstrip(b"\r\n") for line in sys.stdin.buffer)
        for line in lines:
            if line and not sim.send(unescape(line)):
                print("No client is connected; the scan was dropped.", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
