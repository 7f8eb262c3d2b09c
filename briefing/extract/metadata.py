"""Title, outlet, byline, URL and the published (reference) date.

The reference date is, in order: the caller's `reference_date` (already on `found`), front matter
`date`, a wire dateline at the top of the text (`WASHINGTON, Oct. 8, 2024 (Reuters) —`), a labelled
date line near the top (`Published: 21 March 2025`, `**Issued:** ...`, `Posted on Tuesday, March 4, 2025`).
"""

from __future__ import annotations

import datetime as dt
import re

from ..document import Document
from ..load import front_matter_date, scalar_text
from ..model import Briefing, Diagnostic, Span
from .lexicon import MONTH_PATTERN, MONTHS

_FM_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("source", "outlet", "publisher", "publication", "site"),
    "byline": ("author", "authors", "byline", "by"),
    "url": ("url", "link", "canonical_url"),
    "date": ("date", "published", "pubdate", "published_at", "created"),
}

# Place words are any letters (TROMSØ, SÃO PAULO); that each starts upper-case is checked in code.
_PLACE_WORD = r"[^\W\d_][\w.'’\-]*"
DATELINE = re.compile(
    rf"""(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}}(?:,[ ]{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}})?)
        (?:,[ ]+(?:
             (?P<month>{MONTH_PATTERN})\.?[ ]+(?P<day>\d{{1,2}})(?:,?[ ]+(?P<year>\d{{4}}))?
           | (?P<day2>\d{{1,2}})[ ]+(?P<month2>{MONTH_PATTERN})\.?(?:[ ]+(?P<year2>\d{{4}}))?
           | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
        ))?
        [ ]?(?:\((?P<outlet>[^()\n]{{1,40}})\)[ ]?)?  # one optional space each: no backtracking on runs
        (?:—|–|--|-)[ ]""",
    re.X,
)
_BYLINE = re.compile(r"By[ ]+(?P<name>[A-Z][^\n]{1,100})$")
# A line that says when the report came out, as web pages, press releases and agency updates print it.
# "Updated" only counts when nothing says "published"; a line such as "Next update: Monday" is no label.
_DATE_LABEL = re.compile(
    rf"""^[ ]*[*_]{{0,2}}
        (?P<label>(?:first[ ])?published|issued|posted|released|dated|date|(?:last[ ])?updated)
        (?:[ ]on)?[ ]*[*_]{{0,2}}[ ]*:?[ ]*[*_]{{0,2}}[ ]*
        (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ ]+)?
        (?: (?P<month>{MONTH_PATTERN})\.?[ ]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ ]+(?P<year>\d{{4}})
          | (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ ]+(?P<month2>{MONTH_PATTERN})\.?,?[ ]+(?P<year2>\d{{4}})
          | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
        )\b""",
    re.X | re.I | re.M,
)
_LABEL_BLOCKS = 8  # only the top of the report: a date line further down is about something else


def _fm(found: dict, field: str) -> object:
    for key in _FM_KEYS[field]:
        if key in found and found[key] is not None:
            return found[key]
    return None


_MAX_DATELINE = 160


def match_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """A wire dateline at `start`: capitalised place words, then a date, an outlet or an all-caps place."""
    m = DATELINE.match(text, start, min(end, start + _MAX_DATELINE))
    if m is None or not all(w[0].isupper() for w in m["place"].replace(",", " ").split()):
        return None
    if m["outlet"] or m["month"] or m["month2"] or m["iso"] or m["place"].isupper():
        return m
    return None


def _dateline(doc: Document) -> re.Match[str] | None:
    """A dateline in one of the first prose blocks (after a headline and a byline, if any)."""
    seen = 0
    for b in doc.blocks:
        if b.kind not in ("paragraph", "blockquote", "list_item"):
            continue
        m = match_dateline(doc.text, b.content.start, b.content.end)
        if m:
            return m
        seen += 1
        if seen >= 3:
            return None
    return None


def _dateline_date(m: re.Match[str]) -> tuple[dt.date | None, bool]:
    """(date, had_month_day). A dateline without a year cannot be placed in time."""
    try:
        if m["iso"]:
            return dt.date.fromisoformat(m["iso"]), True
        month = m["month"] or m["month2"]
        if not month:
            return None, False
        day = int(m["day"] or m["day2"])
        year = m["year"] or m["year2"]
        if not year:
            return None, True
        return dt.date(int(year), MONTHS[month.lower().rstrip(".")], day), True
    except (ValueError, KeyError):
        return None, True


def _labelled_date(doc: Document) -> dt.date | None:
    """The date of a `Published: ...` line in the first blocks ("updated" only if nothing else)."""
    updated = None
    for b in doc.blocks[:_LABEL_BLOCKS]:
        if b.kind not in ("paragraph", "list_item", "blockquote"):
            continue
        for m in _DATE_LABEL.finditer(doc.text, b.content.start, b.content.end):
            date, _ = _dateline_date(m)
            if date is None:
                continue
            if "updated" not in m["label"].lower():
                return date
            updated = updated or date
    return updated


def _headline(doc: Document) -> str | None:
    for b in doc.blocks:
        if b.kind == "front_matter":
            continue
        text = doc.text[b.content.start : b.content.end]
        if b.kind == "heading":
            return text if b.level <= 2 else None
        # Plain text: a short first line without a full stop, followed by more text, is a headline.
        if (
            b.kind == "paragraph"
            and len(doc.blocks) > 1
            and "\n" not in text
            and len(text) <= 200
            and not text.rstrip("\"'”’)").endswith((".", ":", ";", ","))
            and not match_dateline(text, 0, len(text))
        ):
            return text
        return None
    return None


def run(doc: Document, found: Briefing) -> Briefing:
    fm = doc.front_matter
    diags = list(found.diagnostics)
    update: dict[str, object] = {}

    update["title"] = scalar_text(_fm(fm, "title"), 500) or _headline(doc)
    update["outlet"] = scalar_text(_fm(fm, "outlet"), 200)
    update["byline"] = scalar_text(_fm(fm, "byline"), 200)
    update["url"] = scalar_text(_fm(fm, "url"), 2000)
    used = {k for keys in _FM_KEYS.values() for k in keys}
    meta = {k: v for k, v in ((k, scalar_text(v)) for k, v in fm.items() if k not in used) if v}
    update["metadata"] = meta

    published, published_from = found.published, found.published_from
    if published is None:
        raw = _fm(fm, "date")
        if raw is not None:
            published = front_matter_date(raw)
            if published is None:
                shown = scalar_text(raw, 60)
                diags.append(Diagnostic(code="front-matter-date",
                                        message=f"front matter date {shown!r} is not a date (YYYY-MM-DD)"))
            else:
                published_from = "front_matter"

    m = _dateline(doc)
    if m is not None:
        if m["outlet"] and not update["outlet"]:
            update["outlet"] = m["outlet"].strip()
        if published is None:
            date, had = _dateline_date(m)
            if date is not None:
                published, published_from = date, "dateline"
            elif had:
                diags.append(Diagnostic(
                    level="info", code="dateline-no-year",
                    message="the dateline has no year; relative dates stay unresolved (use --date)",
                    span=Span(start=m.start(), end=m.end()),
                ))

    if published is None:
        published = _labelled_date(doc)
        if published is not None:
            published_from = "label"

    if not update["byline"]:
        for b in doc.blocks[:6]:
            bm = _BYLINE.match(doc.text, b.content.start, b.content.end)
            if bm:
                update["byline"] = bm["name"].strip()
                break

    update.update(published=published, published_from=published_from, diagnostics=diags)
    return found.model_copy(update=update)
