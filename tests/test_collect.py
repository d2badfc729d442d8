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


def test_collect_make_doc_keeps_the_article_text_as_the_doc_text(nlp):
    """`make_doc` hands the article's text on as the Doc's text (spaCy's tokenizer keeps it verbatim), so no
    stage joins the tokens again; whitespace of every kind and a cut at `max_chars` included."""
    from pipeline.engines import make_doc

    texts = ["  Two  spaces,\ttabs,\r\nand a no-break\u00a0space.  ", "A thin\u2009space\n\n\nand lines \u2028 here ",
             "", " ", *sample_texts()[:5]]
    for text in texts:
        for max_chars in (len(text), 7):
            doc = make_doc(nlp, Article("a", text), max_chars)
            assert doc.user_data[TEXT_KEY] == doc.text == text[:max_chars]
