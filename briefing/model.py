"""The briefing model: the one contract between parsing and everything else.

Offsets contract: every `Span` is a pair of character (code point) offsets into `Briefing.text`, and
`Briefing.text` is the decoded source with newlines normalised to ``\\n``. For plain-text input that
is the input itself. Changing the shape of anything here means bumping `SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

ActorKind = Literal["person", "organization", "place", "group"]
QuoteKind = Literal["direct", "partial", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century", "time"]
BlockKind = Literal["heading", "paragraph", "list_item", "blockquote", "code", "front_matter"]
Origin = Literal["prose", "section"]


class _Model(BaseModel):
    # defer_build: pydantic builds a model's validator and serializer on first use instead of at import
    # (a third of a second for these models). The reader never validates a parsed briefing (it is built
    # from trusted values, see below), so it never pays for them; `--json` and the cache pay once.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Span(_Model):
    """Half-open character range ``[start, end)`` into `Briefing.text`."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class Diagnostic(_Model):
    level: Literal["info", "warning", "error"] = "warning"
    code: str = Field(description="Stable machine-readable reason, e.g. 'encoding-fallback'.")
    message: str
    span: Span | None = None


class SourceInfo(_Model):
    path: str | None = Field(default=None, description="Path as given; null for stdin/text input.")
    format: Literal["text", "markdown"]
    encoding: str
    size: int = Field(description="Size of the raw input in bytes.")


class Block(_Model):
    kind: BlockKind
    span: Span
    level: int = Field(default=0, description="Heading level (1-6), or nesting depth for quotes/lists.")
    content: Span = Field(description="The block's text without markup (`# `, `> `, `- `).")


class Sentence(_Model):
    span: Span
    block: int = Field(description="Index into `Briefing.blocks`.")


class SummaryItem(_Model):
    text: str
    span: Span | None = None
    origin: Literal["section", "lead", "salient"]


class Actor(_Model):
    id: str
    name: str = Field(description="Canonical (fullest) name.")
    kind: ActorKind
    titles: list[str] = Field(default_factory=list)
    affiliation: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    salience: float = 0.0
    description: str | None = Field(default=None, description="From an explicit `## Actors` entry.")
    origin: Origin = "prose"


class Speaker(_Model):
    text: str = Field(description="The speaker as written: a name, a pronoun, 'one of the officials'.")
    span: Span | None = None
    actor_id: str | None = None
    anonymous: bool = False


class Quote(_Model):
    id: str
    text: str
    span: Span
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: str | None = Field(default=None, description="The reporting verb: 'said', 'told'.")
    addressee: str | None = None
    medium: str | None = Field(default=None, description="Where it was said, e.g. an outlet.")
    sentence: Span | None = None
    origin: Origin = "prose"


class TimeExpression(_Model):
    id: str
    text: str
    span: Span
    type: TimexType
    value: str = Field(description="TIMEX3 value: 2024-10-08, 2024-W40, 2024-09, P21D, PAST_REF, XXXX-07...")
    start: dt.date | None = Field(default=None, description="First day of the resolved range.")
    end: dt.date | None = Field(default=None, description="Last day of the resolved range.")
    granularity: Granularity | None = None
    relative: bool = Field(default=False, description="Written relative to the reference date.")


class EventTime(_Model):
    timex_id: str | None = None
    text: str
    span: Span | None = None
    value: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity | None = None
    relative: bool = False


class Event(_Model):
    id: str
    when: EventTime
    description: str
    actor_ids: list[str] = Field(default_factory=list)
    span: Span = Field(description="The sentence or clause the event comes from.")
    origin: Origin = "prose"


class Briefing(_Model):
    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="sha256 of the decoded text, first 16 hex digits.")
    source: SourceInfo
    title: str | None = None
    published: dt.date | None = None
    published_from: Literal["option", "front_matter", "dateline", "label"] | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict, description="Other front matter, as text.")
    text: str
    blocks: list[Block] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    summary: list[SummaryItem] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    time_expressions: list[TimeExpression] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, if any."""
        if actor_id is None:
            return None
        return next((a for a in self.actors if a.id == actor_id), None)


_M = TypeVar("_M", bound=BaseModel)


def json_schema() -> dict:
    return Briefing.model_json_schema()


# --- trusted construction ------------------------------------------------------------------------
# Extraction builds hundreds of thousands of small models from values it computed itself (offsets,
# dates, ids). Validating them again costs more than the rest of some steps, and pydantic's
# `model_construct` loops over the fields in Python. These build the same instances with no checks,
# only for values the code made itself. The fields are set one by one, always in field order (the
# order the JSON output follows): instances of a class then share one table of keys (CPython's
# key-sharing dicts), which takes a 5 MB report's model from about 200 MB to about 120 MB.

_new = object.__new__
_setattr = object.__setattr__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__  # type: ignore[index]
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__  # type: ignore[index]
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__  # type: ignore[index]
# Every field counts as set. One set per class is shared: pydantic only ever `add`s a field name to it
# (assignment to a field), which is a no-op when all names are in it already.
_SPAN_SET = set(Span.model_fields)
_SENTENCE_SET = set(Sentence.model_fields)
_BLOCK_SET = set(Block.model_fields)


def span(start: int, end: int) -> Span:
    """A `Span` from trusted offsets (no validation). Unrolled: the most numerous object of a model."""
    m = _new(Span)
    _setattr(m, "start", start)
    _setattr(m, "end", end)
    _set_fields_set(m, _SPAN_SET)
    _set_extra(m, None)
    _set_private(m, None)
    return m


def _finish(m: _M, fields: set[str]) -> _M:
    """Pydantic's own attributes of an instance whose fields are all set."""
    _set_fields_set(m, fields)
    _set_extra(m, None)
    _set_private(m, None)
    return m


def sentence(start: int, end: int, block: int) -> Sentence:
    m = _new(Sentence)
    _setattr(m, "span", span(start, end))
    _setattr(m, "block", block)
    return _finish(m, _SENTENCE_SET)


def block(kind: str, span_: Span, level: int, content: Span) -> Block:
    m = _new(Block)
    _setattr(m, "kind", kind)
    _setattr(m, "span", span_)
    _setattr(m, "level", level)
    _setattr(m, "content", content)
    return _finish(m, _BLOCK_SET)


def trusted(cls: type[_M]) -> Callable[..., _M]:
    """A keyword constructor for `cls` that fills defaults (a fresh list for list fields) and skips
    validation. Every value passed must already have its field's type; unknown names are a bug.

    The constructor is generated source (one assignment per field, in field order), so that building
    an instance costs no loop and no dictionary of arguments."""
    fields = cls.model_fields
    namespace: dict[str, Any] = {"_new": _new, "_setattr": _setattr, "_set_fields_set": _set_fields_set,
                                 "_set_extra": _set_extra, "_set_private": _set_private, "_cls": cls,
                                 "_names": set(fields), "_MISSING": _MISSING}
    params: list[str] = []
    body: list[str] = []
    for name, f in fields.items():
        if f.default_factory is not None:
            namespace[f"_factory_{name}"] = f.default_factory
            params.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING:\n        {name} = _factory_{name}()")
        else:
            namespace[f"_default_{name}"] = None if f.is_required() else f.default
            params.append(f"{name}=_default_{name}")
        body.append(f"    _setattr(m, {name!r}, {name})")
    source = (f"def trusted_{cls.__name__}(*, {', '.join(params)}):\n    m = _new(_cls)\n" + "\n".join(body)
              + "\n    _set_fields_set(m, _names)\n    _set_extra(m, None)\n    _set_private(m, None)\n    return m\n")
    exec(source, namespace)  # built from the model's own field names
    return namespace[f"trusted_{cls.__name__}"]  # type: ignore[no-any-return]


_MISSING: Any = object()
