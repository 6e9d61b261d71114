"""Layout a user sees in Debian's headless chromium against `gpcheck serve`: words of the
criteria's names whole on the facilitator page, a long project name kept short on a phone,
the QR code big enough to scan from the back of a room in projector mode."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import needs_browser
from tests.web_support import Server

pytestmark = needs_browser
EXAMPLES = Path(__file__).parents[1] / "examples" / "workshop"

# Every word of every card title on one line: a word broken mid-way has two line boxes.
BROKEN_WORDS = """
const broken = [];
for (const title of document.querySelectorAll('.card-title')) {
  const node = title.lastChild;
  const text = node.textContent;
  for (const m of text.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (tops.size > 1) broken.push(m[0]);
  }
}
return broken;
"""


@pytest.fixture
def group(tmp_path: Path) -> Any:
    def start(lang: str) -> Server:
        folder = tmp_path / f"ws-{lang}"
        shutil.copytree(EXAMPLES, folder)
        return Server(folder, "--lang", lang).start()

    return start


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_criterion_name_is_broken_mid_word_on_the_facilitator_page(
    group, browsers, lang: str
) -> None:
    server = group(lang)
    try:
        for width, query in ((1280, ""), (1280, "?projector=1"), (1920, "?projector=1")):
            browser = browsers(width, 900)
            browser.get(server.facilitator + query)
            titles = browser.execute_script(
                "return [...document.querySelectorAll('.card-title')].length"
            )
            assert titles == 12
            assert browser.execute_script(BROKEN_WORDS) == [], (width, query)
    finally:
        server.stop()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_very_long_project_name_takes_one_line_on_a_phone(
    tmp_path: Path, browsers, lang: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    name = "Gesundheitsförderung im Quartier " * 9  # 297 characters: the field holds 300
    server = Server(tmp_path / "ws", "--lang", lang).start()
    try:
        phone = browsers(360, 740)
        phone.get(server.url)
        phone.find_element(By.ID, "code").send_keys(server.join_code, Keys.ENTER)
        _wait(lambda: phone.find_elements(By.ID, "name"))
        phone.find_element(By.ID, "name").send_keys(name)
        phone.find_element(By.CSS_SELECTOR, "button[value=next]").click()
        _wait(lambda: phone.current_url.endswith("/c/target_group"))
        who = phone.execute_script(
            """const w = document.querySelector('.who');
               const line = parseFloat(getComputedStyle(w).lineHeight);
               return {height: w.getBoundingClientRect().height, line: line,
                       count: document.querySelector('.who .count').textContent,
                       countWidth: document.querySelector('.who .count').scrollWidth,
                       countShown: document.querySelector('.who .count').clientWidth,
                       wide: document.documentElement.scrollWidth}"""
        )
        assert who["height"] < 1.5 * who["line"], who  # one line, not eight
        assert who["countWidth"] <= who["countShown"], who  # "0 of 12 answered" whole
        assert who["wide"] <= 360
        phone.get(phone.current_url.rsplit("/c/", 1)[0] + "/project")
        shown = phone.find_element(By.ID, "name").get_attribute("value")
        assert shown == name.strip()
    finally:
        server.stop()


def _wait(check: Callable[[], Any], seconds: float = 15) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out")


QR_SIZE = """
const drawn = document.querySelector('.joinbox .qr svg path').getBoundingClientRect();
const box = document.querySelector('.joinbox .qr svg').getBoundingClientRect();
return {drawn: drawn.width, box: box.width, screen: window.innerHeight};
"""


def test_the_qr_code_is_large_on_the_projector(tmp_path: Path, browsers) -> None:
    server = Server(tmp_path / "ws", "--lang", "de").start()
    try:
        browser = browsers(1920, 1080)
        browser.get(server.facilitator)
        normal = browser.execute_script(QR_SIZE)
        assert normal["drawn"] <= normal["box"] + 1  # the whole code, none of it cut off
        browser.get(server.facilitator + "?projector=1")
        big = browser.execute_script(QR_SIZE)
        assert big["drawn"] >= 0.4 * big["screen"], big  # ~40 % of the screen's height
        assert big["drawn"] >= 2.5 * normal["drawn"]
    finally:
        server.stop()
