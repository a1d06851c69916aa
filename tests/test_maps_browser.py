"""The interactive map in a real browser: headless Chromium loads the saved folium page.

Chromium (Debian's ``chromium``; ``.ci/run`` installs it) is driven through the DevTools
protocol over a pipe (``--remote-debugging-pipe``: no port is opened). Every host name is made
to fail to resolve, so the page reaches nothing outside this machine: the map tiles and the
CDN copies of the libraries folium's page links but this map does not use (Bootstrap, Font
Awesome, awesome-markers) fail to load, which is a network error, not a script error. Leaflet
and jQuery, which the map's script does use, are served from local copies shipped on PyPI
(``xstatic-leaflet``, ``xstatic-jquery``) in place of folium's CDN links.
"""

from __future__ import annotations

import base64
import collections
import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import learning_cities as lc
from learning_cities import maps

folium = pytest.importorskip("folium")
xstatic_leaflet = pytest.importorskip("xstatic.pkg.leaflet")
xstatic_jquery = pytest.importorskip("xstatic.pkg.jquery")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary (CI installs Debian's chromium: see .ci/run)"
)

TIMEOUT = 60.0  # seconds for any one browser answer: generous, and never reached when all is well


class Browser:
    """A headless Chromium spoken to with the DevTools protocol over its debugging pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser, self._write_end = os.pipe()  # we write commands; Chromium reads fd 3
        self._read_end, from_browser = os.pipe()  # Chromium writes fd 4; we read answers
        flags = [
            "--headless",
            "--no-sandbox",  # CI runs as root
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",  # no host name resolves: nothing leaves the machine
            "--window-size=1280,800",
            "--hide-scrollbars",
            "about:blank",
        ]
        self.log = profile.parent / "chromium.log"
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                ["/bin/bash", "-c", 'exec "$0" "$@" 3<&"$LC_CDP_IN" 4>&"$LC_CDP_OUT"', binary, *flags],
                pass_fds=(to_browser, from_browser),
                env={**os.environ, "LC_CDP_IN": str(to_browser), "LC_CDP_OUT": str(from_browser)},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        os.close(to_browser)
        os.close(from_browser)
        self._next_id = 0
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session = ""

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._read_end, "rb", buffering=0) as pipe:
            while chunk := pipe.read(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._answers.put(json.loads(message))
        self._answers.put(None)  # the browser closed the pipe

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True) -> dict[str, Any]:
        """Send one command and wait for its answer; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._write_end, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._next(deadline, method)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise AssertionError(f"{method} failed: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            if "method" in answer:
                self.events.append(answer)

    def wait_for(self, description: str, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first event, kept or still to come, that ``wanted`` accepts."""
        for seen in self.events:
            if wanted(seen):
                return seen
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._next(deadline, description)
            if "method" in answer:
                self.events.append(answer)
                if wanted(answer):
                    return answer

    def _next(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        try:
            answer = self._answers.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"Chromium gave no answer to {waiting_for} in {TIMEOUT:.0f} s") from None
        if answer is None:
            log = self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise AssertionError(f"Chromium closed its pipe while we waited for {waiting_for}:\n{log}")
        return answer

    def open_page(self) -> None:
        """Attach to the first page target and turn on the events we check."""
        targets = self.send("Target.getTargets", session=False)["targetInfos"]
        page = next(target for target in targets if target["type"] == "page")
        attached = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Page.setLifecycleEventsEnabled", {"enabled": True})

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression!r} raised: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        try:
            if self._process.poll() is None:
                self.send("Browser.close", session=False)
                self._process.wait(timeout=15)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self._process.poll() is None:
                os.killpg(self._process.pid, signal.SIGKILL)  # the group this test started
                self._process.wait(timeout=15)
            os.close(self._write_end)


def offline_page(world: Any, folder: Path) -> Path:
    """Save the map with Leaflet's and jQuery's CDN links pointing at local copies beside it."""
    local = {
        "leaflet": ("leaflet/leaflet.js", xstatic_leaflet.BASE_DIR),
        "leaflet_css": ("leaflet/leaflet.css", xstatic_leaflet.BASE_DIR),
        "jquery": ("jquery/jquery.min.js", xstatic_jquery.BASE_DIR),
    }
    shutil.copytree(xstatic_leaflet.BASE_DIR, folder / "leaflet")
    shutil.copytree(xstatic_jquery.BASE_DIR, folder / "jquery")
    page = world.get_root().render()
    links = dict(folium.Map.default_js) | dict(folium.Map.default_css)
    for name, (path, _base) in local.items():
        assert links[name] in page, f"folium's page no longer links {name} at {links[name]}"
        page = page.replace(f'"{links[name]}"', f'"{path}"')
    html = folder / "map.html"
    html.write_text(page, encoding="utf-8")
    return html


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None
    running = Browser(CHROMIUM, tmp_path / "profile")
    try:
        running.open_page()
        yield running
    finally:
        running.close()


def load(browser: Browser, page: Path) -> None:
    """Open the page and wait for its own load event (not a late one of the blank page before it)."""
    loader = browser.send("Page.navigate", {"url": page.as_uri()})["loaderId"]
    browser.wait_for(
        f"the load event of {page.name}",
        lambda event: (
            event["method"] == "Page.lifecycleEvent"
            and event["params"]["name"] == "load"
            and event["params"]["loaderId"] == loader
        ),
    )


def script_errors(browser: Browser) -> list[str]:
    """Uncaught exceptions, console errors and any error log entry that is not a failed download."""
    errors = []
    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            errors.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(arg.get("value", arg.get("description"))) for arg in params.get("args", [])))
        elif method == "Log.entryAdded":
            entry = params["entry"]
            if entry.get("level") == "error" and entry.get("source") != "network":
                errors.append(f"{entry.get('source')}: {entry.get('text')}")
    return errors


def failed_downloads(browser: Browser) -> list[str]:
    return [
        event["params"]["entry"].get("url", "")
        for event in browser.events
        if event["method"] == "Log.entryAdded" and event["params"]["entry"].get("source") == "network"
    ]


MARKERS_JS = """
(() => {
  const name = Object.keys(window).find(key => key.startsWith("map_") && window[key] instanceof L.Map);
  const found = [];
  window[name].eachLayer(layer => {
    if (layer instanceof L.Marker) {
      const dot = layer.getElement().querySelector("[data-city-id]");
      found.push([dot.dataset.cityId, layer.getLatLng().lat, layer.getLatLng().lng]);
    }
  });
  return found;
})()
"""


def open_popup(browser: Browser, city_id: str) -> dict[str, Any]:
    """Click a city's marker; the popup's text and its link."""
    clicked = browser.evaluate(
        f"(() => {{ const dot = document.querySelector('[data-city-id=\"{city_id}\"]');"
        " if (!dot) return false; dot.closest('.leaflet-marker-icon')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true})); return true; })()"
    )
    assert clicked, f"no marker for {city_id}"
    popup: dict[str, Any] = browser.evaluate(
        "(() => { const box = document.querySelector('.leaflet-popup-content');"
        " const link = box && box.querySelector('a');"
        " return {text: box ? box.innerText : null, href: link ? link.href : null,"
        " elements: box ? Array.from(box.querySelectorAll('*')).map(e => e.tagName.toLowerCase()) : []}; })()"
    )
    return popup


def test_every_located_member_is_one_marker_and_the_page_has_no_script_error(
    browser: Browser, tmp_path: Path, net: lc.Network
) -> None:
    located = {city.id: city for city in net.cities if city.is_active and city.location is not None}
    page = offline_page(maps.interactive_map(), tmp_path)
    load(browser, page)

    assert browser.evaluate("typeof L") == "object", "Leaflet did not load from the local copy"
    assert browser.evaluate("document.querySelectorAll('.leaflet-marker-icon').length") == len(located)
    markers = browser.evaluate(MARKERS_JS)
    assert sorted(city_id for city_id, _lat, _lon in markers) == sorted(located)
    for city_id, latitude, longitude in markers:
        location = located[city_id].location
        assert location is not None
        assert (latitude, longitude) == pytest.approx((location.latitude, location.longitude), abs=1e-9)
    legend = browser.evaluate("document.querySelector('.lc-legend').innerText").split("\n")
    counts = collections.Counter(city.region for city in located.values())
    assert legend == [
        "Members placed",
        *(f"{region.value}: {counts[region]}" for region in lc.Region if counts[region]),
    ]

    bangkok = net.city("Bangkok")
    popup = open_popup(browser, bangkok.id)
    assert popup["text"].split("\n") == [
        "Bangkok กรุงเทพมหานคร",
        "Thailand · Asia and the Pacific",
        "joined 2024",
        "member since 2024-02-14",
        f"source: {popup['href'].split('/')[2].removeprefix('www.')}",
    ]
    assert popup["href"] == bangkok.sources[0]

    # let the popup's fade-in finish, so the screenshot shows it as a reader sees it
    browser.send("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 400))", "awaitPromise": True})
    shot = browser.send("Page.captureScreenshot", {"format": "png"})
    png = base64.b64decode(shot["data"])
    (tmp_path / "map.png").write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 20_000  # a map with its markers and legend, not a blank page

    assert script_errors(browser) == []
    # what failed to load needs the internet (tiles, CDN libraries this map does not use): no local file
    failed = failed_downloads(browser)
    assert any("tile.openstreetmap.org" in url for url in failed)
    assert all(url.startswith("https://") for url in failed), failed


def test_record_text_stays_text_in_the_browser(browser: Browser, tmp_path: Path, net: lc.Network) -> None:
    hostile = '</script><img src=x onerror="window.pwned=1">${window.pwned=2}`\\u{zz}` <b>bold</b> & "q"'
    city = attrs.evolve(
        net.city("Cork"),
        name=hostile,
        local_names={"ga": "Corcaigh ${window.pwned=3}"},
        sources=('https://example.org/a?b=1&c="x"<y>${window.pwned=4}',),
    )
    page = offline_page(maps.interactive_map([city, net.city("Khon Kaen")]), tmp_path)
    load(browser, page)
    assert browser.evaluate("document.querySelectorAll('.leaflet-marker-icon').length") == 2
    popup = open_popup(browser, city.id)
    lines = popup["text"].split("\n")
    assert lines[0] == f"{hostile} Corcaigh ${{window.pwned=3}}"
    assert lines[2] == "joined in a year unknown"
    assert popup["href"] == "https://example.org/a?b=1&c=%22x%22%3Cy%3E${window.pwned=4}"
    assert set(popup["elements"]) == {"div", "strong", "span", "br", "a"}
    tooltip = browser.evaluate(
        "(() => { const dot = document.querySelector('[data-city-id=\"ie-cork\"]').closest('.leaflet-marker-icon');"
        " dot.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
        " return document.querySelector('.leaflet-tooltip').innerText.trim(); })()"
    )
    assert tooltip == hostile
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert script_errors(browser) == []
