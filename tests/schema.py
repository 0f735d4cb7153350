"""Validation of outputs against the published JSON Schema."""
from __future__ import annotations

import json
from importlib.resources import files

import jsonschema

SCHEMA = json.loads(files("newsclip").joinpath("schema/article.schema.json").read_text(encoding="utf-8"))
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def validate(data: dict) -> None:
    _VALIDATOR.validate(data)
