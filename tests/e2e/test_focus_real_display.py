"""Under a real X server and window manager (Xvfb and openbox, Qt on xcb), the keyboard comes back to the sale
whenever a dialog closes: a cashier opens dialogs with F-keys, closes them with Escape, and F2 then types into the
search, with no tap on the screen in between. Keys are pressed with xdotool, as a keyboard would; the screenshots
before and after the search are kept next to the test's files.

Offscreen, tests/ui/test_focus_return.py checks the bookkeeping; only a window manager decides for real which
window has the keyboard. Outside CI this is skipped when Xvfb, openbox or xdotool is missing.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import ImageChops

from tests.e2e.real_display import grab_screen, xvfb

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Register 1"  # the main window's title ends with the mode and terminal number
TOOLS = ("Xvfb", "openbox", "xdotool")

missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(bool(missing) and os.environ.get("CI") != "true",
                                reason=f"needs {', '.join(missing)} (CI installs them in .ci/run)")


class Desktop:
    """The display, its window manager, and the keys and windows as xdotool sees them."""

    def __init__(self, display: str) -> None:
        self.env = dict(os.environ, DISPLAY=display)
        self.env.pop("WAYLAND_DISPLAY", None)

    def wait_for_the_window_manager(self, *, timeout_s: float = 15.0) -> None:
        """Until openbox has taken the screen (it names itself on the root window), when xprop is there to ask."""
        if shutil.which("xprop") is None:
            time.sleep(1.0)
            return
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            done = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=self.env, capture_output=True,
                                  text=True, timeout=10)
            if "window id" in done.stdout:
                return
            time.sleep(0.2)
        raise AssertionError("openbox did not start on the display.")

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        return done.stdout.strip()

    def focused(self) -> str:
        return self.xdotool("getwindowfocus", "getwindowname")

    def wait_for_focus(self, part: str, *, timeout_s: float = 15.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if part in self.focused():
                return
            time.sleep(0.2)
        raise AssertionError(f"The keyboard is in {self.focused()!r}, not in a window named like {part!r}.")

    def click_near_bottom_right(self, title: str, left: int, up: int) -> None:
        window = self.xdotool("search", "--onlyvisible", "--name", title).split()[0]
        size = dict(line.strip().split(": ", 1) for line in
                    self.xdotool("getwindowgeometry", window).splitlines()[1:])["Geometry"]
        width, height = (int(n) for n in size.split("x"))
        self.xdotool("mousemove", "--window", window, str(width - left), str(height - up), "click", "1")

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "120", text)  # a person's pace: slower than a wedge scanner

    def key(self, name: str) -> None:
        self.xdotool("key", name)


def _terminal_folder(demo_template: Path, folder: Path) -> tuple[str, str, str]:
    """A copy of the demo store; returns a cashier's code and PIN and a word that finds products."""
    from pos_app.secrets import PIN_PEPPER, SecretStore

    shutil.copytree(demo_template, folder)
    SecretStore(folder).set(PIN_PEPPER, SecretStore(demo_template).get(PIN_PEPPER))
    pins = dict(line.split(":") for line in (folder / "pins.txt").read_text().split())
    with sqlite3.connect(folder / "terminal.db") as db:
        name = db.execute("SELECT product_name FROM ocs_product_catalog ORDER BY ocs_variant_number").fetchone()[0]
    word = next(part for part in name.split() if len(part) >= 4 and part.isalpha())
    return "1001", pins["1001"], word


def test_after_each_dialog_closes_the_f_keys_and_the_search_work_without_a_tap(demo_template, tmp_path):
    assert not missing, f"missing: {missing}"
    code, pin, word = _terminal_folder(demo_template, tmp_path / "terminal")
    out, err = tmp_path / "app.out", tmp_path / "app.err"
    with xvfb("1280x800") as display, out.open("w") as stdout, err.open("w") as stderr:
        desktop = Desktop(display)
        manager = subprocess.Popen(["openbox"], env=desktop.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        desktop.wait_for_the_window_manager()
        app = subprocess.Popen([sys.executable, "-m", "pos_app.cli", "run", "--data-dir", str(tmp_path / "terminal")],
                               env=dict(desktop.env, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
                                        POS_APP_KEYRING="file"),
                               cwd=ROOT, stdout=stdout, stderr=stderr)
        try:
            desktop.wait_for_focus(TITLE, timeout_s=120)
            desktop.type(code)
            desktop.key("Return")
            desktop.type(pin)
            desktop.key("Return")
            desktop.wait_for_focus("Open the shift")  # at the first sign-in of the day
            desktop.key("Escape")
            desktop.wait_for_focus(TITLE)
            for key, title in (("F9", "Refund"), ("F11", "Drawer and shift"), ("F10", "Void a sale"),
                               ("F8", "Park or resume")):
                desktop.key(key)
                desktop.wait_for_focus(title)
                desktop.key("Escape")
                desktop.wait_for_focus(TITLE)
            before = _settled(display, tmp_path / "1-after-dialogs.png")
            desktop.key("F2")
            desktop.type(word)
            after = _settled(display, tmp_path / "2-searched.png", wait_s=2.0)  # matches come after a pause
            _assert_matches_opened(before, after, tmp_path)

            # A dialog the register did not open itself, from a tap: the keyboard was left on the Sync button.
            desktop.key("F2")
            desktop.key("BackSpace")
            cleared = _settled(display, tmp_path / "3-cleared.png", wait_s=1.0)
            desktop.click_near_bottom_right(TITLE, 60, 20)  # the status bar's Sync button
            desktop.wait_for_focus("Sync")
            desktop.key("Escape")
            desktop.wait_for_focus(TITLE)
            desktop.type(word)  # no F2, no tap: straight into the search
            after = _settled(display, tmp_path / "4-typed-after-sync.png", wait_s=2.0)
            _assert_matches_opened(cleared, after, tmp_path)
            assert app.poll() is None, "the register closed"
        except AssertionError as failure:
            raise AssertionError(f"{failure}\nThe register said:\n{out.read_text()}\n{err.read_text()}") from None
        finally:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(20)
            except subprocess.TimeoutExpired:
                app.kill()
            manager.terminate()
            manager.wait(10)


def _settled(display: str, out: Path, *, wait_s: float = 0.5):
    time.sleep(wait_s)
    return grab_screen(display, out)


def _assert_matches_opened(before, after, folder: Path) -> None:
    """The search's matches open under the field: a large part of the screen changes."""
    changed = ImageChops.difference(before, after).getbbox()
    assert changed is not None, f"typing changed nothing on screen: the keys went nowhere; see {folder}"
    width, height = changed[2] - changed[0], changed[3] - changed[1]
    assert width * height > 0.1 * before.width * before.height, (
        f"the search's matches should have opened under the field; only {changed} changed; see {folder}")
