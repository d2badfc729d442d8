"""Records stage: the mention rows carry exactly what the components put on the spans."""
from __future__ import annotations

from conftest import sample_texts
from pipeline.collect import collect
from pipeline.extensions import MENTION_FIELDS, TEXT_KEY, doc_text
from pipeline.records import Article


def test_collect_mention_fields_are_the_span_extension_values(nlp):
    """collect reads extension values straight from Doc.user_data; spaCy's own `span._` must agree."""
    checked = 0
    for number, text in enumerate(t for t in sample_texts() if t.strip()):
        doc = nlp(text)
        rows = {(m.start_char, m.end_char, m.label): m for m in collect(doc, Article(f"a{number}", text)).mentions}
        for span in [*doc.ents, *doc.spans["law"]]:
            row = rows[(span.start_char, span.end_char, span.label_)]
            through_spacy = {name: getattr(span._, name) for name in MENTION_FIELDS}
            through_spacy["value"] = through_spacy.pop("timex_value")
            assert {name: getattr(row, name) for name in through_spacy} == through_spacy
            checked += 1
    assert checked > 100


def test_collect_doc_text_is_built_once_and_equals_doc_text(nlp):
    doc = nlp("The judge ruled on Friday.")
    assert doc_text(doc) == doc.text == doc.user_data[TEXT_KEY]
    doc.user_data[TEXT_KEY] = "cached"
    assert doc_text(doc) == "cached"
