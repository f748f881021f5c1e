"""How long compliance records are kept, and the database guard that keeps them.

Canadian cannabis rules ask a retailer to keep its records of sales, stock movements, age checks and the audit
trail for at least three years. Nothing in the product purges them; this guard makes sure nothing can early, on
the hub and on each terminal: a trigger refuses to delete a row younger than the retention period, whoever
deletes it (a script, an operator at a SQL prompt, a cascade). Rows older than that may be deleted, so a store can
apply its own policy after the legal minimum. Used by the hub's and the terminal's migrations alike.
"""

from __future__ import annotations

RETENTION_YEARS = 3
REFUSAL = ("Compliance records are kept for 3 years: this row is younger, so it cannot be deleted. "
           "Rows older than 3 years may be purged.")


def guard_statements(dialect: str, table: str) -> list[str]:
    """The DDL that stops deleting a row of `table` whose ``created_at`` (UTC) is within the retention period."""
    name = f"keep_{table}"
    if dialect == "postgresql":
        return [
            f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.created_at > (now() AT TIME ZONE 'UTC') - interval '{RETENTION_YEARS} years' THEN
                    RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN OLD;
            END $$""",
            f"CREATE TRIGGER {name} BEFORE DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
        ]
    # SQLite keeps these times as 'YYYY-MM-DD HH:MM:SS.ffffff' text, which compares in time order.
    return [f"""CREATE TRIGGER {name} BEFORE DELETE ON {table}
        WHEN OLD.created_at > datetime('now', '-{RETENTION_YEARS} years')
        BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"""]


def drop_statements(dialect: str, table: str) -> list[str]:
    name = f"keep_{table}"
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()"]
    return [f"DROP TRIGGER IF EXISTS {name}"]
