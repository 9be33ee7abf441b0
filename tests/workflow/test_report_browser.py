"""The report in a real browser: Debian's chromium, headless.  A self-test script added to a copy
of the report drives the page's own filters (as a user's clicks would, through change events),
opens a rule's documentation and writes what it saw into the DOM; ``--dump-dom`` returns it.
Errors and console errors are collected from the first script on, and chromium's console log
on stderr is scanned too.  Skipped, with the reason, where chromium is not installed
(``make test`` installs it when run as root)."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (as root: `make test-setup`, or apt-get install chromium)",
)

CAPTURE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push("error: " + e.message); });
(function () {
  var original = console.error;
  console.error = function () {
    window.__errors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
</script>"""

SELFTEST = """<script>
(function () {
  var out = {};
  function visible() {
    return Array.prototype.slice.call(document.querySelectorAll("article.finding"))
      .filter(function (a) { return !a.hidden && a.getClientRects().length > 0; })
      .map(function (a) {
        return a.getAttribute("data-rule") + "|" + a.getAttribute("data-severity");
      });
  }
  function choose(id, value) {
    var s = document.getElementById(id);
    s.value = value;
    s.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function visibleStories() {
    return Array.prototype.slice.call(document.querySelectorAll("section.story"))
      .filter(function (s) { return s.getClientRects().length > 0; }).length;
  }
  try {
    out.total = visible();
    out.storiesAll = visibleStories();
    choose("f-rule", "office-mismatch");
    out.byRule = visible();
    out.storiesByRule = visibleStories();
    out.shown = document.getElementById("shown").textContent;
    choose("f-rule", "");
    choose("f-severity", "warning");
    out.bySeverity = visible();
    choose("f-severity", "error");
    choose("f-outlet", "Improve the News");
    out.combined = visible();
    choose("f-severity", "");
    choose("f-outlet", "");
    out.reset = visible().length;
    document.querySelector('button.rulelink[data-rule="office-mismatch"]').click();
    var dialog = document.getElementById("ruledialog");
    out.dialogOpen = dialog.open;
    out.dialogText = dialog.textContent;
  } catch (e) {
    window.__errors.push("selftest: " + e);
  }
  out.errors = window.__errors;
  var pre = document.createElement("pre");
  pre.id = "selftest";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def report_file(cli, db_url: str, seeded: Path) -> tuple[Path, list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    r = cli("--db", db_url, "check", "--format", "json", cwd=seeded)
    assert r.code == 1, r.err
    findings = json.loads(r.out)["findings"]
    r = cli("--db", db_url, "report", "-o", "report.html", cwd=seeded)
    assert r.code == 0, r.err
    return seeded / "report.html", findings


def test_filters_hide_other_rows_and_page_has_no_errors(report_file, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report, findings = report_file
    page = report.read_text(encoding="utf-8")
    page = page.replace("<head>", "<head>\n" + CAPTURE, 1).replace(
        "</body>", SELFTEST + "\n</body>", 1
    )
    probe = tmp_path / "probe.html"
    probe.write_text(page, encoding="utf-8")
    done = chromium("--dump-dom", probe.as_uri(), profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    m = re.search(r'<pre id="selftest">(.*?)</pre>', done.stdout, re.S)
    assert m, f"self-test did not run; stdout: {done.stdout[:500]!r} stderr: {done.stderr[-1500:]}"
    seen = json.loads(htmllib.unescape(m.group(1)))

    assert seen["errors"] == []
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == [], console

    assert len(seen["total"]) == len(findings)
    assert seen["byRule"] == ["office-mismatch|error"]
    assert seen["storiesByRule"] == 1 <= seen["storiesAll"]
    assert seen["shown"] == f"1 of {len(findings)} finding(s) shown"
    warnings = [f for f in findings if f["severity"] == "warning"]
    assert len(seen["bySeverity"]) == len(warnings)
    assert all(x.endswith("|warning") for x in seen["bySeverity"])
    assert seen["combined"] == ["office-mismatch|error"]
    assert seen["reset"] == len(findings)
    assert seen["dialogOpen"] is True
    assert "terms of office" in seen["dialogText"]


def test_screenshot_renders(report_file, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report, _ = report_file
    shot = tmp_path / "report.png"
    done = chromium(
        f"--screenshot={shot}",
        "--window-size=1280,900",
        report.as_uri(),
        profile=tmp_path / "profile",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 900)
    assert len(data) > 20_000  # a rendered page, not a blank one
