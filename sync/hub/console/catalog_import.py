"""Console pages to import the catalog CSV: upload it, see what it would add and change and each bad row's error,
then apply it all or nothing. The file is kept on the hub between the two (`sync.hub.catalog_uploads`); the
page's "Apply" sends only the upload's id."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from sync.hub import catalog_uploads, tenancy
from sync.hub.console.auth import Csrf, Visitor, signed_in
from sync.hub.console.web import _, error_text, redirect, render
from sync.hub.importers.csv_rows import CsvRejected

router = APIRouter(prefix="/console", include_in_schema=False)
Me = Annotated[Visitor, Depends(signed_in)]
ROWS_SHOWN = 500  # of each list on the preview; the counts above them are of the whole file


def _field_names() -> dict[str, str]:
    return {"product_name": _("Name"), "ocs_product_name": _("OCS name"), "brand_name": _("Brand"),
            "category": _("Category"), "subcategory": _("Subcategory"), "product_form": _("Form"),
            "net_content": _("Net content"), "unit_of_measure": _("Unit"), "price_per_unit": _("Price"),
            "msrp_price": _("MSRP"), "each_gtin": _("GTIN"), "case_gtin": _("Case GTIN"),
            "case_quantity": _("Case quantity"), "plant_type": _("Plant type")}


def _editor(me: Visitor) -> None:
    if me.scope.store_ids is not None:
        raise tenancy.OutOfScope(_("Only an owner or admin of the tenant can import the catalog."))


@router.get("/catalog/import")
def import_page(request: Request, me: Me) -> Response:
    _editor(me)
    return render(request, "catalog_import.html", me=me, error=None)


@router.post("/catalog/import", dependencies=[Csrf])
async def upload(request: Request, me: Me) -> Response:
    _editor(me)
    form = await request.form()  # already read by the CSRF check; a file part is spooled, not held in memory
    sent = form.get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        return render(request, "catalog_import.html", 422, me=me, error=_("Choose the catalog CSV file to upload."))
    content = await sent.read(catalog_uploads.MAX_BYTES + 1)
    try:
        with request.app.state.db.write() as session:
            upload_id = catalog_uploads.keep_upload(session, me.scope, sent.filename, content).id
    except tenancy.Invalid as error:
        return render(request, "catalog_import.html", 422, me=me, error=error_text(error))
    return redirect(f"/console/catalog/import/{upload_id}")


@router.get("/catalog/import/{upload_id}")
def preview_page(request: Request, me: Me, upload_id: uuid.UUID) -> Response:
    _editor(me)
    return _preview(request, me, upload_id)


def _preview(request: Request, me: Visitor, upload_id: uuid.UUID, *, error: str | None = None,
             status: int = 200) -> Response:
    with request.app.state.db.read() as session:
        kept = catalog_uploads.upload_of(session, me.scope, upload_id)
        preview = catalog_uploads.preview(session, me.scope, kept)
    return render(request, "catalog_preview.html", status if not preview.errors else 422, me=me, upload=kept,
                  preview=preview, limit=ROWS_SHOWN, field_names=_field_names(), error=error)


@router.post("/catalog/import/{upload_id}/apply", dependencies=[Csrf])
def apply(request: Request, me: Me, upload_id: uuid.UUID) -> Response:
    try:
        with request.app.state.db.write() as session:
            catalog_uploads.apply_upload(session, me.scope, upload_id)
    except CsvRejected:  # the catalog changed since the preview: show the file's rows as they are now
        return _preview(request, me, upload_id, error=_("Nothing was imported."), status=422)
    return redirect(f"/console/catalog?imported={upload_id}")
