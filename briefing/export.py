"""Render a Briefing as a structured markdown briefing (the format `extract/sections.py` reads back)."""

from __future__ import annotations

from .model import Briefing, Quote


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _front_matter(b: Briefing) -> str:
    import yaml

    fields = {
        "title": b.title,
        "date": b.published.isoformat() if b.published else None,
        "source": b.outlet,
        "author": b.byline,
        "url": b.url,
    }
    data = {k: v for k, v in fields.items() if v}
    if not data:
        return ""
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"


def to_markdown(b: Briefing) -> str:
    out = [_front_matter(b)]
    if b.title:
        out.append(f"# {_one_line(b.title)}\n\n")
    names = {a.id: a.name for a in b.actors}
    if b.summary:
        out.append("## Summary\n\n")
        out += [f"- {_one_line(s.text)}\n" for s in b.summary]
        out.append("\n")
    if b.actors:
        out.append("## Actors\n\n")
        for a in b.actors:
            details = "; ".join(x for x in (", ".join(a.titles), a.affiliation or "", a.description or "") if x)
            out.append(f"- **{_one_line(a.name)}** ({a.kind})" + (f" — {_one_line(details)}" if details else "") + "\n")
        out.append("\n")
    def speaker(q: Quote) -> str:
        if q.speaker is None:
            return ""
        return _one_line(names.get(q.speaker.actor_id or "", "") or q.speaker.text)

    quoted = [q for q in b.quotes if q.kind != "indirect"]
    if quoted:
        out.append("## Quotes\n\n")
        for q in quoted:
            who = speaker(q)
            out.append(f'- "{_one_line(q.text)}"' + (f" — {who}" if who else "") + "\n")
        out.append("\n")
    # Reported speech is not a quotation: it gets its own (unstructured) section, so a re-parse
    # does not turn it into quotes.
    reported = [q for q in b.quotes if q.kind == "indirect"]
    if reported:
        out.append("## Reported statements\n\n")
        for q in reported:
            who = speaker(q) or "someone"
            lead = f"According to {who}" if q.cue == "according to" else f"{who} {q.cue or 'said'}"
            out.append(f"- {lead}: {_one_line(q.text)}\n")
        out.append("\n")
    if b.timeline:
        out.append("## Timeline\n\n")
        for e in b.timeline:
            when = e.when.start.isoformat() if e.when.start and e.when.granularity == "day" else e.when.value
            if when.startswith("X") or when.endswith("_REF"):
                when = e.when.text
            out.append(f"- **{_one_line(when)}** — {_one_line(e.description)}\n")
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"
