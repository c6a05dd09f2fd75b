"""slagen serve: the preview server over HTTP, and live reload in a real headless browser.

The browser test drives Debian's chromium through chromium-driver with
Selenium; it is skipped only when /usr/bin/chromedriver is missing (CI installs
it in .ci/run).
"""

from __future__ import annotations

import json
import re
import selectors
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from slagen.authoring.new import starter_text
from slagen.authoring.serve import PreviewServer, make_server

CHROMEDRIVER = Path("/usr/bin/chromedriver")
TITLE = "Marketing ↔ Sales Service Level Agreement 2026"


def _repo(tmp_path: Path) -> Path:
    (tmp_path / "agreements").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    (tmp_path / "slagen.toml").write_text('templates = "templates"\n')
    (tmp_path / "agreements" / "acme-sla.yaml").write_text(
        starter_text("internal", "en", agreement_id="acme-sla", company="Acme", year=2026),
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PreviewServer]:
    preview = make_server(_repo(tmp_path), port=0)
    thread = threading.Thread(target=preview.serve_forever, daemon=True)
    thread.start()
    yield preview
    preview.shutdown()
    preview.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_pages_versions_and_errors_over_http(server: PreviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"  # loopback by default
    status, index = _get(server.url)
    assert status == 200 and 'href="/view/acme-sla.yaml"' in index

    status, page = _get(server.url + "view/acme-sla.yaml")
    assert status == 200 and TITLE in page and 'id="slagen-live-reload"' in page

    version_url = server.url + "version?file=acme-sla.yaml"
    before = json.loads(_get(version_url)[1])["version"]
    assert json.loads(_get(version_url)[1])["version"] == before  # stable while nothing changes
    (server.agreements.parent / "templates" / "extra.css").write_text("/* a template changed */\n")
    after_template = json.loads(_get(version_url)[1])["version"]
    assert after_template != before

    source = server.agreements / "acme-sla.yaml"
    source.write_text("slagen: 1\nid: <script>alert(1)</script>\n", encoding="utf-8")
    assert json.loads(_get(version_url)[1])["version"] != after_template
    status, page = _get(server.url + "view/acme-sla.yaml")
    assert status == 200 and 'id="slagen-errors"' in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page

    for bad in (
        "view/../slagen.toml",
        "view/%2e%2e/slagen.toml",
        "view/nothing.yaml",
        "version?file=../x.yaml",
    ):
        assert _get(server.url + bad)[0] == 404, bad


def test_the_command_refuses_a_busy_port(server: PreviewServer, tmp_path: Path) -> None:
    port = str(server.server_address[1])
    result = subprocess.run(
        [sys.executable, "-m", "slagen.cli", "serve", str(tmp_path), "--port", port],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (
        result.returncode == 2
        and "cannot listen" in result.stderr
        and "Traceback" not in result.stderr
    )


@pytest.fixture
def served_repo(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """``slagen serve`` as a real process on a free port: (repository, base URL)."""
    repo = _repo(tmp_path / "repo")
    process = subprocess.Popen(
        [sys.executable, "-m", "slagen.cli", "serve", str(repo), "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stderr is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stderr, selectors.EVENT_READ)
            assert selector.select(timeout=30), "slagen serve did not start"
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line
        yield repo, match.group(0)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    if not CHROMEDRIVER.exists():
        pytest.skip(
            "needs Debian's chromium-driver at /usr/bin/chromedriver (apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(argument)
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_live_reload_in_a_headless_browser(served_repo: tuple[Path, str], browser: object) -> None:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    repo, url = served_repo
    # The page reloads itself: an element found just before a reload goes stale.
    wait = WebDriverWait(
        browser,
        30,
        poll_frequency=0.2,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )
    source = repo / "agreements" / "acme-sla.yaml"
    original = source.read_text(encoding="utf-8")

    browser.get(url)
    browser.find_element(By.LINK_TEXT, "acme-sla.yaml").click()
    wait.until(lambda d: TITLE in d.find_element(By.TAG_NAME, "body").text)

    # an edit to the YAML shows up without touching the browser
    marker = browser.execute_script("window.slagenMarker = 1; return window.slagenMarker;")
    assert marker == 1
    source.write_text(original.replace(TITLE, "Live Preview Works 2026"), encoding="utf-8")
    wait.until(lambda d: "Live Preview Works 2026" in d.find_element(By.TAG_NAME, "body").text)
    assert browser.execute_script("return window.slagenMarker;") is None  # it really reloaded

    # invalid YAML: the findings on the page, escaped, instead of a crash
    source.write_text(original.replace("id: acme-sla", "id: [<b>broken"), encoding="utf-8")
    text = wait.until(lambda d: d.find_element(By.ID, "slagen-errors").text)
    assert "acme-sla.yaml:" in text and "error" in text
    assert not browser.find_elements(
        By.CSS_SELECTOR, "#slagen-errors b"
    )  # shown as text, not markup

    # fixed again: back to the document
    source.write_text(original, encoding="utf-8")
    wait.until(lambda d: TITLE in d.find_element(By.TAG_NAME, "body").text)

    # the index follows new files
    browser.get(url)
    (repo / "agreements" / "second-sla.yaml").write_text(
        starter_text("customer", "es", agreement_id="second-sla", year=2026), encoding="utf-8"
    )
    wait.until(lambda d: d.find_elements(By.LINK_TEXT, "second-sla.yaml"))


EXAMPLES = sorted(p.name for p in (Path(__file__).parent.parent / "agreements").glob("*.yaml"))
# Every table whose box runs past its container's.
_OVERFLOW_JS = """
return Array.from(document.querySelectorAll('table')).filter(function (t) {
  var parent = t.parentElement;
  return t.scrollWidth > parent.clientWidth
      || t.getBoundingClientRect().right > parent.getBoundingClientRect().right + 0.5
      || t.getBoundingClientRect().left < parent.getBoundingClientRect().left - 0.5;
}).map(function (t) {
  return (t.className || 'table') + ': ' + (t.querySelector('th, td') || t).textContent.trim();
});
"""
# On a phone a wide table scrolls inside its own box: the box stays in its container.
_BOX_OUTSIDE_JS = """
return Array.from(document.querySelectorAll('table')).filter(function (t) {
  var box = t.getBoundingClientRect(), parent = t.parentElement.getBoundingClientRect();
  return box.right > parent.right + 0.5 || box.left < parent.left - 0.5;
}).map(function (t) {
  return (t.className || 'table') + ': ' + (t.querySelector('th, td') || t).textContent.trim();
});
"""
# The DRAFT mark is fixed to the window: on screen it must paint behind the text.
_MARK_LAYER_JS = """
var mark = document.querySelector('.watermark');
return mark === null ? null : parseInt(getComputedStyle(mark).zIndex, 10);
"""


@pytest.fixture
def examples_server() -> Iterator[PreviewServer]:
    preview = make_server(Path(__file__).parent.parent, port=0)
    thread = threading.Thread(target=preview.serve_forever, daemon=True)
    thread.start()
    yield preview
    preview.shutdown()
    preview.server_close()


@pytest.mark.parametrize("width", [1280, 800, 400])
def test_every_example_fits_its_column_in_a_browser(
    examples_server: PreviewServer, browser: object, width: int
) -> None:
    # Down to a tablet every table fits whole; on a phone (400) wide ones scroll in their box.
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(browser, WebDriver)
    browser.set_window_size(width, 1000)
    overflowing: dict[str, list[str]] = {}
    for name in EXAMPLES:
        browser.get(f"{examples_server.url}view/{name}")
        assert browser.find_elements("css selector", "table"), name  # the document, not errors
        tables = browser.execute_script(_OVERFLOW_JS if width >= 800 else _BOX_OUTSIDE_JS)
        if tables:
            overflowing[name] = tables
        layer = browser.execute_script(_MARK_LAYER_JS)
        assert layer is None or layer < 0, (name, layer)
        page = browser.execute_script("return document.documentElement.scrollWidth")
        assert page <= browser.execute_script("return window.innerWidth"), name
    assert overflowing == {}
