"""Short constructors for the model types the quotes step builds (Span, Speaker, Quote).

Everything they receive was computed by the step itself (offsets into the text, slices of it), so
they skip validation (see `model.trusted`).
"""

from __future__ import annotations

from ..model import Quote, QuoteKind, Span, Speaker, trusted
from ..model import span as span

_speaker = trusted(Speaker)
_quote = trusted(Quote)


def speaker(text: str, at: Span | None, actor_id: str | None = None, anonymous: bool = False) -> Speaker:
    return _speaker(text=text, span=at, actor_id=actor_id, anonymous=anonymous)


def quote(text: str, at: Span, kind: QuoteKind, who: Speaker | None, *, cue: str | None = None,
          addressee: str | None = None, medium: str | None = None, sentence: Span | None = None,
          origin: str = "prose") -> Quote:
    return _quote(id="", text=text, span=at, kind=kind, speaker=who, cue=cue, addressee=addressee, medium=medium,
                  sentence=sentence, origin=origin)
