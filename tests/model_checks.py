"""Checks of the offsets contract on a briefing model in its JSON form (shared by the hostile tests).

`problems(data)` lists every broken promise instead of stopping at the first, so one failing case
shows everything that is wrong with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefing.extract.display import plain


def _spans(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every {start, end} object anywhere in the model, with where it sits."""
    if isinstance(node, dict):
        if set(node) == {"start", "end"} and all(isinstance(node[k], int) for k in node):
            yield path, node
            return
        for key, value in node.items():
            if key != "text":
                yield from _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, f"{path}[{i}]")


def _slice(text: str, span: dict[str, int]) -> str:
    return text[span["start"] : span["end"]]


def _inside(inner: dict[str, int], outer: dict[str, int]) -> bool:
    return outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def problems(data: dict[str, Any]) -> list[str]:
    text: str = data["text"]
    n = len(text)
    out: list[str] = []
    for where, span in _spans(data, "$"):
        if not 0 <= span["start"] <= span["end"] <= n:
            out.append(f"{where}: span {span} out of range 0..{n}")
    if out:
        return out  # slices below would be meaningless

    blocks = data["blocks"]
    for i, b in enumerate(blocks):
        if not _inside(b["content"], b["span"]):
            out.append(f"blocks[{i}]: content {b['content']} outside span {b['span']}")
    for i in range(1, len(blocks)):
        if blocks[i]["span"]["start"] < blocks[i - 1]["span"]["end"]:
            out.append(f"blocks[{i}] {blocks[i]['span']} overlaps or precedes blocks[{i - 1}] {blocks[i - 1]['span']}")
    sents = data["sentences"]
    for i in range(1, len(sents)):
        if sents[i]["span"]["start"] < sents[i - 1]["span"]["end"]:
            out.append(f"sentences[{i}] {sents[i]['span']} overlaps or precedes sentences[{i - 1}]")
    for i, s in enumerate(data["sentences"]):
        if not 0 <= s["block"] < len(blocks):
            out.append(f"sentences[{i}]: block {s['block']} does not exist")
        elif not _inside(s["span"], blocks[s["block"]]["span"]):
            out.append(f"sentences[{i}]: {s['span']} outside its block {blocks[s['block']]['span']}")
        if s["span"]["end"] <= s["span"]["start"]:
            out.append(f"sentences[{i}]: empty sentence {s['span']}")

    actor_ids = [a["id"] for a in data["actors"]]
    if len(set(actor_ids)) != len(actor_ids):
        out.append("actor ids are not unique")
    for i, q in enumerate(data["quotes"]):
        if q["text"] != _slice(text, q["span"]):
            out.append(f"quotes[{i}]: text {q['text'][:60]!r} != text[span] {_slice(text, q['span'])[:60]!r}")
        sp = q.get("speaker")
        if sp:
            if sp.get("span") and sp["text"] != _slice(text, sp["span"]):
                out.append(f"quotes[{i}].speaker: text {sp['text']!r} != text[span] {_slice(text, sp['span'])!r}")
            if sp.get("actor_id") is not None and sp["actor_id"] not in actor_ids:
                out.append(f"quotes[{i}].speaker: unknown actor {sp['actor_id']!r}")
    timex_ids = [t["id"] for t in data["time_expressions"]]
    if len(set(timex_ids)) != len(timex_ids):
        out.append("time expression ids are not unique")
    for i, t in enumerate(data["time_expressions"]):
        if t["text"] != _slice(text, t["span"]):
            out.append(f"time_expressions[{i}]: text {t['text']!r} != text[span] {_slice(text, t['span'])!r}")
        if t.get("start") and t.get("end") and t["start"] > t["end"]:
            out.append(f"time_expressions[{i}]: start {t['start']} after end {t['end']}")
    for i, e in enumerate(data["timeline"]):
        w = e["when"]
        if w.get("span") and w["text"] != _slice(text, w["span"]):
            out.append(f"timeline[{i}].when: text {w['text']!r} != text[span] {_slice(text, w['span'])!r}")
        if w.get("timex_id") is not None and w["timex_id"] not in timex_ids:
            out.append(f"timeline[{i}]: unknown time expression {w['timex_id']!r}")
        for a in e["actor_ids"]:
            if a not in actor_ids:
                out.append(f"timeline[{i}]: unknown actor {a!r}")
    markdown = data["source"]["format"] == "markdown"
    for i, s in enumerate(data["summary"]):
        # Summary text is the span's text with whitespace runs joined and inline markup left out (the
        # model promises no more); a section's items are as written.
        span_text = _slice(text, s["span"]) if s.get("span") else ""
        if s["origin"] != "section":
            span_text = plain(span_text, markdown)
        if s.get("span") and " ".join(s["text"].split()) != " ".join(span_text.split()):
            out.append(f"summary[{i}]: text {s['text'][:60]!r} != text[span] {_slice(text, s['span'])[:60]!r}")
    return out
