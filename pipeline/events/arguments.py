"""One argument from one token: the name it stands for. SPEC: arguments are written with the name
where the article has one, so a mention, a pronoun or description resolved by `coref`, or a named
apposition gives the argument; otherwise the phrase the token heads."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..coref import GROUP_DESCRIPTIONS, Person
from .context import DocContext
from .found import FoundArgument
from .participants import body_within, person_like, trailing_decider
from .syntax import SUBJECT_DEPS, by_agent, conjuncts, noun_phrase, of_object, trimmed

__all__ = ["make_argument", "add_argument", "has_role", "lead_subject"]

REFERRING = ("it", "its", "they", "them", "their", "each")
UNRESOLVED_REFERRING = REFERRING + ("this", "these", "those", "itself")  # name no one when unresolved
FIRST_PERSON = ("i", "me", "my", "myself")
SECOND_PERSON = ("you", "your", "yourself")
NAMING_VERBS = ("identify", "name", "know")  # "the man, identified as X"
BODY_LABELS = ("AGENCY", "COURT", "ORGANIZATION", "PERSON", "PLACE")


def partitive(tok: Token) -> bool:
    """"each of the three accused": a pronoun that names its group itself."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def lead_subject(tok: Token, ctx: DocContext) -> Token | None:
    """The parser often makes a dateline ("BOSTON — A federal judge ruled") the subject; the real
    subject is then the first noun phrase after the dash that is not a prepositional object."""
    for chunk in tok.doc[tok.i:tok.sent.end].noun_chunks:
        ent = ctx.ents.get(chunk.root.i)
        if chunk.start_char >= ctx.dateline_end and chunk.root.dep_ not in ("pobj", "npadvmod") \
                and (ent is None or ent.label_ != "DATE"):
            return chunk.root
    return None


def quoted_speaker(tok: Token, ctx: DocContext) -> Token | None:
    """Who says "I" in a quotation: the subject of the sentence's reporting verb ("'I would be sent to a
    country I barely know,' he said": he)."""
    verbs = [t for t in tok.sent if t.lemma_.lower() in ctx.lexicon.cues.reporting_verbs and t.i != tok.i]
    for verb in sorted(verbs, key=lambda v: abs(v.i - tok.i)):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and not (subject.left_edge.i <= tok.i <= subject.right_edge.i):
            return subject
    return None


def judge_addressee(tok: Token, ctx: DocContext) -> FoundArgument | None:
    """Whom a judge's "you" is said to: the one the judge "told" ("judge X told him 'the sentence imposed on
    you ...'"), else the party the story is clearly about; another speaker's "you" is no one."""
    verbs = [t for t in tok.sent if t.lemma_.lower() in ctx.lexicon.cues.reporting_verbs and t.i != tok.i]
    for verb in sorted(verbs, key=lambda v: abs(v.i - tok.i)):
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.left_edge.i <= tok.i <= speaker.right_edge.i:
            continue
        ent = ctx.ents.get(speaker.i)
        person = ctx.coref.person(ent) if ent is not None and ent.label_ == "PERSON" else None
        if person is None and speaker.pos_ == "PRON":
            found = ctx.coref.resolve(speaker, "judge")
            person = found[1] if found is not None else None
        if not (person is not None and person.judge or person is None and ent is None
                and speaker.lemma_.lower() in ctx.lexicon.nouns.judge_titles):
            return None
        told = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PRON", "PROPN", "NOUN")), None)
        if told is not None:
            arg = make_argument("subject", told, ctx)
            if arg is not None and arg.canonical:
                return replace(arg, text=tok.text, start_char=tok.idx, end_char=tok.idx + len(tok), source="coreference")
        party = ctx.coref.dominant()
        if party is None:
            return None
        mention = ctx.coref._nearest_mention(party, tok)
        return FoundArgument("subject", tok.text, tok.idx, tok.idx + len(tok), party.name, mention.start_char,
                             mention.end_char, source="coreference")
    return None


def named_court(description: Span, ctx: DocContext) -> Span | None:
    """The mention that names the court a description ("the court", "a federal appeals court") stands
    for: the nearest one before it with the same canonical name, else the first after it."""
    canonical = description._.canonical
    named = [e for e in ctx.named_courts if e._.canonical == canonical]
    before = [e for e in named if e.start < description.start]
    return before[-1] if before else named[0] if named else None


def fullest_court(court: Span, ctx: DocContext) -> Span | None:
    """The story's longer name for a court it also shortens ("the 2nd U.S. Circuit Court of Appeals", then
    "the 2nd Circuit"): arguments are written with the name (SPEC), as the article gives it in full."""
    canonical = court._.canonical
    longer = [e for e in ctx.named_courts if e._.canonical == canonical and len(e.text) > len(court.text)]
    return max(longer, key=lambda e: len(e.text)) if canonical and longer else None


def sitting_judge(role: str, ctx: DocContext, description: Span | None = None) -> Person | None:
    """Who "the court" or "a Nairobi court" is in a story that names no court but exactly one judge. An
    indefinite "an anti-terrorism court" after that judge is named brings in another court, as "a judge" would."""
    if role not in ("adjudicator", "agent") or ctx.named_courts:
        return None
    judge = ctx.coref.only_judge()
    if judge is not None and description is not None and description[0].lower_ in ("a", "an") \
            and judge.mentions[0].start < description.start and not ctx.coref.in_lead(description[0]):
        return None
    return judge


def judge_for(role: str, judge: Person, description: Span, ctx: DocContext) -> FoundArgument:
    """The judge a court description stands for, written with the description as the anaphor."""
    m = judge.mentions[0]
    return FoundArgument(role, m.text, m.start_char, m.end_char, judge.name, m.start_char, m.end_char,
                         description.start_char, description.end_char, source="coreference")


def heading_judge(clause: Token, ctx: DocContext) -> Span | None:
    """The judge a participle's by-phrase names ("headed by Justice X", "led by Judge Y")."""
    judge = by_agent(clause)
    ent = ctx.ents.get(judge.i) if judge is not None else None
    return ent if ent is not None and ent.label_ == "PERSON" else None


def court_described(tok: Token, ctx: DocContext) -> Span | None:
    """The judge or court a description such as "the bench" stands for: the judge who heads it ("the
    bench, headed by Justice X"; "Headed by Justice X, the bench heard"), else the nearest court named
    before it, else the first named after it."""
    clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl")] if tok.dep_ != "pobj" else []
    if tok.dep_ == "nsubj":
        clauses += [c for c in tok.head.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
    judge = next((j for j in (heading_judge(c, ctx) for c in clauses) if j is not None), None)
    if judge is not None:
        return judge
    panel = tok.lemma_.lower() == "panel"  # "a three-judge panel", "a different panel": of the story's appeals court
    if not panel and not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
        return None
    courts = ctx.appeals_courts if panel else ctx.named_courts
    before = [e for e in courts if e.start < tok.i]
    return before[-1] if before else courts[0] if courts else None


def first_mention_of_group(tok: Token, ctx: DocContext) -> Span | None:
    """"the four men" / "the men" after "four Venezuelan men": the phrase that introduced the group, in
    an earlier sentence, with the same noun and, when the description counts them, the same number."""
    if tok.tag_ != "NNS" or ctx.ents.get(tok.i) is not None \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    count = next((c.lower_ for c in tok.children if c.dep_ == "nummod"), None)
    lemma = tok.lemma_
    for root in tok.doc[:tok.sent.start]:
        if root.lemma_ != lemma or root.tag_ != "NNS" or any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
            continue
        if count is not None and not any(c.dep_ == "nummod" and c.lower_ == count for c in root.children):
            continue
        modifiers = [c for c in root.children if c.dep_ in ("nummod", "amod", "compound", "det")]
        if any(c.dep_ != "det" for c in modifiers):
            return tok.doc[min(c.left_edge.i for c in modifiers):root.i + 1]  # the phrase up to its noun
    return None


def relative_antecedent(whose: Token) -> Token | None:
    """What "whose" stands for: the noun its relative clause modifies ("the man whose deportation
    the judge blocked"), or, where the parser left no relative clause, the noun just before it
    ("Ghonim, the employee whose arrest ...")."""
    clause = next((a for a in whose.ancestors if a.dep_ == "relcl"), None)
    if clause is not None:
        return clause.head
    before = [t for t in whose.doc[max(whose.sent.start, whose.i - 2):whose.i] if not t.is_punct]
    if before and before[-1].pos_ in ("NOUN", "PROPN"):
        return before[-1]
    return None


def make_argument(role: str, tok: Token, ctx: DocContext, phrase: bool = False) -> FoundArgument | None:
    """The argument `tok` gives in `role`: the name it stands for (a mention, the antecedent of a
    pronoun or description, a named apposition), or its phrase; None for what names nothing."""
    doc = tok.doc
    ents = ctx.ents
    words = ctx.lexicon.syntax
    if ctx.in_dateline(tok.idx):
        if role not in ("agent", "subject", "adjudicator") \
                or tok.dep_ not in SUBJECT_DEPS + ("dep", "ROOT", "npadvmod", "appos"):
            return None  # the dateline's place and date are no participants
        tok = lead_subject(tok, ctx)
        if tok is None:
            return None
    if tok.lower_ == "whose":
        tok = relative_antecedent(tok)
        if tok is None:
            return None
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and role in ("subject", "agent"):
            tok = subj
    if tok.dep_ == "appos" and ents.get(tok.head.i) is not None and ents[tok.head.i].label_ in ("PERSON",) \
            and (ents.get(tok.i) is None or ents[tok.i].label_ != "PERSON"):  # not the next name of a list
        tok = tok.head
    if role in ("subject", "agent") and not phrase and not person_like(tok, ctx) and ents.get(tok.i) is None:
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and person_like(poss, ctx) and tok.lemma_ not in ("decision", "ruling", "order") \
                and tok.lemma_.lower() not in words.group_nouns:  # "her office" is an agency, not her
            tok = poss
    if role in ("subject", "agent") and tok.lemma_.lower() in words.representatives:
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            tok = poss
    if tok.lower_ in ("who", "whom", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if not phrase and role in ("agent", "subject", "adjudicator") and (
            tok.lower_ in REFERRING and not partitive(tok)
            or tok.lemma_.lower() in words.group_nouns and ents.get(tok.i) is None):
        group = ctx.coref.resolve_group(tok)
        if group is not None and group.label_ in BODY_LABELS:
            canonical = group._.canonical or group.text
            span = noun_phrase(tok)
            if tok.pos_ == "PRON":
                # SPEC: arguments are written with the name. A body's canonical form ("U.S. Department of
                # Justice") need not be how the article names it, so "it" is written as the antecedent
                # mention ("Justice Department"), the pronoun kept as the anaphor.
                return FoundArgument(role, group.text, group.start_char, group.end_char, canonical,
                                     group.start_char, group.end_char, span.start_char, span.end_char,
                                     source="coreference")
            return FoundArgument(role, span.text, span.start_char, span.end_char, canonical,
                                 group.start_char, group.end_char, source="coreference")
        if group is not None and tok.pos_ == "PRON":  # "they" written as said, the antecedent as its name
            return FoundArgument(role, tok.text, tok.idx, tok.idx + len(tok), noun_phrase(group.root).text,
                                 source="coreference")
        if group is not None:
            tok = group.root
    if tok.lower_ in UNRESOLVED_REFERRING and not partitive(tok):
        return None
    if tok.lower_ in SECOND_PERSON and role == "subject":
        return judge_addressee(tok, ctx)  # "'It gives me no pleasure to sentence you,' the judge said"
    if tok.lower_ in FIRST_PERSON and role in ("agent", "subject"):
        speaker = quoted_speaker(tok, ctx)
        if speaker is None or speaker.lower_ in FIRST_PERSON:
            return None
        arg = make_argument(role, speaker, ctx)
        if arg is None or arg.canonical is None:
            return None
        return FoundArgument(role, tok.text, tok.idx, tok.idx + len(tok), arg.canonical, arg.mention_start,
                             arg.mention_end, source="coreference")
    ent = ents.get(tok.i)
    if ent is None and tok.pos_ == "NOUN" and person_like(tok, ctx):
        after = noun_phrase(tok).end  # "sentenced the company's vice president, Gregory Varga, to 18 months"
        if after + 1 < len(doc) and doc[after].text == "," and ents.get(after + 1) is not None \
                and ents[after + 1].label_ == "PERSON" and ents[after + 1].start == after + 1 \
                and (ents[after + 1].end >= len(doc) or doc[ents[after + 1].end].is_punct):
            ent = ents[after + 1]
        body = of_object(tok) if ent is None else None
        named = next((c for c in body.children if c.dep_ == "appos" and ents.get(c.i) is not None
                      and ents[c.i].label_ == "PERSON"), None) if body is not None and (
            ents.get(body.i) is not None and ents[body.i].label_ in ("ORGANIZATION", "AGENCY", "COURT")
            or ents.get(body.i) is None and not person_like(body, ctx)) else None
        if named is not None:  # "the former boss of the Task Team, Abdul Maina": a name is no body's apposition
            ent = ents[named.i]
        if ent is None:  # "The man, identified as Y-Z-L-H in court records, was detained"
            ent = next((ents[o.i] for c in tok.children if c.dep_ == "acl" and c.lemma_ in NAMING_VERBS
                        for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                        if o.dep_ == "pobj" and ents.get(o.i) is not None and ents[o.i].label_ == "PERSON"), None)
    if ent is None:
        appos = next((c for c in tok.subtree if (c.dep_ == "appos" and ents.get(c.i) is not None
                      and c.head.i in range(tok.left_edge.i, tok.i + 1) or c.dep_ == "appos" and c.head.i == tok.i
                      and ents.get(c.i) is not None) and not ctx.in_dateline(c.idx)), None)  # not "(Wire Service) —"
        if appos is not None and ents[appos.i].label_ in ("PERSON", "AGENCY", "COURT", "ORGANIZATION"):
            ent = ents[appos.i]
    if ent is not None and not phrase and ent.label_ == "COURT" and ent._.rule == "court_ref":
        named = named_court(ent, ctx)
        if named is not None:  # "the appeals court" written as the article names that court
            return FoundArgument(role, named.text, named.start_char, named.end_char, ent._.canonical,
                                 named.start_char, named.end_char, ent.start_char, ent.end_char, source="coreference")
        judge = sitting_judge(role, ctx, ent)
        if judge is not None:
            return judge_for(role, judge, ent, ctx)
    if ent is not None and not phrase:
        canonical = None
        if ent.label_ != "DATE":
            canonical = ent._.canonical
            if ent.label_ == "PERSON":
                person = ctx.coref.person(ent)
                canonical = person.name if person else canonical
        if ent.label_ == "COURT":
            full = fullest_court(ent, ctx)
            if full is not None:  # "the 2nd Circuit", written as the story names that court in full
                return FoundArgument(role, full.text, full.start_char, full.end_char, canonical, full.start_char,
                                     full.end_char, ent.start_char, ent.end_char, source="coreference")
        return FoundArgument(role, ent.text, ent.start_char, ent.end_char, canonical, ent.start_char, ent.end_char)
    if ent is None and not phrase and role == "agent":
        body = enforcers_body(tok, ctx)
        if body is not None:  # "Officers arrested all five": the force the paragraph names
            span = noun_phrase(tok)
            return FoundArgument(role, body.text, body.start_char, body.end_char, body._.canonical, body.start_char,
                                 body.end_char, span.start_char, span.end_char, source="coreference")
    if phrase:
        decider = trailing_decider(tok, ctx)
        end = decider.head.i - 1 if decider is not None and decider.head.i > tok.i else tok.right_edge.i
        reason = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i), None)
        if role == "penalty" and reason is not None:
            end = min(end, reason.i - 1)  # "HK$1,500 for hitting a reporter": the sum, not what it punishes
        span = trimmed(doc, tok.left_edge.i, end, punctuation=False)  # "the same charge", not "... by a jury"
    elif role in ("agent", "subject"):
        span = noun_phrase(tok, words.adjunct_prepositions | words.circumstance_phrases)
        where = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at") and c.i > tok.i
                      and any(ctx.ents.get(g.i) is not None and ctx.ents[g.i].label_ == "PLACE"
                              for g in c.children if g.dep_ == "pobj")), None)
        if where is not None and where.right_edge.i == span.end - 1:
            span = doc[span.start:where.i]  # "remanded the former director in Kuje": where, not who
        noun = next((c for c in tok.children if c.dep_ in ("acl", "amod") and c.i == span.end), None)
        if tok.like_num and noun is not None:  # "the three accused", headed by the number
            span = doc[span.start:noun.i + 1]
    else:
        span = noun_phrase(tok)
    while len(span) > 1 and ctx.in_dateline(span[0].idx) and ctx.dateline_end <= tok.idx:
        span = span[1:]  # "LAHORE - A Lahore High Court bench": the dateline is no part of the phrase
    if phrase:
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
    if not phrase and role in ("agent", "subject", "adjudicator"):
        res = ctx.coref.resolve(tok, "judge" if role == "adjudicator" else "party")
        if res is not None:
            mention, person = res
            return FoundArgument(role, span.text, span.start_char, span.end_char, person.name,
                                 mention.start_char, mention.end_char, source="coreference")
    if not phrase and role in ("adjudicator", "agent") and ent is None and (
            tok.lemma_.lower() in ctx.lexicon.nouns.court_descriptions and tok.tag_ != "NNS"
            or tok.lower_ in ctx.lexicon.nouns.bench_members):  # "The seven justices found": their court
        court = court_described(tok, ctx)
        if court is not None:  # "the bench, headed by Justice X", "the bench" of the article's court
            judge = ctx.coref.person(court) if court.label_ == "PERSON" else None
            name = judge.name if judge is not None else court._.canonical or court.text
            return FoundArgument(role, court.text, court.start_char, court.end_char, name,
                                 court.start_char, court.end_char, span.start_char, span.end_char,
                                 source="coreference")
    if not phrase and role in ("agent", "subject"):
        first = first_mention_of_group(tok, ctx)
        if first is not None:
            return FoundArgument(role, span.text, span.start_char, span.end_char, first.text, source="coreference")
    if role in ("adjudicator", "agent") and (tok.lemma_.lower() in ctx.lexicon.nouns.court_descriptions
                                             or tok.lower_ in ctx.lexicon.nouns.bench_members):
        inner = [e for e in ctx.ents_in(span) if e.label_ == "COURT"]
        if len(inner) == 1:  # "a Lahore High Court division bench", "International Criminal Court judges"
            return FoundArgument(role, span.text, span.start_char, span.end_char, inner[0]._.canonical,
                                 inner[0].start_char, inner[0].end_char)
    if not phrase and role == "agent" and ent is None and tok.lemma_.lower() in ctx.coref.words.official_nouns:
        body = officers_body(tok, ctx)
        if body is not None:  # "ICE officers", "officers from North Wales Police": the body they act for
            return FoundArgument(role, span.text, span.start_char, span.end_char, body._.canonical or body.text,
                                 body.start_char, body.end_char)
    if not phrase and role == "agent" and ent is None and not person_like(tok, ctx):
        body = body_within(tok, ctx)
        if body is not None:  # "the Delhi Police crime branch": a unit of the body it names
            return FoundArgument(role, span.text, span.start_char, span.end_char, body._.canonical or body.text,
                                 body.start_char, body.end_char)
    if not phrase and tok.lower_ == "court" and tok.tag_ == "NN" and ent is None:
        judge = sitting_judge(role, ctx, span)
        if judge is not None:  # "A Singapore court jailed ...", where only its judge is named
            return judge_for(role, judge, span, ctx)
    if role in ("place", "origin", "destination"):
        inner = [e for e in ctx.ents_in(span) if e.label_ != "DATE"]
        if len(inner) == 1:
            return FoundArgument(role, span.text, span.start_char, span.end_char, inner[0]._.canonical,
                                 inner[0].start_char, inner[0].end_char)
    return FoundArgument(role, span.text, span.start_char, span.end_char)


def enforcers_body(tok: Token, ctx: DocContext) -> Span | None:
    """The force that officers described without a name belong to: a body written before them ("The STF
    team"), else the agency named last in their sentence or the two before ("The investigation was led by West
    Yorkshire Police. Detectives arrested the six"). Not bare "police", which names its own kind."""
    lemma, nouns = tok.lemma_.lower(), ctx.lexicon.nouns
    if lemma not in nouns.enforcer_nouns | nouns.enforcer_units or any(
            c.dep_ == "prep" and c.lower_ in ("from", "of", "with", "for") for c in tok.children):
        return None
    own = next((ctx.ents[c.i] for c in tok.children if c.dep_ in ("compound", "nmod", "amod")
                and ctx.ents.get(c.i) is not None and ctx.ents[c.i].label_ in ("AGENCY", "ORGANIZATION")), None)
    if own is not None or lemma in nouns.enforcer_units:
        return own
    sentences = ctx.coref.sent_index
    here = sentences.get(tok.i, 0)
    before = [e for e in ctx.doc_ents if e.label_ == "AGENCY" and e.end <= tok.i
              and 0 <= here - sentences.get(e.start, 0) <= 2]
    return before[-1] if before else None


def judges_on_bench(tok: Token, ctx: DocContext) -> list[Token]:
    """The judges a bench or panel is written with: "a bench of Justice A and Justice B", "a two-member bench
    comprising A and B", "a panel headed by C"."""
    nouns = ctx.lexicon.nouns
    if tok.lemma_.lower() not in nouns.bench_nouns or ctx.ents.get(tok.i) is not None:
        return []
    heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    heads += [c for c in tok.children if c.dep_ == "appos"]
    for clause in (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in nouns.bench_membership_verbs):
        heads += [g for g in clause.children if g.dep_ in ("dobj", "pobj")]
        heads += [o for c in clause.children if c.dep_ in ("prep", "agent") for o in c.children if o.dep_ == "pobj"]
    people = [t for h in heads for t in conjuncts(h)
              if ctx.ents.get(t.i) is not None and ctx.ents[t.i].label_ == "PERSON"]
    return people


def add_argument(args: list[FoundArgument], role: str, tok: Token | None, ctx: DocContext,
                 phrase: bool = False, split: bool = True) -> None:
    """Add `tok` (and its conjuncts unless `split` is False) in `role`, once per role and start."""
    if tok is None:
        return
    if ctx.in_dateline(tok.idx) and role in ("agent", "subject", "adjudicator") and tok.dep_ in SUBJECT_DEPS:
        tok = lead_subject(tok, ctx) or tok  # "DENVER — Colorado and 12 other states sued": both states
    listed = []
    if split and role in ("subject", "agent"):  # "12 prisoners, including a cleric, Hassan Karimi": the named ones too
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "including"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                listed += [t for t in conjuncts(obj) if ctx.ents.get(t.i) is not None
                           and ctx.ents[t.i].label_ == "PERSON" or any(
                               ctx.ents.get(a.i) is not None and ctx.ents[a.i].label_ == "PERSON"
                               for a in t.children if a.dep_ == "appos")]
    if split and role in ("subject", "agent") and tok.dep_ in SUBJECT_DEPS:
        # "Two of his co-accused, A and his brother, B, were": the parser's second subject is the first's list
        listed += [t for s in tok.head.children if s.dep_ == tok.dep_ and s.i > tok.i
                   and s.left_edge.i == tok.right_edge.i + 2 and tok.doc[tok.right_edge.i + 1].text == ","
                   for t in listed_under(s, ctx)]
    if role == "adjudicator" and split and not phrase:
        members = judges_on_bench(tok, ctx)
        if members:  # "A two-member bench comprising Justice A and Justice B": each judge
            for member in members:
                arg = make_argument(role, member, ctx)
                if arg is not None and not any(a.role == role and a.start_char == arg.start_char for a in args):
                    args.append(arg)
            return
    said = tok.doc[tok.i:tok.i + 1]
    of_them = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj" and g.lower_ == "them"), None) if tok.lower_ in ("each", "all", "both") else None
    if of_them is not None and not phrase and role in ("subject", "agent"):
        said, tok = tok.doc[tok.i:of_them.i + 1], of_them  # "ordered each of them to pay": each of those they are
    group = ctx.coref.resolve_group(tok) if not phrase and role in ("subject", "agent") \
        and tok.lower_ in ("they", "them", "their", "each") else None
    if group is not None and ctx.ents.get(group.root.i) is None:
        people = ctx.coref.group_around(group.root) or [(m, ctx.coref.person(m)) for m in named_list(group.root, ctx)]
        if not people and role == "subject" and plural_description(group.root, ctx):
            people = ctx.coref.resolve_members(group.root)  # "charged four people ... remanded them": the four named
        if people:  # "Three activists, A, B and C, were charged. They were found guilty": each one
            add_members(args, role, said, people)
            return
    if not phrase and role in ("subject", "agent") and tok.lower_ in ("they", "them", "their") and group is None:
        pair = ctx.coref.resolve_pair(tok)
        add_members(args, role, said, pair)  # "They were both sentenced": each of the two
        if pair and of_them is not None:
            return
    if split and role in ("subject", "agent") and ctx.ents.get(tok.i) is None:
        listed += [m.root for m in named_list(tok, ctx)[1:]]  # "The men, A, B and C, were arrested": each one
    if split and not phrase and role == "subject" and not listed and plural_description(tok, ctx):
        members = ctx.coref.resolve_members(tok)
        if members:  # "the three accused": each of the three the story names
            add_members(args, role, noun_phrase(tok), members)
            return
    named = ctx.ents.get(tok.i) or next((ctx.ents[c.i] for c in tok.children if c.dep_ == "appos"
                                         and ctx.ents.get(c.i) is not None), None)  # "His cousin, A, 33, and B"
    if split and role == "subject" and named is not None and named.label_ == "PERSON":
        listed += [m.root for m, _ in ctx.coref.group_headed_by(named)  # "A, 29, B, 24, and C were jailed"
                   if m.start != named.start]
    for t in [*(conjuncts(tok) if split else [tok]), *listed]:
        if t.i != tok.i and not phrase and role == "subject" and plural_description(t, ctx):
            members = ctx.coref.resolve_members(t)
            if members:  # "a case against him and his parents": each parent the story names
                add_members(args, role, noun_phrase(t), members)
                continue
        arg = make_argument(role, t, ctx, phrase)
        if arg is not None and not any(a.role == role and a.start_char == arg.start_char for a in args):
            args.append(arg)


def listed_under(tok: Token, ctx: DocContext) -> list[Token]:
    """`tok`, its conjuncts and the people named in apposition down its list ("his son A and his former
    aide B": son, A's list and B), however the parser chains them."""
    found = conjuncts(tok)
    for ent in ctx.ents_in(tok.doc[tok.left_edge.i:tok.right_edge.i + 1]):
        node = ent.root
        while node.i != tok.i and node.dep_ in ("appos", "conj"):
            node = node.head
        if node.i == tok.i and ent.label_ == "PERSON" and ent.root not in found:
            found.append(ent.root)
    return found


def officers_body(tok: Token, ctx: DocContext) -> Span | None:
    """The agency officers are named with: "ICE officers", "FBI agents", "officers from North Wales Police"."""
    near = [c for c in tok.children if c.dep_ in ("compound", "nmod", "poss")]
    near += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "with")
             for g in c.children if g.dep_ == "pobj"]
    return next((ctx.ents[t.i] for t in near if ctx.ents.get(t.i) is not None and ctx.ents[t.i].label_ == "AGENCY"), None)


def named_list(tok: Token, ctx: DocContext) -> list[Span]:
    """The PERSON mentions a description names in apposition: "The men, A, B and C"."""
    named = next((c for c in tok.children if c.dep_ == "appos" and ctx.ents.get(c.i) is not None
                  and ctx.ents[c.i].label_ == "PERSON"), None)
    return [ctx.ents[t.i] for t in (conjuncts(named) if named is not None else [])
            if ctx.ents.get(t.i) is not None and ctx.ents[t.i].label_ == "PERSON"]


def add_members(args: list[FoundArgument], role: str, said: Span, members: list[tuple[Span, Person | None]]) -> None:
    """One argument per person a plural stands for, written as said ("they", "the trio") with each one's name."""
    for mention, person in members:
        name = person.name if person is not None else mention.text
        if not any(a.role == role and a.canonical == name for a in args):
            args.append(FoundArgument(role, said.text, said.start_char, said.end_char, name,
                                      mention.start_char, mention.end_char, source="coreference"))


def plural_description(tok: Token, ctx: DocContext) -> bool:
    """A description of several people that names none of them: "the three accused", "Four men", "the group"."""
    vague = tok.lemma_.lower() in ctx.lexicon.syntax.quantity_nouns and not tok.like_num and tok.lemma_.lower() != "group"
    if ctx.ents.get(tok.i) is not None or tok.pos_ == "PRON" or vague \
            or any(c.dep_ == "appos" and ctx.ents.get(c.i) is not None or c.dep_ == "prep" and c.lower_ == "including"
                   or c.dep_ == "prep" and c.lower_ == "of" and partitive_of(c, ctx) for c in tok.children):
        return False  # "Dozens of activists, including A and B", "two of the men": some, not all, are named
    if tok.like_num:
        return tok.dep_ in SUBJECT_DEPS + ("dobj", "pobj")
    return tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in GROUP_DESCRIPTIONS


def partitive_of(prep: Token, ctx: DocContext) -> bool:
    """An of-phrase that takes some from a group ("two of the men", "dozens of activists"), not one that
    says whose they are ("three directors of a Lagos firm")."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return obj is None or obj.tag_ in ("NNS", "NNPS", "PRP", "DT", "CD") or prep.head.like_num \
        or person_like(obj, ctx)


def has_role(args: list[FoundArgument], role: str) -> bool:
    return any(a.role == role for a in args)
