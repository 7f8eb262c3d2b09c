"""Short constructors for the model types the quotes step builds (Span, Speaker, Quote).

They validate as usual: pydantic's validation runs in compiled code and is faster than
`model_construct` for models this small.
"""

from __future__ import annotations

from ..model import Quote, QuoteKind, Span, Speaker


def span(start: int, end: int) -> Span:
    return Span(start=start, end=end)


def speaker(text: str, at: Span | None, actor_id: str | None = None, anonymous: bool = False) -> Speaker:
    return Speaker(text=text, span=at, actor_id=actor_id, anonymous=anonymous)


def quote(text: str, at: Span, kind: QuoteKind, who: Speaker | None, *, cue: str | None = None,
          addressee: str | None = None, medium: str | None = None, sentence: Span | None = None,
          origin: str = "prose") -> Quote:
    return Quote(id="", text=text, span=at, kind=kind, speaker=who, cue=cue, addressee=addressee, medium=medium,
                 sentence=sentence, origin=origin)  # type: ignore[arg-type]
