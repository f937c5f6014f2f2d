"""Regenerate docs/graph.png, the README's picture of the seeds' graph.

    .venv/bin/kg build seeds && .venv/bin/python docs/screenshot.py

Needs Debian's chromium and the test extra (playwright); the page is loaded offline.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import offline_page, open_graph_page  # noqa: E402


def main(html: Path = ROOT / "out" / "graph.html", png: Path = ROOT / "docs" / "graph.png") -> None:
    if not html.exists():
        sys.exit(f"{html}: run `kg build seeds` first")
    with offline_page(width=1400, height=900) as page:
        open_graph_page(page, html)
        page.evaluate("network.fit({animation: false})")
        page.screenshot(path=str(png))
        if page.kg_blocked or page.kg_errors:
            sys.exit(f"the page asked the network for {page.kg_blocked} or logged {page.kg_errors}")
    print(f"{png}")


if __name__ == "__main__":
    main()
