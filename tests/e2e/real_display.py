"""A real X display for smoke tests: Xvfb on a display number it picks itself, and screenshots of it.

A screenshot is taken by a second Qt program on the xcb platform reading the root window, as any X
screenshot tool does, so it needs nothing the register itself does not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageChops

GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1], "PNG") else 1)
"""


def xvfb_missing_reason() -> str | None:
    """Why the real-display test cannot run here, or None. In CI it must run: .ci/run installs Xvfb."""
    if shutil.which("Xvfb"):
        return None
    return "Xvfb is not installed (apt-get install xvfb); CI installs it in .ci/run."


@contextmanager
def xvfb(size: str = "1280x800") -> Iterator[str]:
    """A fresh X server; yields its DISPLAY (e.g. ':141'). Xvfb chooses a free number and reports it."""
    read_end, write_end = os.pipe()
    # -br: a black root window, so an empty screen is one flat colour.
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-br",
                               "-nolisten", "tcp"], pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as reported:
            number = reported.readline().strip()  # written once the server accepts clients
        if not number:
            raise RuntimeError(f"Xvfb did not start: {server.communicate(timeout=5)[1].decode(errors='replace')}")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def grab_screen(display: str, out: Path) -> Image.Image:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    done = subprocess.run([sys.executable, "-c", GRAB, str(out)], env=env, capture_output=True, text=True,
                          timeout=60)
    if done.returncode != 0:
        raise AssertionError(f"The screenshot of {display} failed: {done.stderr.strip()}")
    with Image.open(out) as image:
        return image.convert("RGB")


def drawn_share(image: Image.Image) -> float:
    """How much of the screen a window covers: the box around everything that is not the black root."""
    box = image.getbbox()
    if box is None:
        return 0.0
    return (box[2] - box[0]) * (box[3] - box[1]) / (image.width * image.height)


def colours(image: Image.Image) -> int:
    found = image.getcolors(maxcolors=1 << 16)
    return len(found) if found is not None else 1 << 16


def wait_for_a_settled_screen(display: str, out: Path, alive, *, timeout_s: float) -> Image.Image:
    """Screenshots until the screen is drawn on and holds still (a caret may blink), while `alive()` says so."""
    deadline = time.monotonic() + timeout_s
    previous: Image.Image | None = None
    while time.monotonic() < deadline:
        if not alive():
            raise AssertionError("The program closed before its window was shown.")
        image = grab_screen(display, out)
        if colours(image) > 16 and previous is not None and _nearly_same(previous, image):
            return image
        previous = image if colours(image) > 16 else None
        time.sleep(1.0)
    raise AssertionError(f"No window settled on {display} within {timeout_s:.0f} s; the last screenshot is {out}.")


def _nearly_same(one: Image.Image, other: Image.Image) -> bool:
    box = ImageChops.difference(one, other).getbbox()
    return box is None or (box[2] - box[0]) * (box[3] - box[1]) < 0.01 * one.width * one.height
