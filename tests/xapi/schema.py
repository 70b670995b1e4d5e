"""The xAPI statement JSON Schema (schemas/tincan-1.0.1, see schemas/README.md) as a jsonschema validator."""

import json
import re
from functools import cache
from pathlib import Path

from jsonschema import Draft4Validator, FormatChecker

SCHEMAS = Path(__file__).resolve().parent / "schemas"


@cache
def statement_validator() -> Draft4Validator:
    """Every object schema under one root, keyed by its id (as TinCanSchema's npm/prepublish.js combines
    them), with the formats its formats.json defines."""
    folder = SCHEMAS / "tincan-1.0.1"
    root = {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object", "properties": {}}
    for path in sorted(folder.glob("*.json")):
        schema = json.loads(path.read_text())
        schema.pop("$schema", None)
        root["properties"][schema["id"][1:]] = schema
    checker = FormatChecker(formats=())
    for name, pattern in json.loads((folder / "formats" / "formats.json").read_text()).items():
        compiled = re.compile(pattern)
        checker.checks(name)(
            lambda value, compiled=compiled: not isinstance(value, str) or bool(compiled.match(value))
        )
    return Draft4Validator({**root, "$ref": "#statement"}, format_checker=checker)


def statement_errors(statement: dict) -> list[str]:
    return [
        f"{'/'.join(map(str, error.path))}: {error.message}"
        for error in statement_validator().iter_errors(statement)
    ]
