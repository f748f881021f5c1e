"""A catalog CSV uploaded in the console: kept on the hub between its preview and "Apply", then applied all or
nothing by the importer `pos-hub import-catalog` uses.

The hub keeps the file, never the preview: "Apply" parses and checks the kept file again, so a browser cannot
send back a diff of its own. An upload is the tenant's and its uploader's, applies once, and expires.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.importers.catalog import CatalogPreview, import_catalog, preview_catalog
from sync.hub.importers.csv_rows import ImportReport
from sync.hub.models import CatalogUpload, Tenant
from sync.hub.tenancy import Invalid, NotFound, OutOfScope, Scope, audit

MAX_BYTES = 20 * 1024 * 1024  # a 100,000-product OCS catalog is about 15 MB
KEPT_FOR = timedelta(hours=2)


def _editor(scope: Scope) -> None:
    if scope.store_ids is not None:
        raise OutOfScope("Only an owner or admin of the tenant can import the catalog.")


def keep_upload(session: Session, scope: Scope, file_name: str, content: bytes) -> CatalogUpload:
    """Keep the file for its preview (and forget this tenant's uploads that expired)."""
    _editor(scope)
    if not content.strip():
        raise Invalid("That file is empty; choose the catalog CSV file.")
    if len(content) > MAX_BYTES:
        raise Invalid("That file is %(size)s MB; a catalog file can be at most %(most)s MB. Split it and import "
                      "each part.", size=len(content) // (1024 * 1024), most=MAX_BYTES // (1024 * 1024))
    session.execute(delete(CatalogUpload).where(CatalogUpload.tenant_id == scope.tenant_id,
                                                CatalogUpload.created_at < utcnow() - KEPT_FOR))
    upload = CatalogUpload(tenant_id=scope.tenant_id, user_id=scope.user_id,
                           file_name=(file_name or "catalog.csv").rsplit("/", 1)[-1][:200],
                           sha256=hashlib.sha256(content).hexdigest(), content=content)
    session.add(upload)
    session.flush()
    return upload


def upload_of(session: Session, scope: Scope, upload_id: uuid.UUID, *, lock: bool = False) -> CatalogUpload:
    upload = session.get(CatalogUpload, upload_id, with_for_update=lock)  # locked: two "Apply" clicks apply once
    if (upload is None or upload.tenant_id != scope.tenant_id or upload.user_id != scope.user_id
            or upload.created_at < utcnow() - KEPT_FOR):
        raise NotFound("That upload was already applied or has expired; upload the file again.")
    return upload


def preview(session: Session, scope: Scope, upload: CatalogUpload) -> CatalogPreview:
    return preview_catalog(session, scope.tenant_id, upload.content, upload.file_name)


def apply_upload(session: Session, scope: Scope, upload_id: uuid.UUID) -> tuple[CatalogUpload, ImportReport]:
    """Import the kept file (raises `CsvRejected` with nothing written if a row is wrong), then forget it."""
    _editor(scope)
    upload = upload_of(session, scope, upload_id, lock=True)
    report = import_catalog(session, session.get(Tenant, scope.tenant_id), upload.content, upload.file_name)
    audit(session, scope, "catalog.imported", entity=upload,
          details={"file": upload.file_name, "sha256": upload.sha256, "created": report.created,
                   "updated": report.updated})
    session.delete(upload)
    return upload, report
