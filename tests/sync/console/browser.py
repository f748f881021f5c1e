"""Debian's chromium driven by Selenium, headless, at 1280x800; skipped with a reason when it is not installed,
except under CI=true, where a missing browser fails the test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def require_chromium() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if not missing:
        return
    reason = f"The console's browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true requires them.")
    pytest.skip(reason)


def start_chromium(width: int = 1280, height: int = 800):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--force-device-scale-factor=1", "--lang=en-CA"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # The page itself (not the window around it) is width x height, as the screenshots are.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.implicitly_wait(0)
    return driver


def screenshot_dir(tmp_path: Path) -> Path:
    """docs/screenshots when `make screenshots` asks for them (CONSOLE_SCREENSHOTS), else the test's tmp dir."""
    folder = Path(os.environ.get("CONSOLE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_for(driver, condition, timeout: float = 10):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def sign_in(driver, url: str, login: str, password: str, *, fresh: bool = False) -> None:
    """Sign in through the form as a person does, and wait for the stores page it leads to. `fresh`: forget an
    earlier session first (a browser shared between tests)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown

    if fresh:
        driver.delete_all_cookies()
    driver.get(f"{url}/console/sign-in")
    driver.find_element(By.NAME, "login").send_keys(login)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, shown.url_contains("/console/stores"))
