"""`pos-app diagnostics bundle`: the zip support asks for, with the logs, settings, sync status and versions, and
no token, PIN or card number in any file of it, even one an older plain-text log line held."""

from __future__ import annotations

import json
import zipfile

from pos_app.cli import main

TOKEN = "hubt_" + "Q" * 40
CARD = "4111 1111 1111 1111"


def test_the_bundle_holds_what_support_needs_and_no_secret(terminal, tmp_path, capsys):
    logs = terminal.settings.log_dir
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "pos-app.log.1").write_text(f"2026-12-01 10:00:00 INFO old line: token {TOKEN} card {CARD}\n")
    (logs / "pos-app.log").write_text(json.dumps({"event": "sale completed", "order": "ON001-1-42"}) + "\n")
    out = tmp_path / "support.zip"

    assert main(["diagnostics", "bundle", "--data-dir", str(terminal.settings.data_dir), "--out", str(out)]) == 0
    assert "send it to support" in capsys.readouterr().out

    with zipfile.ZipFile(out) as bundle:
        names = set(bundle.namelist())
        assert {"logs/pos-app.log", "logs/pos-app.log.1", "settings.json", "sync-status.txt", "versions.json",
                "README.txt"} <= names
        everything = "\n".join(bundle.read(name).decode() for name in names)
        versions = json.loads(bundle.read("versions.json"))
        settings = json.loads(bundle.read("settings.json"))
        status = bundle.read("sync-status.txt").decode()
    assert TOKEN not in everything and CARD not in everything and "4111111111111111" not in everything
    assert "ON001-1-42" in everything, "the log lines themselves are kept"
    assert versions["pos-app"] and versions["database schema"] and versions["PySide6_Essentials"]
    assert settings["data_dir"] == str(terminal.settings.data_dir) and "Paired:" in status
