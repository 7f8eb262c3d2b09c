"""`briefing schema`: print the briefing model's JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Sequence

from . import add_output_option, emit, parser


def main(argv: Sequence[str]) -> int:
    p = parser("schema", "Print the JSON Schema of the briefing model (draft 2020-12).")
    add_output_option(p)
    args = p.parse_args(argv)
    from ..model import json_schema

    return emit(json.dumps(json_schema(), indent=2) + "\n", args.output)
