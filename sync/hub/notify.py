"""In-process news of store versions, so a long-polling pull wakes as soon as this worker commits.

Other workers' commits are seen by the long-poll's periodic database check; this is only the fast path.
"""

from __future__ import annotations

import threading
import uuid


class StoreVersions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[uuid.UUID, int] = {}

    def committed(self, versions: dict[uuid.UUID, int]) -> None:
        with self._lock:
            for store_id, version in versions.items():
                self._versions[store_id] = max(version, self._versions.get(store_id, 0))

    def version(self, store_id: uuid.UUID) -> int:
        with self._lock:
            return self._versions.get(store_id, 0)
