"""`pos-hub import-locations`, `pos-hub recall` and `pos-hub import-promotions`: the stock and pricing commands
of the hub's CLI (see `sync.hub.cli`)."""

from __future__ import annotations


def cmd_import_locations(args) -> None:
    from sync.hub.cli_common import _import, _store
    from sync.hub.locations import import_locations

    _import(args, lambda s: _store(s, args.store), import_locations, "shelf locations")


def cmd_recall(args) -> None:
    from sqlalchemy import select

    from sync.hub.cli_common import CliError, _database, _tenant
    from sync.hub.models import Tenant
    from sync.hub.recalls import UnknownLot, recall_lots

    if not args.reason.strip():
        raise CliError("Say why the lot is recalled with --reason, e.g. --reason \"Mould found by the producer\".")
    db = _database(args)
    try:
        with db.write() as session:
            if args.tenant:
                tenant = _tenant(session, args.tenant)
            else:
                tenants = session.scalars(select(Tenant.code)).all()
                if len(tenants) != 1:
                    raise CliError("This hub has several tenants; say which one with --tenant.")
                tenant = _tenant(session, tenants[0])
            recall, marked = recall_lots(session, tenant.id, args.sku, args.lot, args.reason, args.reference)
    except UnknownLot as error:
        raise CliError(str(error)) from None
    finally:
        db.dispose()
    reference = f" ({recall.reference})" if recall.reference else ""
    print(f"Recall {recall.id}{reference}: lot{'s' if len(recall.lots) > 1 else ''} {', '.join(recall.lots)} of SKU "
          f"{recall.sku} recalled in {marked} lot record{'s' if marked != 1 else ''}; every terminal of the tenant "
          "refuses them from its next sync.")
    print(f"Report: GET /api/v1/recalls/{recall.id}/report (add ?format=csv for a spreadsheet).")


def cmd_import_promotions(args) -> None:
    from pathlib import Path

    from sqlalchemy import select

    from sync.hub.cli_common import CliError, _database, _store, _tenant
    from sync.hub.models import Tenant
    from sync.hub.promotions import PromotionsRejected, save_promotions
    from sync.promotions_file import PromotionsFileError, read_promotions_file

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"There is no file at {path}.")
    try:
        data = read_promotions_file(path.read_text(encoding="utf-8"))
    except PromotionsFileError as error:
        raise CliError(f"Nothing was imported from {path.name}. {error}") from None
    db = _database(args)
    try:
        with db.write() as session:
            store = _store(session, args.store) if args.store else None
            if args.tenant:
                tenant = _tenant(session, args.tenant)
            elif store is not None:
                tenant = session.get(Tenant, store.tenant_id)
            else:
                tenants = session.scalars(select(Tenant.code)).all()
                if len(tenants) != 1:
                    raise CliError("This hub has several tenants; say which one with --tenant.")
                tenant = _tenant(session, tenants[0])
            report = save_promotions(session, tenant.id, data, store.id if store else None)
    except PromotionsRejected as rejected:
        raise CliError(f"Nothing was imported from {path.name}. {rejected}") from None
    finally:
        db.dispose()
    print(f"Imported promotions from {path.name}: {report.promotions_created} created, {report.promotions_updated} "
          f"updated; discount codes: {report.codes_created} created, {report.codes_updated} updated. Terminals "
          "price with them from their next sync.")


def add_stock_commands(add) -> None:
    """Register the commands with `add(name, handler, help)` from `sync.hub.cli.build_parser`."""
    locations = add("import-locations", cmd_import_locations,
                    "Import a store's shelf locations from a CSV (zone,aisle,shelf,bin[,location_type,notes] or "
                    "location_code); all rows or none.")
    locations.add_argument("file")
    locations.add_argument("--store", required=True, help="store code, e.g. ON001")
    recall = add("recall", cmd_recall, "Recall lots of a SKU in every store of the tenant.")
    recall.add_argument("--sku", required=True)
    recall.add_argument("--lot", required=True, action="append", help="a lot number; repeat for several")
    recall.add_argument("--reason", required=True, help="why, as the register will say it")
    recall.add_argument("--reference", help="the recall's reference, e.g. Health Canada RA-12345")
    recall.add_argument("--tenant", help="tenant code (needed when the hub has several)")
    promotions = add("import-promotions", cmd_import_promotions,
                     "Import a promotions.v1 file (promotions matched by id, codes by code), checked against the "
                     "tenant's catalog; all of it or none.")
    promotions.add_argument("file")
    promotions.add_argument("--tenant", help="tenant code (needed when the hub has several)")
    promotions.add_argument("--store", help="store code: the promotions apply in that store only (default: all)")


__all__ = ["add_stock_commands"]
