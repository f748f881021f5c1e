"""A small threaded TCP server the simulators share: start() on port 0 returns the real port, stop() closes
every socket and joins every thread."""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._clients: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def handle(self, conn: socket.socket) -> None:
        """Serve one connection until it closes. Runs on its own thread."""
        raise NotImplementedError

    def start(self) -> int:
        listener = socket.create_server((self.host, self.port), reuse_port=False)
        listener.settimeout(0.1)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._stopping.clear()
        self.spawn(self._accept_loop, "accept")
        return self.port

    def stop(self) -> None:
        self._stopping.set()
        with self._lock:
            clients = list(self._clients)
        for conn in clients:
            _close(conn)
        for thread in list(self._threads):
            if thread is not threading.current_thread():
                thread.join(5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self._threads.clear()

    @property
    def running(self) -> bool:
        return self._listener is not None and not self._stopping.is_set()

    def clients(self) -> list[socket.socket]:
        with self._lock:
            return list(self._clients)

    def drop_clients(self) -> None:
        for conn in self.clients():
            _close(conn)

    def serve_forever(self) -> None:
        """For `python -m`: run until Ctrl+C."""
        try:
            while not self._stopping.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def spawn(self, target, name: str, *args) -> None:
        thread = threading.Thread(target=target, args=args, name=f"{type(self).__name__} {name}", daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            with self._lock:
                self._clients.add(conn)
            self.spawn(self._serve, "client", conn)

    def _serve(self, conn: socket.socket) -> None:
        try:
            self.handle(conn)
        except OSError:
            pass
        finally:
            with self._lock:
                self._clients.discard(conn)
            _close(conn)


def _close(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)
    conn.close()
