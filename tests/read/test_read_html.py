"""HTML pages through trafilatura: main text, comments, meta tags."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from ledger.read import ReadError, read_file

PARAS = [
    "HONG KONG — China has declined a request from the U.S. for a meeting between the "
    "countries' defense chiefs, the Defense Department said late Monday.",
    "The Pentagon had suggested a meeting between Defense Secretary Lloyd Austin and Chinese "
    "Defense Minister Li Shangfu on the sidelines of the Shangri-La Dialogue.",
    "Washington has been seeking to restore high-level communications with Beijing as both "
    "sides signal a willingness to ease tensions.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<title>China rejects request | NBC News</title>
<meta property="og:title" content="China rejects U.S. request for a meeting">
<meta property="og:site_name" content="NBC News">
<meta name="author" content="Jennifer Jett">
<meta property="article:published_time" content="2023-05-30T10:00:00Z">
<link rel="canonical" href="https://www.nbcnews.com/news/china-rejects">
</head><body>
<nav>Home | World | Politics</nav>
<article><h1>China rejects U.S. request for a meeting</h1>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<div id="comments" class="comments"><h3>Comments</h3>
<p>This is a reader comment that is long enough to be kept by the extractor.</p></div>
<footer>Copyright 2023 NBC</footer>
</body></html>
"""


def test_html_text_meta_and_comments(tmp_path, tiles):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    (doc,) = read_file(p)
    assert doc.title == "China rejects U.S. request for a meeting"
    assert doc.source == "NBC News"
    assert doc.author == "Jennifer Jett"
    assert doc.url == "https://www.nbcnews.com/news/china-rejects"
    assert doc.published == dt.date(2023, 5, 30) and doc.date_method == "html meta"
    assert doc.lang == "en-US"
    for para in PARAS:
        assert para in doc.text
    assert "Home | World" not in doc.text
    tiles(doc)
    austin = doc.text.index("Lloyd Austin")
    assert doc.section_at(austin) == "body"
    comment = doc.text.index("This is a reader comment")
    assert doc.section_at(comment) == "comments"


def test_htm_without_text_is_an_error(tmp_path):
    p = tmp_path / "empty.htm"
    p.write_text("<html><head><title>T</title></head><body> </body></html>", encoding="utf-8")
    try:
        read_file(p)
    except ReadError as e:
        assert e.path.endswith("empty.htm")
        assert "no article text" in e.message
    else:
        raise AssertionError("expected a ReadError")


def test_declared_charset_is_used(tmp_path):
    p = tmp_path / "latin.html"
    body = "".join(f"<p>{para.replace('—', '-')} Café.</p>" for para in PARAS)
    html = f'<html><head><meta charset="iso-8859-1"></head><body><article>{body}</article>'
    p.write_bytes(html.encode("latin-1"))
    (doc,) = read_file(p)
    assert "Café." in doc.text


def test_importing_the_package_is_cheap():
    code = (
        "import sys, ledger.read; "
        "print(','.join(m for m in ('trafilatura', 'dateparser', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


POSITIONED = """<!DOCTYPE html>
<html><head><title>Austin snubbed | Wire</title>
<meta property="article:published_time" content="2023-05-30"></head>
<body><nav>Home</nav>
<article>
  <h1>Austin snubbed in Singapore</h1>
  <p>AT&amp;T and <a href="/x">the  Pentagon</a> said on Monday that
     Defense Secretary Lloyd Austin would still attend the Shangri-La Dialogue next month.</p>
  <!-- ledger-ignore house-style -->
  <p>US Sec. of State Lloyd Austin was rebuffed by the Chinese side at the forum, an official said.</p>
</article></body></html>
"""


def _page_position(page: str, needle: str) -> tuple[int, int]:
    at = page.index(needle)
    line = page.count("\n", 0, at) + 1
    return line, at - (page.rfind("\n", 0, at) + 1) + 1


def test_positions_refer_to_the_page_not_the_extracted_text(tmp_path):
    from ledger.model import Span

    p = tmp_path / "page.html"
    p.write_text(POSITIONED, encoding="utf-8")
    (doc,) = read_file(p)
    for needle in ("Austin snubbed in", "Pentagon", "Monday", "Lloyd Austin would", "Sec. of State", "rebuffed"):
        i = doc.text.index(needle)
        span = Span.of(doc, i, i + len(needle))
        line, col = _page_position(POSITIONED, needle)
        assert (span.line, span.column, span.end_line, span.end_column) == (line, col, line, col + len(needle)), needle
    # a headline without a full stop ends its sentence: paragraphs are apart in the text
    assert "Singapore\n\n" in doc.text


def test_ledger_ignore_comments_of_a_page_are_kept_at_their_lines(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(POSITIONED, encoding="utf-8")
    (doc,) = read_file(p)
    line, col = _page_position(POSITIONED, "<!-- ledger-ignore")
    assert doc.directives == [[line, col, col + len("<!-- ledger-ignore house-style -->"), ["house-style"], False,
                               line + 1, "<!-- ledger-ignore house-style -->"]]
    (plain,) = read_file(_write(tmp_path / "plain.html", POSITIONED.replace("<!-- ledger-ignore house-style -->", "")))
    assert plain.directives is None and plain.content_hash != doc.content_hash  # a new comment: a new revision


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path
