"""Validation of event envelopes and payloads.

The envelope is checked against event-envelope.schema.json with the jsonschema package. A payload is
checked by the Pydantic model generated for its version (`module-contract python`, in models/), found
by the name of its schema, `<type>.v<N>.schema.json`, and returned as that model.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from models import MODELS_BY_SCHEMA

# jsonschema checks "date-time" only when rfc3339-validator is installed; the envelope's timestamp must
# be checked either way, so fall back to the standard library.
FORMATS = FormatChecker()
if "date-time" not in FORMATS.checkers:
    _ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

    @FORMATS.checks("date-time", raises=ValueError)
    def _date_time(value: object) -> bool:
        if not isinstance(value, str) or not _ISO.match(value):
            return not isinstance(value, str)
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True


class ValidationFailed(Exception):
    """An envelope or payload that does not match its schema; the message lists every issue."""


class EventValidators:
    def __init__(self, schemas: Path) -> None:
        self._folder = schemas
        self._envelope = self._load("event-envelope.schema.json")

    def envelope(self, text: str | None) -> dict:
        if text is None:
            raise ValidationFailed('message has no "envelope" field')
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            raise ValidationFailed("message is not JSON") from None
        self._check(self._envelope, value, "envelope")
        return value

    def payload(self, event_type: str, version: int, value: object) -> BaseModel:
        model = MODELS_BY_SCHEMA.get(f"{event_type}.v{version}.schema.json")
        if model is None:
            raise ValidationFailed(f"no model for {event_type}.v{version}")
        try:
            return model.model_validate(value)
        except PydanticValidationError as error:
            raise ValidationFailed(
                "; ".join(f"{'.'.join(['payload', *map(str, issue['loc'])])}: {issue['msg']}" for issue in error.errors())
            ) from None

    def _load(self, file: str) -> Draft7Validator:
        schema = json.loads((self._folder / file).read_text(encoding="utf-8"))
        return Draft7Validator(schema, format_checker=FORMATS)

    @staticmethod
    def _check(validator: Draft7Validator, value: object, part: str) -> None:
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            raise ValidationFailed("; ".join(f"{'.'.join([part, *map(str, e.absolute_path)])}: {e.message}" for e in errors))
