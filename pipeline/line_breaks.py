"""Sentence starts at line breaks the parser would run across: a headline or subheading and the
paragraph after it, a paragraph that ends a sentence and the next.

News dumps keep a story's headline as its first line and paragraphs one to a line, often without
final punctuation on headings ("Man jailed over Dublin stabbing", "Sentencing"). The parser reads
a heading and the next sentence as one, so the heading's subject becomes the next verb's subject
and a quotation's modality leaks into the next paragraph. This component runs before the parser
and marks the first token of a line as a sentence start when the line before ended a sentence, a
blank line separates them, or the line before is a short heading followed by a whole paragraph (a
line that ends a sentence); the parser keeps those starts. A line broken inside a sentence
(hard-wrapped text: "the U.S.\\nDistrict Court had erred, and the judge\\nordered") is left alone: it
ends in no sentence-final punctuation, and the line after it does not end one either.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import doc_text

__all__ = ["LineBreaks", "make_line_breaks", "heading", "dateline_words"]

SENTENCE_FINAL = {".", "!", "?", "…", "\"", "”", "'", "’", ")"}  # what ends a sentence, closing quotes included


class LineBreaks:
    """Marks sentence starts at line breaks; see the module docstring for which."""

    def __init__(self, name: str, final_punctuation: list[str], closing: list[str], max_heading_tokens: int,
                 dashes: list[str], max_dateline_tokens: int):
        self.name = name
        self.final = frozenset(final_punctuation)
        self.closing = frozenset(closing)
        self.max_heading_tokens = max_heading_tokens
        self.dashes = frozenset(dashes)
        self.max_dateline_tokens = max_dateline_tokens

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        lines = self.lines(doc)
        if lines:
            self.keep_dateline(doc, lines[0])
        if "\n" not in text:
            return doc
        for index, (before, after) in enumerate(zip(lines, lines[1:])):
            first = doc[after[0]]
            if blank_between(doc, text, before, after) or self.ends_sentence(doc, before) or (
                    self.is_heading(doc, text, lines, index) and starts_like_sentence(first)
                    and self.ends_sentence(doc, after)):
                first.is_sent_start = True
                self.keep_dateline(doc, after)
        return doc

    def keep_dateline(self, doc: Doc, line: tuple[int, int]) -> None:
        """A dateline opening the line ("KUALA LUMPUR, Nov 24 ―", "MANILA —") stays in one sentence with
        the lead it introduces: with the headline set apart, the parser would cut it off."""
        first, last = line
        dash = next((i for i in range(first + 1, min(last, first + self.max_dateline_tokens) + 1)
                     if doc[i].text in self.dashes and doc[i - 1].whitespace_), None)  # not "Anti-Terrorism"
        if dash is None or not doc[first].is_alpha or dash + 1 > last or not dateline_words(doc[first:dash]):
            return
        for i in range(first + 1, dash + 2):
            doc[i].is_sent_start = False

    @staticmethod
    def lines(doc: Doc) -> list[tuple[int, int]]:
        """(first, last) token index of each line that holds a word."""
        found, start = [], None
        for tok in doc:
            if tok.is_space:
                continue
            if start is None:
                start = tok.i
            following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if "\n" in tok.whitespace_ or following is not None and following.is_space and "\n" in following.text:
                found.append((start, tok.i))
                start = None
        if start is not None:
            found.append((start, len(doc) - 1))
        return found

    def ends_sentence(self, doc: Doc, line: tuple[int, int]) -> bool:
        last = line[1]
        while last > line[0] and doc[last].text in self.closing:
            last -= 1
        return doc[last].text in self.final

    def is_heading(self, doc: Doc, text: str, lines: list[tuple[int, int]], index: int) -> bool:
        """A short line with no sentence-final punctuation that opens the text or follows a finished
        sentence or a blank line."""
        line = lines[index]
        first, last = line
        if last - first + 1 > self.max_heading_tokens or any(doc[i].text in self.final for i in range(first, last + 1)):
            return False
        if index == 0:
            return True
        previous = lines[index - 1]
        return self.ends_sentence(doc, previous) or blank_between(doc, text, previous, line)


def dateline_words(tokens) -> bool:
    """Words a dateline is written in: a place in capitals first, then capitals, title-case words, a date
    and punctuation ("KUALA LUMPUR, Nov 24", "LAGOS, Nigeria (West Africa Wire)")."""
    return len(tokens) > 0 and tokens[0].is_upper \
        and all(t.is_upper or t.is_title or t.is_punct or t.like_num for t in tokens)


def blank_between(doc: Doc, text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A blank line between two lines: a paragraph break."""
    return text.count("\n", doc[before[1]].idx + len(doc[before[1]]), doc[after[0]].idx) > 1


def heading(sent: Span) -> bool:
    """A line of its own with no sentence-final punctuation: a headline or a subheading.

    Only its first and last words are read, found from each end past line breaks: the events stage
    asks this of the sentence of every trigger candidate, and most sentences are long."""
    doc = sent.doc
    first, last = sent.start, sent.end - 1
    while first <= last and doc[first].is_space:
        first += 1
    while last > first and doc[last].is_space:
        last -= 1
    if first > last or doc[last].text in SENTENCE_FINAL:
        return False
    text = doc_text(doc)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def starts_like_sentence(tok: Token) -> bool:
    """A capital, a digit or an opening quotation mark."""
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text[:1] in "\"'“‘"


@Language.factory("legalnews_line_breaks", default_config={
    "final_punctuation": [".", "!", "?", "…"],
    "closing": ["\"", "'", "”", "’", ")", "]"],
    "max_heading_tokens": 20,
    "dashes": ["—", "–", "―", "-", "--"],
    "max_dateline_tokens": 12,
})
def make_line_breaks(nlp: Language, name: str, final_punctuation: list[str], closing: list[str],
                     max_heading_tokens: int, dashes: list[str], max_dateline_tokens: int) -> LineBreaks:
    return LineBreaks(name, final_punctuation, closing, max_heading_tokens, dashes, max_dateline_tokens)
