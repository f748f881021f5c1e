"""Starting a till: a database at head opens without Alembic or the printer library; one behind is upgraded
first; one the program does not know is refused with a plain sentence before anything is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import text

from pos_app.cli import main
from pos_app.persistence.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    scripted_head,
    stored_revision,
)

REPO = Path(__file__).resolve().parents[2]


def test_the_head_read_from_the_scripts_as_text_is_alembics_head(terminal):
    assert scripted_head() == head_revision(terminal.engine)
    assert stored_revision(terminal.engine) == current_revision(terminal.engine)


def test_opening_a_current_database_imports_neither_alembic_nor_escpos(terminal):
    folder = terminal.settings.data_dir
    terminal.close()
    probe = (
        "import sys\n"
        "from pos_app.bootstrap import open_terminal\n"
        "from pos_app.config import load_settings\n"
        f"till = open_terminal(load_settings(__import__('pathlib').Path({str(folder)!r})), log_to_file=False)\n"
        "till.catalog.search('kush')\n"
        "print(sorted(m for m in ('alembic', 'escpos', 'httpx') if m in sys.modules))\n"
    )
    env = {**os.environ, "POS_APP_KEYRING": "file"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, env=env,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_a_database_behind_head_is_upgraded_before_use(terminal):
    config = alembic_config(terminal.engine)
    with terminal.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    folder = terminal.settings.data_dir
    terminal.close()
    assert main(["db", "upgrade", "--data-dir", str(folder)]) == 0
    assert list((folder / "backups").glob("terminal-*-before-*.db")), "a copy is kept from before the upgrade"
    from pos_app.persistence.database import make_engine

    engine = make_engine(folder / "terminal.db")
    assert stored_revision(engine) == scripted_head()
    engine.dispose()


def test_a_terminal_that_has_sold_upgrades_though_its_migrations_rebuild_the_staff_table(terminal):
    """Orders and shifts name their staff; a batch migration that rebuilds `users` must not trip on that."""
    from pos_app.domain.money import Money
    from pos_app.persistence.database import make_engine
    from pos_app.persistence.models import Order
    from tests.integration.helpers import count_rows, sellable_products, staff

    sales = terminal.sales
    cashier = staff(terminal, "1001")
    sales.start_sale(cashier)
    sales.scan(sellable_products(terminal, "dried_flower")[0].each_gtin)
    terminal.age_checks.attest(sales, cashier)
    sales.tender_cash(Money.of(sales.totals().total.amount + 100))
    sales.complete()
    assert count_rows(terminal, Order) == 1
    config = alembic_config(terminal.engine)
    with terminal.engine.connect() as connection:  # back to before the staff table's lockout columns
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0013")
    folder = terminal.settings.data_dir
    terminal.close()
    assert main(["db", "upgrade", "--data-dir", str(folder)]) == 0
    engine = make_engine(folder / "terminal.db")
    with engine.connect() as connection:
        assert stored_revision(engine) == scripted_head()
        assert connection.execute(text("SELECT count(*) FROM orders")).scalar() == 1
        assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
    engine.dispose()


def test_a_database_from_a_newer_program_is_refused_in_a_plain_sentence(terminal, capsys):
    with terminal.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    folder = terminal.settings.data_dir
    terminal.close()
    assert main(["db", "upgrade", "--data-dir", str(folder)]) == 1
    error = capsys.readouterr().err
    assert "revision 9999" in error and "newer version" in error and "Traceback" not in error
    assert not (folder / "backups").exists(), "nothing is written for a database the program does not know"
