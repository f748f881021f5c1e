"""A paired terminal's first sync, in a process a test SIGKILLs once the search index is built in the last page's
transaction and before that transaction commits: it prints INDEX-BUILT and waits there.

    python -m tests.e2e.first_sync_process DATA_DIR
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pos_app.persistence import catalog_upkeep
from tests.sync.client.tills import open_till

PAGE_SIZE = 100


def _built_then_wait(rebuild):
    def built(conn) -> None:
        rebuild(conn)
        print("INDEX-BUILT", flush=True)
        time.sleep(120)  # the test kills this process here

    return built


def main() -> None:
    catalog_upkeep.rebuild = _built_then_wait(catalog_upkeep.rebuild)
    till = open_till(Path(sys.argv[1]), page_size=PAGE_SIZE)
    till.sync.bootstrap()
    print("NOT-KILLED", flush=True)


if __name__ == "__main__":
    main()
