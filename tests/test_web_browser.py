"""A real browser (Debian's headless chromium, driven by Selenium) against `gpcheck serve`:
fill in a whole assessment, reload, resume on a phone-sized second device with the private
link, download the report, and watch the facilitator page pick up the new project live."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gpcheck.assessment import load_assessment
from tests.browser_support import needs_browser
from tests.web_support import Server

pytestmark = needs_browser


def _wait(check: Callable[[], Any], seconds: float = 15) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out")


def _no_csp_violations(driver: Any) -> None:
    messages = [e["message"] for e in driver.get_log("browser")]
    assert not [m for m in messages if "Content Security Policy" in m], messages


def test_a_team_assesses_its_project_in_the_browser(tmp_path: Path, browsers, catalogue) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    folder = tmp_path / "ws"
    server = Server(folder, "--lang", "en").start()
    try:
        facilitator = browsers()
        facilitator.get(server.facilitator)
        assert "No project has answered yet." in facilitator.page_source

        laptop = browsers()
        laptop.get(server.url)
        laptop.find_element(By.ID, "code").send_keys(server.join_code.lower(), Keys.ENTER)
        _wait(lambda: laptop.find_elements(By.ID, "name"))
        laptop.find_element(By.ID, "name").send_keys("Familienzentrum am Park")
        laptop.find_element(By.ID, "assessors").send_keys("Ana, Ben")
        laptop.find_element(By.CSS_SELECTOR, "button[value=next]").click()

        for n, cid in enumerate(catalogue.ids):
            _wait(lambda cid=cid: laptop.current_url.endswith(f"/c/{cid}"))
            if cid == "multipliers":
                laptop.find_element(By.CSS_SELECTOR, "label[for=stage-na]").click()
                laptop.find_element(By.ID, "reason").send_keys("No multipliers in this project")
            elif cid == "participation":  # by keyboard alone: arrows move along the ladder
                radio = laptop.find_element(By.ID, "stage-0")
                radio.send_keys(Keys.SPACE)
                radio.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
                laptop.find_element(By.ID, "notes").send_keys("Advisory board planned")
            else:
                laptop.find_element(By.CSS_SELECTOR, f"label[for=stage-{n % 3}]").click()
            laptop.find_element(By.CSS_SELECTOR, "button[value=next]").send_keys(Keys.ENTER)

        _wait(lambda: laptop.current_url.endswith("/overview"))
        assert "12 of 12 answered" in laptop.page_source
        laptop.refresh()
        assert "12 of 12 answered" in laptop.page_source
        private_link = laptop.find_element(By.CSS_SELECTOR, ".private .link a").text
        _no_csp_violations(laptop)

        saved = load_assessment(folder / "familienzentrum-am-park.yaml", catalogue)
        assert saved.project.assessors == ["Ana", "Ben"]
        assert saved.criteria["participation"].stage == 2
        assert saved.criteria["participation"].notes == "Advisory board planned"
        assert not saved.criteria["multipliers"].applicable

        # the facilitator page updates by itself
        _wait(lambda: "Familienzentrum am Park" in facilitator.page_source)
        _wait(lambda: "12 of 12" in facilitator.page_source)
        _no_csp_violations(facilitator)

        # on a phone: the private link, the join code once, then the same assessment
        phone = browsers(360, 740)
        phone.get(private_link)
        phone.find_element(By.ID, "code").send_keys(server.join_code, Keys.ENTER)
        _wait(lambda: phone.current_url.endswith("/overview"))
        assert "Familienzentrum am Park" in phone.page_source
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 360, "the page scrolls sideways on a phone"
        phone.find_element(By.CSS_SELECTOR, "#report button.primary").click()
        _wait(lambda: "You have finished" in phone.page_source)
        phone.find_element(By.CSS_SELECTOR, "#report a.button").click()
        downloads = tmp_path / "downloads"
        report = _wait(
            lambda: [p for p in downloads.glob("*") if p.suffix in (".pdf", ".html")], 60
        )[0]
        _wait(lambda: report.stat().st_size > 0)
        head = report.read_bytes()[:5]
        assert head == b"%PDF-" or report.suffix == ".html"
        _wait(lambda: "done" in facilitator.page_source)
    finally:
        server.stop()


def test_the_criterion_page_fits_a_phone_and_autosaves(tmp_path: Path, browsers, catalogue) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    folder = tmp_path / "ws"
    server = Server(folder, "--lang", "de").start()
    try:
        phone = browsers(360, 740)
        phone.get(server.url)
        phone.find_element(By.ID, "code").send_keys(server.join_code, Keys.ENTER)
        _wait(lambda: phone.find_elements(By.ID, "name"))
        phone.find_element(By.ID, "name").send_keys("Kiezladen")
        phone.find_element(By.CSS_SELECTOR, "button[value=next]").click()
        _wait(lambda: phone.current_url.endswith("/c/target_group"))
        assert "Welche Stufe beschreibt Ihr Projekt am besten?" in phone.page_source
        assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
        phone.find_element(By.CSS_SELECTOR, "label[for=stage-3]").click()
        _wait(lambda: "Gespeichert um" in phone.find_element(By.CSS_SELECTOR, ".status").text)
        saved = load_assessment(folder / "kiezladen.yaml", catalogue)
        assert saved.criteria["target_group"].stage == 3
        _no_csp_violations(phone)
    finally:
        server.stop()


def test_the_html_worksheet_shows_every_sheet_whole_with_room_for_notes(
    tmp_path: Path, browsers, cli
) -> None:
    out = tmp_path / "worksheet.html"
    assert cli("worksheet", "--criteria", "5,4", "-o", str(out), "--lang", "de").exit_code == 0
    browser = browsers(1000, 900)
    browser.get(out.as_uri())
    sheets = browser.execute_script(
        """return [...document.querySelectorAll('.sheet')].map(s => ({
             sheet: s.getBoundingClientRect().bottom,
             notes: s.querySelector('h2.notes').getBoundingClientRect().bottom,
             clipped: s.scrollHeight > s.clientHeight + 1}))"""
    )
    assert len(sheets) == 2
    for sheet in sheets:
        assert not sheet["clipped"]
        assert sheet["sheet"] - sheet["notes"] > 40 * 96 / 25.4  # ruled room under the heading
