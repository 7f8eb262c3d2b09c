"""The model contract: JSON round trip, schema, and a parse layer that never imports Textual."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from briefing import parse_text
from briefing.model import SCHEMA_VERSION, Briefing, json_schema


def test_json_round_trip(seed_text: str) -> None:
    b = parse_text(seed_text, reference_date="2024-10-08")
    assert Briefing.model_validate_json(b.model_dump_json()) == b


def test_json_validates_against_the_published_schema(seed_text: str) -> None:
    data = json.loads(parse_text(seed_text).model_dump_json())
    jsonschema.validate(data, json_schema())
    assert data["schema_version"] == SCHEMA_VERSION


def test_required_fields_are_present(seed_text: str) -> None:
    data = json.loads(parse_text(seed_text).model_dump_json())
    for key in ("text", "title", "published", "source", "summary", "diagnostics", "actors", "quotes",
                "time_expressions", "timeline", "schema_version"):
        assert key in data


def test_parse_layer_never_imports_textual(seed_path) -> None:
    code = (
        "import sys, briefing\n"
        f"b = briefing.parse_file({str(seed_path)!r})\n"
        "from briefing.commands import parse\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_reference_date_accepts_date_strings_and_objects(seed_text: str) -> None:
    import datetime as dt

    a = parse_text(seed_text, reference_date="2024-10-08")
    b = parse_text(seed_text, reference_date=dt.date(2024, 10, 8))
    assert a == b and a.published == dt.date(2024, 10, 8)
