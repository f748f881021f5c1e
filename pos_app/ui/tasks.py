"""Work that may wait on a device or the network runs on Qt's thread pool; only its result comes back.

The GUI thread never blocks: a card payment, a print or a status query is handed to ``run_in_background`` and
the screen carries on. The result (or the exception) is delivered by a queued signal on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_live: set[_Relay] = set()  # keeps each relay alive until its result has been delivered


class _Relay(QObject):
    """Lives on the GUI thread, so its slots run there when the pool thread emits."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None], on_failed: Callable[[Exception], None],
                 owner: QObject | None) -> None:
        super().__init__()
        self._owner = owner
        self._on_done = on_done
        self._on_failed = on_failed
        self.done.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def _owner_gone(self) -> bool:
        # The screen that asked may have been closed and deleted while the work ran: then nobody is told.
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: Exception) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_failed(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the screen, which turns it into a sentence
            if not getattr(error, "message", None):
                log.exception("Background work failed")
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[Exception], None], *, owner: QObject | None = None) -> None:
    """``owner``: the widget the answer is for; if it is deleted by then, the answer is dropped."""
    relay = _Relay(on_done, on_failed, owner)
    _live.add(relay)
    QThreadPool.globalInstance().start(_Job(work, relay))


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """For shutdown and tests: let running jobs finish."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def message_of(error: Exception) -> str:
    """The sentence a person sees; anything without one is logged and described plainly."""
    message = getattr(error, "message", None)
    if message:
        return str(message)
    log.error("Unexpected failure shown to the user", exc_info=error)
    return QCoreApplication.translate("Tasks", "Something went wrong ({kind}). The details are in the log; try "
                                      "again.").format(kind=type(error).__name__)
