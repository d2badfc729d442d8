"""Screenshots of `legalnews serve` for the docs: the events page and one entity's timeline.

Serves a run (default: the bundled sample extracted to a temporary folder) on a free localhost
port, opens the pages in headless Chromium at 1400x1000 and writes docs/serve-events.png and
docs/serve-entity.png. Run from the project root with the project's Python:

    .venv/bin/python scripts/screenshots.py [--run FOLDER] [--entity ENTITY_KEY]
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import Browser  # noqa: E402  (tests/chromium.py: Chromium over the DevTools pipe)

LEGALNEWS = Path(sys.executable).parent / "legalnews"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, help="a run folder (default: extract data/raw/sample)")
    parser.add_argument("--entity", default="AGENCY:u.s. immigration and customs enforcement")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = args.run
        if run is None:
            run = Path(tmp) / "run"
            subprocess.run([str(LEGALNEWS), "extract", str(ROOT / "data" / "raw" / "sample"), "--out", str(run), "-q"],
                           check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen([str(LEGALNEWS), "serve", str(run), "--port", str(port),
                                   "--db", str(Path(tmp) / "legalnews.db")], stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"{base}/-/versions.json", timeout=2)
                    break
                except OSError:
                    time.sleep(0.3)
            with Browser(offline=True) as browser:
                pages = {"serve-events.png": f"{base}/legalnews/events",
                         "serve-entity.png": f"{base}/legalnews/entity_timeline?"
                                             + urllib.parse.urlencode({"entity_key": args.entity})}
                for name, url in pages.items():
                    page = browser.page(url, settle=1)
                    page.screenshot(args.out / name)
                    print(f"wrote {args.out / name}")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
