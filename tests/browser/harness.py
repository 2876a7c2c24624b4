"""Serving the app on loopback and driving Debian's Chromium, for browser tests and scripts."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# As the machine's notes advise: no background traffic, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Every chart drawn: Vega-Embed puts a canvas (or an SVG) in each chart's container.
ALL_CHARTS_DRAWN = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (!document.querySelector("[data-testid='stMain'] h1")) return false;
  const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")];
  return charts.length > 0 && charts.every(c => c.querySelector("canvas, svg.marks"));
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Served:
    """A running app: its base URL and its server process."""

    url: str
    process: subprocess.Popen[bytes]

    def memory_bytes(self) -> int:
        """The server's resident memory, from /proc."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kilobytes = next(
            line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")
        )
        return int(kilobytes) * 1024


@contextlib.contextmanager
def serve_app(*extra: str, timeout: float = 60, script: Path = ROOT / "app.py") -> Iterator[Served]:
    """Run ``streamlit run app.py`` (or another script) on a free loopback port; yield it once
    it answers."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        *extra,
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, "the app", lambda: read_output(process.stdout), timeout)
        yield Served(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_healthy(
    url: str,
    process: subprocess.Popen[bytes],
    what: str,
    output: Callable[[], str],
    timeout: float,
) -> None:
    """Poll ``url``'s health check until it answers; if ``process`` ends or the time runs out
    first, fail with what it wrote (``output``)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start:\n{output()}") from None
            time.sleep(0.2)


def read_output(stream: IO[bytes] | None) -> str:
    """What a process wrote to a pipe, as text."""
    return stream.read().decode(errors="replace") if stream else ""


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless: Playwright's own browser download does not work here."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def wait_for_app(page: Page) -> None:
    """Wait until the script has finished running and the page has settled: a title shown,
    no run in progress, and nothing left over from the previous run."""
    from playwright.sync_api import expect

    expect(page.locator("[data-testid='stMain'] h1").first).to_be_visible(timeout=30_000)
    expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=30_000)
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=30_000)
