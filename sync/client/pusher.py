"""The outbox pusher (DESIGN §4): batches of up to 100, acked only up to the hub's LMID.

A lost answer is an unknown outcome, so nothing is marked and the same ids go again; the hub answers
``already_applied`` for what it had. A 409 resends from the id the hub expects. A 422 for a restored
database takes a new client id and raises an alert. Rejected rows are marked with their reason and never
hold the queue back.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sync.client.errors import ClientIdReused, GapDetected, MissingMutations
from sync.client.ports import OutboxStore
from sync.client.transport import HubClient
from sync.logs import correlation_id
from sync.protocol import MAX_BATCH, PROTOCOL_VERSION, Mutation, PushRequest, PushResponse

RESTORED_ALERT = (
    "This terminal's database was restored or copied: the hub already had other sales under the same "
    "numbers. The terminal now syncs its unsent work as a new client. A manager should check the sales "
    "made since the last backup."
)

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


@dataclass
class PushReport:
    batches: int = 0
    acknowledged: int = 0
    rejected: int = 0
    client_renewed: bool = False


class Pusher:
    def __init__(self, hub: HubClient, outbox: OutboxStore, *, batch_size: int = MAX_BATCH,
                 on_alert: Callable[[str], None] = lambda _message: None) -> None:
        self._hub = hub
        self._outbox = outbox
        self._batch_size = min(batch_size, MAX_BATCH)
        self._on_alert = on_alert
        self._lock = threading.Lock()  # one push at a time, whoever asks (timer, "Sync now", CLI)
        self._resend_from: int | None = None

    def push_pending(self, progress: Progress | None = None) -> PushReport:
        """Send until nothing is pending. The first failure is raised; whatever was acked stays acked."""
        with self._lock:
            report = PushReport()
            total = self._outbox.state().pending
            while True:
                state = self._outbox.state()
                batch = self._outbox.batch(self._batch_size, self._resend_from)
                if not batch:
                    self._resend_from = None
                    return report
                try:
                    response = self._hub.push(PushRequest(client_id=state.client_id, schema_version=PROTOCOL_VERSION,
                                                          mutations=batch))
                except GapDetected as gap:
                    self._resume_from(gap.expected_id, batch[0].id)
                    continue
                except ClientIdReused:
                    if report.client_renewed:
                        raise
                    self._outbox.renew_client_id(state.client_id, RESTORED_ALERT)
                    self._resend_from = None
                    report.client_renewed = True
                    self._on_alert(RESTORED_ALERT)
                    continue
                report.batches += 1
                _log_results(state.client_id, batch, response)
                report.acknowledged += self._outbox.acknowledge(
                    state.client_id, response.last_mutation_id, response.results)
                report.rejected += sum(1 for r in response.results if r.status == "rejected")
                if self._resend_from is not None:
                    self._resend_from = batch[-1].id + 1
                if progress is not None:
                    progress(report.acknowledged, max(total, report.acknowledged))
                if response.last_mutation_id < batch[-1].id:
                    # The hub stopped short without saying why; going on would only send the same rows again.
                    return report

    def _resume_from(self, expected_id: int, sent_from: int) -> None:
        if self._resend_from == expected_id and sent_from == expected_id:
            raise MissingMutations(f"The hub keeps asking for mutation {expected_id}, which it refuses.")
        first = self._outbox.batch(1, expected_id)
        if not first or first[0].id != expected_id:
            raise MissingMutations(
                f"The hub expects mutation {expected_id}, which this terminal no longer has. "
                "Ask for support: the hub's database may have been restored from an older backup.")
        self._resend_from = expected_id


def _log_results(client_id: uuid.UUID, batch: list[Mutation], response: PushResponse) -> None:
    """One line per mutation, with the ids the hub's own line for it carries (see `sync.logs`)."""
    names = {m.id: m.name for m in batch}
    correlation = correlation_id(client_id, batch[0].id, batch[-1].id)
    for result in response.results:
        log.info("mutation %s %s", names.get(result.id, "?"), result.status, extra={
            "client_id": str(client_id), "mutation_id": result.id, "mutation": names.get(result.id),
            "status": result.status, "correlation_id": correlation, "code": result.code})
