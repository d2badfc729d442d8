"""HTML pages: the main text, title, date and site through trafilatura, after the page is made
safe to extract from (non-text elements removed, literal ampersands masked)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import RejectReason
from ..records import Reject
from .decode import decode_bytes, safe_str
from .limits import DEFAULT_LIMITS, IngestLimits
from .streams import Oversized, Raw, read_capped_file

__all__ = ["read_html", "html_to_record", "html_record"]

_AMP = "\u27e6amp\u27e7"  # "⟦amp⟧" stands for "&" while trafilatura runs, which unescapes its output again
_INERT_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg",
               "math", "canvas", "textarea", "select")


def _html_tree(html: str):
    """The page parsed, with scripts, styles, comments and other non-text elements removed and
    every literal "&" masked, so displayed text like "&lt;script&gt;" is not decoded twice."""
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, remove_blank_text=False)
    tree = document_fromstring(html.replace(_AMP, "").encode("utf-8", "replace"), parser=parser)
    etree.strip_elements(tree, *_INERT_TAGS, with_tail=False)
    for element in tree.iter():
        if element.text:
            element.text = element.text.replace(_AMP, "").replace("&", _AMP)
        if element.tail:
            element.tail = element.tail.replace(_AMP, "").replace("&", _AMP)
        for name, value in element.attrib.items():
            element.attrib[name] = value.replace(_AMP, "").replace("&", _AMP)
    return tree


def html_to_record(html: str, url: str | None = None,
                   max_elements: int = DEFAULT_LIMITS.max_html_elements) -> dict[str, Any] | None:
    """Main text, title, date and site of a news page through trafilatura; None if it has no article.
    Raises `Oversized` for a page with more than `max_elements` elements."""
    import trafilatura

    def unmask(value: Any) -> Any:
        return value.replace(_AMP, "&") if isinstance(value, str) else value

    tree = _html_tree(html)
    elements = sum(1 for _ in tree.iter())
    if elements > max_elements:
        raise Oversized(elements)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return None
    text, title = unmask(doc.text), unmask(doc.title)
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]
    return {"text": text, "title": title, "published_at": unmask(doc.date), "source": unmask(doc.sitename),
            "url": unmask(doc.url) or url}


def html_record(html: str, path: Path, number: int, url: str | None, record_id: str | None,
                 limits: IngestLimits) -> Raw | Reject:
    if not html.strip():
        return Reject(str(path), number, RejectReason.NO_MAIN_TEXT.value, f"empty page: {url or path.name}", record_id)
    try:
        record = html_to_record(html, url=url, max_elements=limits.max_html_elements)
    except Oversized as err:
        return Reject(str(path), number, RejectReason.RECORD_TOO_LARGE.value,
                      safe_str(f"page with {err.size} elements, cap {limits.max_html_elements}: {url or path.name}"),
                      record_id)
    except Exception as err:  # noqa: BLE001 - lxml/trafilatura on hostile markup: this page is lost, not the run
        return Reject(str(path), number, RejectReason.HTML_PARSE_FAILED.value,
                      safe_str(f"{type(err).__name__}: {err}"), record_id)
    if record is None:
        return Reject(str(path), number, RejectReason.NO_MAIN_TEXT.value,
                      safe_str(f"no article text: {url or path.name}"), record_id)
    return number, record


def read_html(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    data = read_capped_file(path, limits)
    if isinstance(data, Reject):
        yield data
        return
    item = html_record(decode_bytes(data), path, 1, None, path.stem, limits)
    if not isinstance(item, Reject):
        item[1]["id"] = path.stem
    yield item
