"""A TCP proxy between a terminal and the hub that the test drives: down, slow, or losing answers.

Faults act on what the hub sends back, so a request always reaches the hub first: a dropped or cut answer
is the hard case, where the hub committed and the terminal cannot know it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class FaultProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self.port = 0
        self.delay = 0.0  # seconds before each answer is passed on
        self._drop_answers = 0
        self._cut_answers = 0
        self._cut_after = 0
        self.answers_lost = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- what a test does ------------------------------------------------------------------------------

    def up(self) -> FaultProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        with self._lock:
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def down(self) -> None:
        """Like the hub's host going away: new connections are refused and open ones reset."""
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = list(self._sockets), set()
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for sock in sockets:
            _close(sock)

    @property
    def is_up(self) -> bool:
        return self._listener is not None

    def drop_answers(self, count: int = 1) -> None:
        """The next `count` answers never arrive: the connection closes once the hub starts answering."""
        with self._lock:
            self._drop_answers = count

    def cut_answers(self, count: int = 1, after_bytes: int = 40) -> None:
        """The next `count` answers stop after `after_bytes` bytes (negative: all but the last few)."""
        with self._lock:
            self._cut_answers, self._cut_after = count, after_bytes

    # --- plumbing --------------------------------------------------------------------------------------

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                if self._listener is not listener:
                    _close(client)
                    _close(upstream)
                    return
                self._sockets |= {client, upstream}
            threading.Thread(target=self._requests, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._answers, args=(upstream, client), daemon=True).start()

    def _requests(self, client: socket.socket, upstream: socket.socket) -> None:
        try:
            while data := client.recv(65536):
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                upstream.shutdown(socket.SHUT_WR)

    def _answers(self, upstream: socket.socket, client: socket.socket) -> None:
        try:
            while data := upstream.recv(65536):
                fault = self._take_fault()
                if self.delay:
                    time.sleep(self.delay)
                if fault == "drop":
                    break
                if fault == "cut":
                    client.sendall(data[: self._cut_after])
                    break
                client.sendall(data)
        except OSError:
            pass
        _close(client)
        _close(upstream)

    def _take_fault(self) -> str | None:
        with self._lock:
            if self._drop_answers:
                self._drop_answers -= 1
                self.answers_lost += 1
                return "drop"
            if self._cut_answers:
                self._cut_answers -= 1
                self.answers_lost += 1
                return "cut"
        return None


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
