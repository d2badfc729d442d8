"""Bytes to text: charset detection with a Windows-1252 fallback, binary detection, and the
text cleaning every later offset indexes into."""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

import ftfy

from .limits import DETAIL_CHARS

__all__ = ["decode_bytes", "looks_binary_bytes", "looks_binary", "clean_text", "safe_str", "CONTROL", "SURROGATE"]

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ\x90\x00",
                 b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC")

# ftfy repairs mojibake, surrogates and odd line breaks, but must not change what the source
# says: no HTML unescaping (trafilatura already decoded the page once), no quote or width folding.
_FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_character_width=False,
                             fix_latin_ligatures=False, normalization="NFC", explain=False)


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252, so a file mixing both keeps every character."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("legalnews-cp1252", _cp1252_fallback)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text has a NUL in nearly every other byte (Latin script), on one side only."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """UTF-8 where valid and Windows-1252 for the bytes that are not (mixed dumps are common);
    UTF-16 (with or without a byte-order mark) and a declared charset are honoured."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace")
    if charset:
        try:
            if codecs.lookup(charset).name not in ("utf-8", "ascii", "cp1252", "latin-1", "iso8859-1"):
                return data.decode(charset, errors="replace")
        except LookupError:
            pass
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="legalnews-cp1252")


def looks_binary_bytes(data: bytes) -> bool:
    """A file signature, or many control bytes / invalid UTF-8 sequences in the first 8 KB."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:8192]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(sample):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    invalid = sample.decode("utf-8", errors="replace").count("\ufffd")
    return controls / len(sample) > 0.05 or (controls + invalid) / len(sample) > 0.3


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # category Cc but tab and newlines
_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # categories are looked up only for these
_UNPRINTABLE = ("Cc", "Co", "Cn", "Cs")


def looks_binary(text: str) -> bool:
    """Text that is mostly replacement characters or unprintables is a decoded binary blob."""
    sample = text[:4096]
    if not sample:
        return False
    bad = len(_ASCII_CONTROL.findall(sample)) + sum(
        1 for ch in _NON_ASCII.findall(sample) if ch == "\ufffd" or unicodedata.category(ch) in _UNPRINTABLE)
    return bad > 8 and bad / len(sample) > 0.1


def clean_text(text: str) -> str:
    """Mojibake repaired, NFC, unified newlines, control characters and lone surrogates removed;
    offsets in every later table index into this string."""
    text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", SURROGATE.sub("\ufffd", text))
    return unicodedata.normalize("NFC", text).strip()


def safe_str(value: Any, limit: int = DETAIL_CHARS) -> str:
    """Any value as a short string that every writer can encode (no controls, no lone surrogates)."""
    try:
        text = value if isinstance(value, str) else str(value)
    except ValueError:  # e.g. an int beyond Python's digit limit
        text = f"<{type(value).__name__}>"
    text = text[:limit * 2]
    return CONTROL.sub("", SURROGATE.sub("\ufffd", text)).strip()[:limit]
