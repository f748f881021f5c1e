"""Pages fetched ahead of the one being applied, in two stages on two threads.

One thread asks the hub for each next page as soon as the answer before it is in: the hub puts the next cursor
in a header (`sync.protocol.NEXT_CURSOR_HEADER`), so the next request goes out before the body is parsed.
Another thread validates each answer and converts its rows (`Prepare`), while the caller applies the page
before it. A first sync's three costs (the hub's reading and writing of a page, the terminal's parsing and
converting, and its writing to SQLite) then overlap instead of the first two following each other.

The caller takes the pages in order with `next()`. At most `depth` pages wait for it, so a slow disk does not
pull the whole store into memory. A page that failed (the hub went away, a cut answer) raises its error when
the caller reaches it, after the pages before it. Nothing here touches the terminal's position: a page
fetched ahead of a position that did not come about is simply dropped with `close()`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from sync.client.ports import PullPosition
from sync.protocol import PullResponse

DEPTH = 2  # pages fetched or being prepared beyond the one the caller holds


class Fetched(Protocol):
    """A pull answer off the wire (`sync.client.transport.FetchedPage`): its next cursor, maybe, and its page."""

    next_cursor: str | None
    has_more: bool | None  # None: not known until the page is parsed

    def page(self) -> PullResponse: ...


class ReadAhead:
    def __init__(self, fetch: Callable[[PullPosition], Fetched], prepare: Callable[[PullResponse], None] | None,
                 start: PullPosition, depth: int = DEPTH) -> None:
        self._fetch = fetch
        self._prepare = prepare
        self._ready: queue.Queue[tuple[PullPosition, Future[PullResponse]]] = queue.Queue()
        self._room = threading.Semaphore(depth)
        self._stop = threading.Event()
        self._parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-prefetch-parse")
        self._fetcher = threading.Thread(target=self._run, args=(start,), name="sync-prefetch-fetch", daemon=True)
        self._fetcher.start()

    def next(self) -> tuple[PullPosition, PullResponse]:
        """The next page in feed order and the position it was asked from (waits for it)."""
        position, future = self._ready.get()
        self._room.release()
        return position, future.result()

    def close(self) -> None:
        """Stop asking; a request already on its way is left to finish and its answer dropped."""
        self._stop.set()
        self._room.release()  # a fetcher waiting for room wakes up, and stops
        self._fetcher.join()
        self._parser.shutdown(wait=True, cancel_futures=True)

    def _run(self, position: PullPosition) -> None:
        while True:
            self._room.acquire()
            if self._stop.is_set():
                return
            try:
                fetched = self._fetch(position)
            except BaseException as error:  # the caller gets it when it reaches this page
                failed: Future[PullResponse] = Future()
                failed.set_exception(error)
                self._ready.put((position, failed))
                return
            parsed = self._parser.submit(self._parsed, fetched)
            self._ready.put((position, parsed))
            if fetched.has_more is None:  # the answer did not say in its headers: wait for its body
                try:
                    page = parsed.result()
                except BaseException:  # noqa: BLE001 - the caller gets it when it reaches this page
                    return
                more, cursor = page.has_more, page.cursor
            else:
                more, cursor = fetched.has_more, fetched.next_cursor
            if not more:
                return
            position = PullPosition(position.client_id, cursor)

    def _parsed(self, fetched: Fetched) -> PullResponse:
        page = fetched.page()
        if self._prepare is not None:
            self._prepare(page)
        return page
