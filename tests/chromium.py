"""Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`).

The same Debian chromium the browser tests already use, and nothing else: no WebDriver, no
websocket library. Chromium reads NUL-terminated JSON commands on fd 3 and writes replies and
events on fd 4. `Browser.page(url)` opens a tab at a window size, waits for the load event, and
collects uncaught JavaScript exceptions and failed requests; `evaluate` runs an expression in the
page, `screenshot` saves a PNG. `offline=True` makes every host but 127.0.0.1 unresolvable, as on a
machine without network.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class BrowserError(RuntimeError):
    pass


class Browser:
    def __init__(self, offline: bool = False, width: int = 1400, height: int = 1000):
        if CHROMIUM is None:
            raise BrowserError("chromium is not installed")
        self.width, self.height = width, height
        self.profile = tempfile.mkdtemp(prefix="legalnews-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-pipe",
                   f"--user-data-dir={self.profile}", f"--window-size={width},{height}"]
        if offline:
            command.append("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
        # The child's fds 3 and 4 must be exactly these pipe ends.
        def wire():  # in the child; fds 3 and 4 are kept open by pass_fds
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(command + ["about:blank"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=wire, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    # --- protocol ----------------------------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    # --- pages -------------------------------------------------------------------------------

    def page(self, url: str, settle: float = 0.5) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride", {"width": self.width, "height": self.height,
                                                        "deviceScaleFactor": 1, "mobile": False}, session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        page = Page(self, session, target)
        page.settle(settle)
        return page

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    def __init__(self, browser: Browser, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target

    def _mine(self, method: str) -> list[dict]:
        return [e["params"] for e in self.browser.events if e.get("sessionId") == self.session
                and e.get("method") == method]

    def settle(self, seconds: float) -> None:
        """Let scripts run and requests finish: keep reading events for `seconds`."""
        try:
            self.evaluate(f"new Promise(r => setTimeout(r, {int(seconds * 1000)}))", await_promise=True)
        except BrowserError:
            pass

    @property
    def exceptions(self) -> list[str]:
        """Uncaught JavaScript exceptions (and unhandled promise rejections) so far."""
        found = []
        for params in self._mine("Runtime.exceptionThrown"):
            details = params.get("exceptionDetails", {})
            found.append(details.get("exception", {}).get("description") or details.get("text", "?"))
        return found

    @property
    def failed_requests(self) -> list[str]:
        sent = {p["requestId"]: p["request"]["url"] for p in self._mine("Network.requestWillBeSent")}
        return [sent.get(p["requestId"], "?") + " " + p.get("errorText", "") for p in self._mine("Network.loadingFailed")]

    def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                        "awaitPromise": await_promise}, session=self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def navigate_by(self, expression: str, settle: float = 0.5) -> None:
        """Run `expression` (a click, a form submit) and wait for the page it leads to to load."""
        self.browser.events = [e for e in self.browser.events if not (
            e.get("sessionId") == self.session and e.get("method") == "Page.loadEventFired")]
        self.evaluate(expression)
        self.browser.wait_for("Page.loadEventFired", self.session)
        self.settle(settle)

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = self.evaluate("document.documentElement.scrollHeight")
            params |= {"captureBeyondViewport": True,
                       "clip": {"x": 0, "y": 0, "width": self.browser.width, "height": height, "scale": 1}}
        data = self.browser.send("Page.captureScreenshot", params, session=self.session)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
