"""The old home of the push batch's insert-only rows, now `sync.hub.batch_rows`.

Only `sync.hub.sync_service` still imports them from here; delete this module once its import names
`sync.hub.batch_rows`.
"""

from sync.hub.batch_rows import gathered_rows, write_gathered

__all__ = ["gathered_rows", "write_gathered"]
