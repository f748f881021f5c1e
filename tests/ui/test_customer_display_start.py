"""Turning the customer display on (the setting or `pos-app run --customer-display`), where it opens, what it
shows between sales, and its screenshot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from pos_app.cli import main
from pos_app.ui.customer_display.idle import IdleScreen, find_idle_pictures, initials
from pos_app.ui.customer_display.placement import beside

REPO = Path(__file__).resolve().parents[2]

# `pos-app run` runs Qt's event loop until its window closes; that ends the loop for good in the process it ran in,
# so it runs in a process of its own, on two offscreen screens: the counter's and the customer's.
TWO_SCREENS = {"screens": [{"name": "counter", "x": 0, "y": 0, "width": 1280, "height": 800},
                           {"name": "customer", "x": 1280, "y": 0, "width": 1024, "height": 768}]}
RUN_AND_LOOK = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pos_app.cli import main
from pos_app.ui.customer_display.window import CustomerDisplay
from pos_app.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
seen = {}

def look():
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    registers = [w for w in shown if isinstance(w, MainWindow)]
    displays = [w for w in shown if isinstance(w, CustomerDisplay)]
    seen.update(register=registers[0].screen().name() if registers else None,
                display=displays[0].screen().name() if displays else None,
                full_screen=bool(displays) and displays[0].isFullScreen())
    for window in registers:
        window.close()  # the display closes with it, and the application ends

QTimer.singleShot(1000, look)
seen["status"] = main(sys.argv[1:])
print("SEEN " + json.dumps(seen))
"""


def _run_and_look(folder, *args: str, env: dict[str, str] | None = None) -> dict:
    config = folder.parent / "two-screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    outside = {name: value for name, value in os.environ.items() if name != "POS_APP_CUSTOMER_DISPLAY"}
    environment = {**outside, "PYTHONPATH": str(REPO), "POS_APP_KEYRING": "file",
                   "QT_QPA_PLATFORM": f"offscreen:configfile={config}", **(env or {})}
    done = subprocess.run([sys.executable, "-c", RUN_AND_LOOK, "run", "--data-dir", str(folder), *args],
                          capture_output=True, text=True, cwd=REPO, env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.split("SEEN ", 1)[1])


@pytest.fixture
def store_folder(terminal):
    terminal.close()  # the command opens the terminal's folder itself, as a till does
    return terminal.settings.data_dir


def test_the_flag_or_the_setting_opens_the_display_full_screen_on_the_second_screen(store_folder):
    on_its_own = {"status": 0, "register": "counter", "display": None, "full_screen": False}
    assert _run_and_look(store_folder) == on_its_own
    with_display = {"status": 0, "register": "counter", "display": "customer", "full_screen": True}
    assert _run_and_look(store_folder, "--customer-display") == with_display
    assert _run_and_look(store_folder, env={"POS_APP_CUSTOMER_DISPLAY": "true"}) == with_display
    (store_folder / "terminal.toml").write_text("customer_display = true\n", encoding="utf-8")
    assert _run_and_look(store_folder) == with_display


def test_a_kiosk_has_no_customer_display_and_says_so(qapp, store_folder, capsys):
    assert main(["run", "--mode", "kiosk", "--customer-display", "--data-dir", str(store_folder)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("A kiosk faces its customers itself, so it has no customer display.")
    assert "Leave out --customer-display" in error and "Traceback" not in error


def test_a_bad_setting_is_a_sentence_and_nothing_opens(qapp, store_folder, capsys):
    (store_folder / "terminal.toml").write_text('customer_display = "sometimes"\n', encoding="utf-8")
    assert main(["run", "--data-dir", str(store_folder)]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (f"The setting customer_display in {store_folder / 'terminal.toml'} is 'sometimes', but it must be "
                     "true or false. Fix it, then start again.")
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_on_the_registers_only_screen_it_is_a_normal_window_beside_the_register(cashier):
    display = cashier.window.open_customer_display()
    cashier.qtbot.waitExposed(display)
    assert len(QApplication.screens()) == 1
    assert not display.isFullScreen() and display.screen() == cashier.window.screen()
    assert cashier.window.screen().availableGeometry().contains(display.pos())


def test_beside_is_right_of_the_register_else_left_else_at_the_edge_and_always_on_screen():
    free = QRect(0, 0, 1920, 1080)
    assert beside(QRect(0, 0, 1000, 800), free, 800, 600) == QRect(1000, 0, 800, 600)
    assert beside(QRect(900, 100, 1000, 800), free, 800, 600) == QRect(100, 100, 800, 600)
    assert beside(QRect(200, 0, 1280, 800), free, 800, 600) == QRect(1120, 0, 800, 600)
    small = QRect(0, 0, 1024, 768)
    assert beside(QRect(0, 0, 1024, 768), small, 800, 600) == QRect(224, 0, 800, 600)
    assert beside(QRect(0, 500, 600, 400), QRect(0, 0, 1500, 900), 800, 600) == QRect(600, 300, 800, 600)


def _picture(path, color: str, size=(640, 360)) -> None:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))


def _near(color: QColor, expected: QColor) -> bool:
    return all(abs(a - b) <= 4 for a, b in zip(color.getRgb(), expected.getRgb(), strict=True))


def test_between_sales_it_shows_slides_in_turn_else_the_logo_else_a_wordmark(qtbot, tmp_path):
    assert find_idle_pictures(tmp_path).slides == () and initials("Greenleaf Queen West") == "GQ"
    wordmark = IdleScreen("Greenleaf Queen West", find_idle_pictures(tmp_path))
    assert wordmark.kind == "wordmark" and wordmark.wordmark.name.text() == "Greenleaf Queen West"

    _picture(tmp_path / "logo.png", "#1f4d3a")
    logo = IdleScreen("Greenleaf", find_idle_pictures(tmp_path))
    logo.resize(1000, 600)
    assert logo.kind == "logo" and not logo.picture.pixmap().isNull()
    assert logo.picture.pixmap().width() <= 600, "the logo keeps a margin around it"

    slides = tmp_path / "slides"
    slides.mkdir()
    _picture(slides / "2-edibles.jpg", "#2980b9")
    _picture(slides / "1-welcome.png", "#c0392b")
    (slides / "notes.txt").write_text("not a picture")
    (slides / "broken.png").write_bytes(b"not a png either")  # left out, not shown as a blank slide
    pictures = find_idle_pictures(tmp_path)
    assert [path.name for path in pictures.slides] == ["1-welcome.png", "2-edibles.jpg"]
    show = IdleScreen("Greenleaf", pictures, slide_ms=50)
    show.resize(1280, 720)
    show.start()
    assert show.kind == "slides" and show.slide_index == 0
    assert show.picture.pixmap().toImage().pixelColor(10, 10) == QColor("#c0392b")
    qtbot.waitUntil(lambda: show.slide_index == 1, timeout=2000)  # the slides turn by themselves
    assert _near(show.picture.pixmap().toImage().pixelColor(10, 10), QColor("#2980b9")), "a JPEG is a little off"
    show.stop()
    assert not show.timer.isActive()


def test_an_unreadable_logo_leaves_the_wordmark(qapp, tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG but not really")
    assert IdleScreen("Greenleaf", find_idle_pictures(tmp_path)).kind == "wordmark"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_pos_app_screenshot_renders_the_display_after_a_cash_sale(store_folder, tmp_path, capsys, size):
    out = tmp_path / "display.png"
    status = main(["screenshot", "--state", "customer-display", "--size", f"{size[0]}x{size[1]}",
                   "--data-dir", str(store_folder), "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    QApplication.instance().setStyleSheet("")
