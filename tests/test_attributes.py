"""The fast attribute ruler and the cached lemmatizer must leave every token exactly as the model's own
AttributeRuler and Lemmatizer do."""
from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from conftest import sample_texts
from pipeline.attributes import FastAttributeRuler, compile_token, swap_attribute_ruler
from pipeline.config import Settings
from pipeline.lemmatizer import CachedLemmatizer, swap_lemmatizer

# Sentences that reach the ruler's rarer rules: contractions and multi-token lemmas ("gon na",
# "y' all", "ai n't"), regex lemmas ("nothin'"), expletive "there is", pronoun case, auxiliaries
# used as main verbs, determiners used as pronouns, whitespace tokens.
RARE_RULES = [
    "Y'all ain't gonna believe it: the clerk said there is nothin' in the file.",
    "The judge told him she'd seen it, and he gave it to you and me; I did.",
    "Let's c'mon, he's gotta go.  They have their papers, that's all; those were denied.",
    "Whether or not ICE has the authority, the lawyers did what they had to do.\n\nThis is that.",
    "Mr. O'Neil's appeal wasn't heard; it's gone to the 9th Cir. and won't be back.",
]


def token_attributes(docs) -> list[list[tuple]]:
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc] for doc in docs]


@pytest.fixture(scope="module")
def twins():
    """The model as shipped, and the same model with both twins swapped in."""
    shipped = spacy.load(Settings.model)
    fast = spacy.load(Settings.model)
    assert swap_attribute_ruler(fast)
    assert swap_lemmatizer(fast)
    return shipped, fast


def test_attributes_fast_ruler_gives_the_models_own_annotations(twins):
    shipped, fast = twins
    texts = RARE_RULES + sample_texts()
    assert len(texts) > 15
    assert token_attributes(fast.pipe(texts)) == token_attributes(shipped.pipe(texts))


def test_attributes_rare_rules_are_really_exercised(twins):
    shipped, _ = twins
    lemmas = {t.lemma_ for doc in shipped.pipe(RARE_RULES) for t in doc}
    assert {"nothing", "go", "be", "you"} <= lemmas


PIECES = [*"abnotuy' \n.,-", "gon", "na", "ai", "n't", "there", "is", " I ", "it", "Let", "'s", "do", "that"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join))
def test_attributes_fast_ruler_agrees_on_random_text(twins, text):
    shipped, fast = twins
    assert token_attributes([fast(text)]) == token_attributes([shipped(text)])


def test_attributes_build_nlp_swaps_in_the_fast_ruler(nlp):
    assert "legalnews_attribute_ruler" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names
    assert isinstance(nlp.get_pipe("legalnews_attribute_ruler"), FastAttributeRuler)


def test_attributes_build_nlp_swaps_in_the_cached_lemmatizer(nlp):
    assert "lemmatizer" not in nlp.pipe_names
    assert isinstance(nlp.get_pipe("legalnews_lemmatizer"), CachedLemmatizer)


def test_attributes_a_pipeline_without_the_rule_components_is_left_alone():
    blank = spacy.blank("en")
    assert not swap_attribute_ruler(blank)
    assert not swap_lemmatizer(blank)
    assert blank.pipe_names == []


def test_attributes_only_spacys_token_local_lemmatizers_are_swapped():
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert swap_lemmatizer(lookup)
    assert lookup.pipe_names == ["legalnews_lemmatizer"]
    other = spacy.blank("en")
    other.add_pipe("sentencizer", name="lemmatizer")
    assert not swap_lemmatizer(other)
    assert other.pipe_names == ["lemmatizer"]


def test_attributes_cached_lemmatizer_keeps_answers_across_documents(twins):
    _, fast = twins
    lemmatizer = fast.get_pipe("legalnews_lemmatizer")
    first = fast("The judges were ordering deportations.")
    seen = len(lemmatizer.lemma_of)
    second = fast("The judges were ordering deportations.")
    assert [t.lemma_ for t in first] == [t.lemma_ for t in second] == ["the", "judge", "be", "order", "deportation", "."]
    assert len(lemmatizer.lemma_of) == seen


@pytest.mark.parametrize("pattern, decided", [
    ({"TAG": "NN"}, True),
    ({"LOWER": {"IN": ["is", "'s"]}, "TAG": "VBZ"}, True),
    ({"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}, True),
    ({"LOWER": {"REGEX": "^n[ou]thin'$"}}, True),
    ({"IS_SPACE": True}, True),
    ({"LENGTH": {">=": 3}}, False),
    ({"LOWER": "x", "OP": "?"}, False),
])
def test_attributes_compile_token_decides_lookups_and_declines_the_rest(pattern, decided):
    assert (compile_token(pattern, spacy.blank("en").vocab.strings) is not None) == decided
