#!/usr/bin/env python3
"""Opens a report page in headless Chromium (Selenium) at each width given and checks every chart: the drawing stays
inside the page (no sideways scrolling), every bar and every text drawn stays inside its own box (measured with the
fonts Chromium uses: getBBox against the viewBox), and its figures are in a table. Saves a screenshot of each
chart per width when --shots DIR is given. Prints one JSON object; exits 1 on any problem.
Usage: scripts/check-charts.py PAGE.html [--widths 320,390] [--shots DIR]
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

args = sys.argv[1:]
page = os.path.abspath(args[0])
widths = [int(w) for w in (args[args.index("--widths") + 1] if "--widths" in args else "320,390").split(",")]
shots = args[args.index("--shots") + 1] if "--shots" in args else None

MEASURE = """
const out = [];
for (const svg of document.querySelectorAll('figure svg')) {
  const vb = svg.viewBox.baseVal, r = svg.getBoundingClientRect();
  const parts = [...svg.querySelectorAll('text, rect')].map(e => {
    const b = e.getBBox();
    return {tag: e.tagName, text: e.textContent, right: b.x + b.width, bottom: b.y + b.height};
  });
  const table = svg.closest('figure').querySelector('table');
  out.push({caption: svg.closest('figure').querySelector('figcaption').textContent, viewBox: [vb.width, vb.height],
            left: r.left, right: r.right, width: r.width, parts: parts,
            rows: table ? table.querySelectorAll('tbody tr').length : 0, bars: svg.querySelectorAll('rect').length});
}
return {charts: out, viewport: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth};
"""

options = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1"]:
    options.add_argument(a)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
problems, results = [], []
try:
    for width in widths:
        # The window's inner width is what CSS sees; set the window so that the viewport is `width` wide.
        driver.set_window_size(width + 200, 1200)
        inner = driver.execute_script("return window.innerWidth")
        driver.set_window_size(width + 200 + (width - inner), 1200)
        driver.get("file://" + page)
        got = driver.execute_script(MEASURE)
        got["width"] = width
        results.append(got)
        if got["viewport"] != width:
            problems.append(f"{width}px: the viewport is {got['viewport']}px")
        if not got["charts"]:
            problems.append(f"{width}px: no chart on the page")
        for i, c in enumerate(got["charts"]):
            name = f"{width}px, {c['caption']}"
            if c["right"] > got["viewport"] + 0.5 or c["left"] < -0.5:
                problems.append(f"{name}: the drawing spans {c['left']:.0f}–{c['right']:.0f}px of a {got['viewport']}px page")
            if not c["viewBox"][0]:
                problems.append(f"{name}: no viewBox, so the drawing cannot scale")
                continue
            for p in c["parts"]:
                if p["right"] > c["viewBox"][0] + 0.5 or p["bottom"] > c["viewBox"][1] + 0.5:
                    problems.append(f"{name}: <{p['tag']}> {p['text']!r} ends at {p['right']:.1f},{p['bottom']:.1f} outside {c['viewBox']}")
            if c["rows"] != c["bars"]:
                problems.append(f"{name}: {c['bars']} bars but {c['rows']} rows of figures")
            if shots:
                os.makedirs(shots, exist_ok=True)
                element = driver.find_elements(By.CSS_SELECTOR, "figure")[i]
                element.screenshot(os.path.join(shots, f"chart-{i + 1}-{width}px.png"))
        if got["scrollWidth"] > got["viewport"]:
            problems.append(f"{width}px: the page scrolls sideways ({got['scrollWidth']}px)")
finally:
    driver.quit()
print(json.dumps({"results": results, "problems": problems}))
sys.exit(1 if problems else 0)
