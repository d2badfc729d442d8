"""Records stage: turn an annotated Doc into Mention and Event records with stable ids.

This is the only place that reads the components' extension attributes, so the tables'
shape is decided here and nowhere else.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .extensions import MENTION_FIELDS, doc_text, span_values
from .records import Argument, Article, Event, ExtractedArticle, Mention, event_id, mention_id


MENTION_COLUMNS = tuple("value" if name == "timex_value" else name for name in MENTION_FIELDS)  # Mention's names


def sentence_starts(doc: Doc) -> list[int]:
    return [sent.start for sent in doc.sents]


def collect(doc: Doc, article: Article) -> ExtractedArticle:
    """Mentions from `doc.ents` and `doc.spans["law"]`, events from `doc._.events` (`events.FoundEvent`s)."""
    aid = article.article_id
    text = doc_text(doc)
    sents = list(doc.sents)
    sent_of_token = [0] * len(doc)
    for index, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sent_of_token[i] = index

    mentions: list[Mention] = []
    by_offsets: dict[tuple[int, int], Mention] = {}
    spans = list(doc.ents) + list(doc.spans.get("law", []))
    user_data = doc.user_data
    for span in spans:
        start, end = span.start_char, span.end_char  # Span char offsets are computed per read
        values = dict(zip(MENTION_COLUMNS, span_values(user_data, start, end)))
        m = Mention(
            article_id=aid, mention_id=mention_id(aid, start, end, span.label_),
            label=span.label_, text=text[start:end], start_char=start,
            end_char=end, sentence_index=sent_of_token[span.start] if len(span) else 0, **values,
        )
        mentions.append(m)
        by_offsets[(start, end)] = m
    mentions.sort(key=lambda m: (m.start_char, m.end_char, m.label))

    events: list[Event] = []
    for found in doc._.events or []:
        trigger = doc.char_span(found.trigger_start, found.trigger_end, alignment_mode="expand")
        sent_index = sent_of_token[trigger.start] if trigger is not None and len(trigger) else 0
        sentence = sents[sent_index] if sents else doc[:]
        arguments = []
        date_value = None
        for arg in found.arguments:
            linked = by_offsets.get((arg.mention_start, arg.mention_end))
            arguments.append(Argument(
                role=arg.role, text=arg.text, start_char=arg.start_char, end_char=arg.end_char,
                mention_id=linked.mention_id if linked else None,
                canonical=arg.canonical or (linked.canonical if linked else None),
                source=arg.source, confidence=arg.confidence,
            ))
            if arg.role == "time" and date_value is None and linked is not None:
                date_value = linked.value
        events.append(Event(
            article_id=aid,
            event_id=event_id(aid, found.trigger_start, found.trigger_end, found.event_type),
            event_type=found.event_type, trigger=text[found.trigger_start:found.trigger_end],
            trigger_start=found.trigger_start, trigger_end=found.trigger_end,
            sentence=text[sentence.start_char:sentence.end_char], sentence_index=sent_index, negated=found.negated,
            modality=found.modality, confidence=found.confidence,
            rule=found.rule, arguments=arguments, date_value=date_value,
        ))
    events.sort(key=lambda e: (e.trigger_start, e.trigger_end, e.event_type))
    return ExtractedArticle(article, mentions, events)
