"""The `pos-hub` command: serve, migrate, seed the demo tenant, import CSVs, hand out codes and tokens, and
check the audit chains terminals sent.

Every failure a person can meet ends in one plain sentence on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.hub.cli_common import DB_ENV, CliError, _database, _db_url, _import, _store, _tenant
from sync.hub.cli_reports import add_report_commands
from sync.hub.cli_stock import add_stock_commands


def cmd_serve(args) -> None:
    import os

    import uvicorn

    from sync.hub.log_config import log_config
    from sync.hub.migrate import is_current, upgrade
    from sync.hub.secret_box import current_keys

    url = _db_url(args)
    sqlite = url.startswith("sqlite") or "://" not in url
    if sqlite and args.workers > 1:
        raise CliError("A hub on SQLite runs one worker: SQLite takes one writer at a time. Drop --workers, or "
                       "move the hub to PostgreSQL to run several.")
    if sqlite:
        upgrade(url)  # the embedded demo database needs no separate step
    elif not is_current(url):
        raise CliError("The hub database is not at the newest schema. Run `pos-hub db upgrade --db URL` first.")
    current_keys()  # made here if missing, once, rather than raced for by the workers
    workers = f", {args.workers} workers" if args.workers > 1 else ""
    print(f"pos-hub serving on http://{args.host}:{args.port} (database: {_describe(url)}{workers})", flush=True)
    os.environ[DB_ENV] = url  # each worker builds its app from the environment
    uvicorn.run("sync.hub.app:app_from_environment", factory=True, host=args.host, port=args.port,
                log_level=args.log_level, log_config=log_config(args.log_level, args.log_file), workers=args.workers,
                proxy_headers=False)


def _describe(url: str) -> str:
    from sqlalchemy.engine import make_url

    from sync.hub.database import normalize_url

    return make_url(normalize_url(url)).render_as_string(hide_password=True)


def cmd_db_upgrade(args) -> None:
    from sync.hub.migrate import head_revision, upgrade

    upgrade(_db_url(args))
    print(f"The hub database is at revision {head_revision(_db_url(args))}.")


def cmd_rotate_secret_key(args) -> None:
    from sync.hub.database import make_engine
    from sync.hub.migrate import upgrade
    from sync.hub.secret_box import SecretKeyError, finish_rotation, rotate_secret_key

    url = _db_url(args)
    try:
        upgrade(url)  # seals any secret still in clear, with the current key
        engine = make_engine(url)
        try:
            with engine.begin() as conn:
                count, path = rotate_secret_key(conn, args.new_key.encode() if args.new_key else None)
        finally:
            engine.dispose()
        finish_rotation(path)
    except SecretKeyError as error:
        raise CliError(str(error)) from None
    where = f"the key file {path}" if path else "POS_HUB_SECRET_KEY: set it to the new key before the hub starts"
    print(f"Re-sealed {count} secret{'s' if count != 1 else ''} under a new key; the key is now in {where}.")


def cmd_db_maintain(args) -> None:
    from sync.hub.maintenance import KEEP_VERSIONS, maintain

    db = _database(args)
    try:
        done = maintain(db, keep_versions=args.keep_versions or KEEP_VERSIONS)
    finally:
        db.dispose()
    deferred = done.deferred
    print(f"Deferred mutations: {deferred.applied} applied, {deferred.rejected} rejected, {deferred.waiting} still "
          "waiting for a hub that knows them.")
    print(f"Feed tombstones removed: {done.tombstones_removed}.")
    print(f"Reservations expired: {done.reservations_expired}.")
    print(f"Scheduled prices applied: {done.prices_applied}.")


def cmd_seed_demo(args) -> None:
    from sync.hub.seed import seed_demo

    db = _database(args)
    try:
        result = seed_demo(db, products=args.products, seed=args.seed)
    finally:
        db.dispose()
    if not result.created:
        print(f"The demo tenant {result.tenant_code} is already on this hub; nothing was changed.")
        return
    print(f"Seeded tenant {result.tenant_code} with store {result.store_code} "
          f"({result.row_counts.get('ocs_product_catalog', 0)} cannabis products).")
    print("Staff PINs (shown once): " + ", ".join(f"{code}: {pin}" for code, pin in result.pins.items()))


def cmd_pairing_code(args) -> None:
    from sync.hub.tokens import PAIRING_CODE_TTL, issue_pairing_code

    db = _database(args)
    try:
        with db.write() as session:
            store = _store(session, args.store)
            if store.status != "active":
                raise CliError(f"Store {args.store} is deactivated; activate it before pairing terminals.")
            code = issue_pairing_code(session, store)
    finally:
        db.dispose()
    hours = int(PAIRING_CODE_TTL.total_seconds() // 3600)
    print(f"Pairing code for store {args.store}: {code} (one use, valid {hours} hours)")


def cmd_create_tenant(args) -> None:
    from sync.hub.console_link import create_tenant_with_link
    from sync.hub.tenancy import Invalid

    db = _database(args)
    try:
        print(create_tenant_with_link(db, name=args.name, code=args.code, province=args.province,
                                      owner_email=args.owner_email, console_url=args.console_url))
    except Invalid as error:
        raise CliError(str(error)) from None
    finally:
        db.dispose()


def cmd_admin_token(args) -> None:
    from sync.hub.tokens import issue_token

    db = _database(args)
    try:
        with db.write() as session:
            tenant = _tenant(session, args.tenant)
            token = issue_token(session, kind="admin", tenant_id=tenant.id)
    finally:
        db.dispose()
    print(f"Admin token for tenant {args.tenant} (shown once, keep it secret):")
    print(token)


def cmd_import_catalog(args) -> None:
    from sync.hub.importers.catalog import import_catalog

    _import(args, lambda s: _tenant(s, args.tenant), import_catalog, "the catalog")


def cmd_import_asn(args) -> None:
    from sync.hub.importers.asn import import_asn

    _import(args, lambda s: _store(s, args.store), import_asn, "purchase orders")


def cmd_audit_verify(args) -> None:
    """Re-hash every terminal's audit chain as the hub received it; a break makes the exit status 1."""
    from sync.hub.audit_chain import verify_chains

    db = _database(args, migrate=False)  # a check writes nothing, not even a schema upgrade
    try:
        with db.read() as session:
            checks = verify_chains(session, _store(session, args.store).id if args.store else None)
    finally:
        db.dispose()
    if not checks:
        print("No audit entries have reached this hub" + (f" from store {args.store}." if args.store else "."))
    for check in checks:
        who = f"Store {check.store_code}, terminal {check.terminal_name!r}"
        if check.intact:
            print(f"{who}: {check.entries:,} {'entry' if check.entries == 1 else 'entries'}, chain intact.")
        elif check.broken_action is None:
            print(f"{who}: the chain is broken at entry {check.broken_seq}: {check.problem}.", file=sys.stderr)
        else:
            print(f"{who}: the chain is broken at entry {check.broken_seq} ({check.broken_action}, "
                  f"{check.broken_at:%Y-%m-%d %H:%M:%S} UTC): {check.problem}.", file=sys.stderr)
    broken = sum(not check.intact for check in checks)
    if broken:
        raise CliError(f"{broken} of {len(checks)} audit chains are broken; the lines above say where.")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-hub", description="The central hub of the POS: sync and admin API.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler, help_: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.add_argument("--db", help=f"database URL (default: ${DB_ENV}, else a SQLite file in the data folder)")
        sub.set_defaults(handler=handler)
        return sub

    serve = add("serve", cmd_serve, "Run the hub's HTTP service.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--log-file", type=Path, help="also write the JSON log lines to this file (rotated)")
    serve.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="worker processes (PostgreSQL only); long-polls in one hear of commits in the others")

    db = commands.add_parser("db", help="Database maintenance.")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="Bring the database to the newest schema.")
    upgrade.add_argument("--db", help="database URL")
    upgrade.set_defaults(handler=cmd_db_upgrade)
    maintain = db_commands.add_parser(
        "maintain", help="Apply deferred mutations the hub now knows, drop old feed tombstones, expire reservations.")
    maintain.add_argument("--db", help="database URL")
    maintain.add_argument("--keep-versions", type=_positive, metavar="N",
                          help="keep the tombstones of each store feed's newest N versions (default 100000); a "
                               "terminal whose cursor is older gets a full snapshot")
    maintain.set_defaults(handler=cmd_db_maintain)

    audit = commands.add_parser("audit", help="The terminals' audit trails as the hub received them.")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = audit_commands.add_parser("verify", help="Re-hash each terminal's audit chain; exit status 1 if one "
                                                      "is broken.")
    verify.add_argument("--db", help="database URL")
    verify.add_argument("--store", help="only this store's terminals, e.g. ON001")
    verify.set_defaults(handler=cmd_audit_verify)

    rotate = add("rotate-secret-key", cmd_rotate_secret_key,
                 "Re-seal the stored PIN peppers and kiosk ticket keys under a new secret key.")
    rotate.add_argument("--new-key", help="the new Fernet key, needed when the key is in POS_HUB_SECRET_KEY "
                                          "(otherwise the hub makes one and writes its key file)")

    seed = add("seed-demo", cmd_seed_demo, "Create the demo tenant and store (the same as `pos-app demo-data`).")
    seed.add_argument("--products", type=int, default=2000)
    seed.add_argument("--seed", type=int, default=7)

    tenant = add("create-tenant", cmd_create_tenant, "Create a tenant and its first owner; prints a one-time link "
                                                     "to set the owner's console password.")
    tenant.add_argument("--name", required=True, help="the company's name")
    tenant.add_argument("--code", required=True, help="a short code, e.g. GREENLEAF")
    tenant.add_argument("--province", required=True, help="province or territory code, e.g. ON")
    tenant.add_argument("--owner-email", default="", help="the owner's e-mail (they may sign in with it)")
    tenant.add_argument("--console-url", default="http://127.0.0.1:8700",
                        help="where the hub is reached, for the link (default http://127.0.0.1:8700)")
    add("pairing-code", cmd_pairing_code, "Make a one-time code a terminal pairs with.").add_argument(
        "--store", required=True, help="store code, e.g. ON001")
    add("admin-token", cmd_admin_token, "Make an admin API token for a tenant.").add_argument(
        "--tenant", required=True, help="tenant code, e.g. GREENLEAF")
    catalog = add("import-catalog", cmd_import_catalog, "Import an OCS catalog CSV (all rows or none).")
    catalog.add_argument("file")
    catalog.add_argument("--tenant", required=True)
    asn = add("import-asn", cmd_import_asn, "Import an OCS advance shipping notice CSV (all rows or none).")
    asn.add_argument("file")
    asn.add_argument("--store", required=True)
    add_stock_commands(add)
    add_report_commands(commands, f"database URL (default: ${DB_ENV}, else a SQLite file in the data folder)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.handler(args)
    except CliError as error:
        print(f"pos-hub: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: a sentence, never a traceback
        print(f"pos-hub: {_plain(error)}", file=sys.stderr)
        return 1
    return 0


def _plain(error: Exception) -> str:
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from sync.hub.database import DatabaseUnavailable

    if isinstance(error, DatabaseUnavailable | DBAPIError):
        return "The hub database cannot be reached. Check --db and that the database server is running."
    if isinstance(error, ArgumentError):
        return "The --db value is not a database URL (try sqlite:///path/hub.db or postgresql://user@host/db)."
    if isinstance(error, OSError):
        return f"{error.strerror or 'A file could not be used'}: {error.filename or ''}".strip(": ")
    return f"Something went wrong ({type(error).__name__}: {error}). Nothing more was changed."


if __name__ == "__main__":
    sys.exit(main())
