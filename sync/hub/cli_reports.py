"""`pos-hub report ocs-daily`: a store's OCS daily sales and inventory file, recorded as an exported version
(the same service as the admin API and the console, `sync.hub.reports.exports`)."""

from __future__ import annotations

import argparse
from datetime import date


def cmd_report_ocs_daily(args) -> None:
    from pathlib import Path

    from sync.hub.cli_common import CliError, _database, _store
    from sync.hub.reports.exports import export_day
    from sync.hub.reports.ocs import ReportRefused
    from sync.hub.tenancy import Scope

    out = Path(args.out)
    if out.is_dir():
        raise CliError(f"{out} is a folder; give --out a file name, e.g. --out {out / 'ocs-daily.csv'}.")
    if not out.parent.is_dir():
        raise CliError(f"There is no folder {out.parent} to write {out.name} in; create it or choose another --out.")
    db = _database(args)
    try:
        with db.write() as session:
            store = _store(session, args.store)
            made = export_day(session, Scope(store.tenant_id, via="cli"), store, args.date, "cli")
            out.write_text(made.content, encoding="utf-8", newline="")
    except ReportRefused as refused:
        raise CliError(str(refused)) from None
    finally:
        db.dispose()
    print(f"Wrote the OCS daily report of store {args.store} for {args.date.isoformat()} to {out}: {made.rows} "
          f"SKU{'s' if made.rows != 1 else ''}, sha256 {made.sha256}. This version is recorded as exported.")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-01") from None


def add_report_commands(commands, db_help: str) -> None:
    """Register `pos-hub report ...` on the top-level subcommands of `sync.hub.cli.build_parser`."""
    report = commands.add_parser("report", help="Reports the hub makes from the ledger and the orders.")
    reports = report.add_subparsers(dest="report_command", required=True, metavar="REPORT")
    ocs = reports.add_parser("ocs-daily", help="Write a store's OCS daily sales and inventory report (CSV) for one "
                                               "store-local day, and record it as exported.")
    ocs.add_argument("--db", help=db_help)
    ocs.add_argument("--store", required=True, help="store code, e.g. ON001")
    ocs.add_argument("--date", required=True, type=_day, help="the store-local day, YYYY-MM-DD")
    ocs.add_argument("--out", required=True, help="the CSV file to write")
    ocs.set_defaults(handler=cmd_report_ocs_daily)


__all__ = ["add_report_commands"]
