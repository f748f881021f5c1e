"""Pages of a catch-up fetched ahead on a thread of their own, in feed order, while the caller applies them.

The hub gives each page the cursor of the next, so fetching needs nothing from the applying: the reading thread
follows the cursors up to `depth` pages ahead and waits there. With only one page ahead, every page waited for
the slower of its fetch and the previous page's write; a small queue lets a slow write (a page of products and
their search index) and a slow fetch (a page of lots) make up for each other.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress

from sync.client.ports import PullPosition
from sync.protocol import PullResponse

Fetch = Callable[[PullPosition], PullResponse]
_PUT_CHECK_SECONDS = 0.1  # how often a reading thread that waits for room checks whether it was stopped


class ReadAhead:
    """Iterates over (position, page): the page in hand, then the pages after it, until one without `has_more`.

    `close` stops the reading. A failed fetch is raised by the iteration at its turn, after the pages before it.
    Closing mid-way drops what was read ahead; a fetch in flight finishes (bounded by the transport's timeout)
    and its answer is dropped.
    """

    def __init__(self, fetch: Fetch, position: PullPosition, page: PullResponse, *, depth: int) -> None:
        self._fetch = fetch
        self._first = (position, page)
        self._ready: queue.Queue[tuple[PullPosition, PullResponse] | BaseException | None] = queue.Queue(depth)
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        if page.has_more:  # a till's regular pull is one page: no thread for it
            self._thread = threading.Thread(target=self._read, args=(position, page), name="sync-prefetch",
                                            daemon=True)
            self._thread.start()

    def __iter__(self) -> Iterator[tuple[PullPosition, PullResponse]]:
        yield self._first
        while self._thread is not None:
            item = self._ready.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        self._stopped.set()
        if self._thread is None:
            return
        while self._thread.is_alive():
            with suppress(queue.Empty):  # make room, so a reading thread blocked on a full queue sees the stop
                self._ready.get(timeout=_PUT_CHECK_SECONDS)
        self._thread.join()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _read(self, position: PullPosition, page: PullResponse) -> None:
        try:
            while page.has_more and not self._stopped.is_set():
                position = PullPosition(position.client_id, page.cursor)
                page = self._fetch(position)
                if not self._put((position, page)):
                    return
            self._put(None)
        except BaseException as error:  # handed to the applying thread, at its turn
            self._put(error)

    def _put(self, item) -> bool:
        while not self._stopped.is_set():
            try:
                self._ready.put(item, timeout=_PUT_CHECK_SECONDS)
                return True
            except queue.Full:
                continue
        return False
