"""Existing problems like the one being typed: BM25 over each campus's term index in the database.

``AgendaTerm`` holds how often each term (``text_terms``) occurs in an agenda, ``Agenda.term_count``
its length. A search reads the campus's totals, the document frequency of the query's terms and
then sums the BM25 score of the postings of its rarest terms per agenda in the database, which
returns only the best few; when one is worth suggesting, two more queries load the terms they
share and the agendas. Three or five queries, whatever the size of the campus. Every function
here scopes its own queries to the campus it is given.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import batched

from django.db import transaction
from django.db.models import Case, Count, F, FloatField, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import Cast
from django_scopes import scope

from ..models import Agenda, AgendaTerm
from ..text_terms import terms, terms_of_many

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2
TEXT_MAX = 4_000
# The rarest terms of a query decide; the commonest add little but cost the most postings.
QUERY_TERMS_MAX = 32
POSTINGS_MAX = 5_000
# A suggestion must score as much as sharing this many words that only one agenda uses, so a
# few common words in common are not enough; the unit follows the campus's size. Chosen on the
# labelled pairs of bench/data/agenda_duplicates.json.
MIN_SCORE_IN_RARE_WORDS = 2.5
BACKGROUND = 50  # see ``idf``
BATCH = 2_000


@dataclass(frozen=True)
class Match:
    agenda: Agenda
    score: float
    shared: tuple[str, ...]


def indexed_texts(agenda):
    """The texts an agenda is found by, each with its weight."""
    return [
        (agenda.title_ko, TITLE_WEIGHT),
        (agenda.title_en, TITLE_WEIGHT),
        (agenda.description_ko, 1),
        (agenda.description_en, 1),
        (agenda.affected, 1),
        (agenda.place, 1),
    ]


def weighted_terms(texts_and_weights, counted):
    total = Counter()
    for (_text, weight), counts in zip(texts_and_weights, counted, strict=True):
        for term, count in counts.items():
            total[term] += count * weight
    return total


def index_agenda(*, agenda):
    """Replace ``agenda``'s index entries and length with those of its current texts."""
    texts = indexed_texts(agenda)
    counts = weighted_terms(texts, terms_of_many(text for text, _weight in texts))
    with scope(campus=agenda.campus_id), transaction.atomic():
        AgendaTerm.objects.filter(agenda=agenda).delete()
        AgendaTerm.objects.bulk_create(
            AgendaTerm(campus_id=agenda.campus_id, agenda=agenda, term=term, count=count)
            for term, count in counts.items()
        )
        agenda.term_count = counts.total()
        Agenda.objects.filter(pk=agenda.pk).update(term_count=agenda.term_count)


def reindex_campus(*, campus):
    """Rebuild the whole index of ``campus``; returns how many agendas were indexed."""
    indexed = 0
    with scope(campus=campus), transaction.atomic():
        agendas = Agenda.objects.order_by("pk").only(
            "campus_id", "title_ko", "title_en", "description_ko", "description_en", "affected", "place"
        )
        AgendaTerm.objects.all().delete()
        for chunk in batched(agendas.iterator(chunk_size=BATCH), BATCH, strict=False):
            index_chunk(campus, chunk)
            indexed += len(chunk)
    return indexed


def index_chunk(campus, agendas):
    texts = [indexed_texts(agenda) for agenda in agendas]
    counted = iter(terms_of_many(text for agenda_texts in texts for text, _weight in agenda_texts))
    entries = []
    for agenda, agenda_texts in zip(agendas, texts, strict=True):
        counts = weighted_terms(agenda_texts, [next(counted) for _ in agenda_texts])
        agenda.term_count = counts.total()
        entries += (
            AgendaTerm(campus_id=campus.pk, agenda_id=agenda.pk, term=term, count=count)
            for term, count in counts.items()
        )
    AgendaTerm.objects.bulk_create(entries, batch_size=BATCH)
    Agenda.objects.bulk_update(agendas, ["term_count"], batch_size=BATCH)


def idf(df, documents):
    """BM25's inverse document frequency, as if the campus also held BACKGROUND agendas without
    the term: on a young campus, a word two of its three agendas use is still a telling word."""
    documents += BACKGROUND
    return math.log(1 + (documents - df + 0.5) / (df + 0.5))


def rarest_terms(frequencies, weights):
    """The query's terms, rarest first, as long as their postings stay within POSTINGS_MAX."""
    chosen, postings = [], 0
    for term in sorted(weights, key=lambda term: (-weights[term], term))[:QUERY_TERMS_MAX]:
        postings += frequencies[term]
        if chosen and postings > POSTINGS_MAX:
            break
        chosen.append(term)
    return chosen


def bm25(weights, average_length):
    """One posting's part of its agenda's score, as SQL; NULL for agendas merged into another."""
    length = Agenda.objects.filter(pk=OuterRef("agenda_id"), merged_into__isnull=True).order_by()
    weight = Case(*(When(term=term, then=Value(weight)) for term, weight in weights.items()))
    count = Cast("count", FloatField())
    norm = Value(K1 * (1 - B)) + Value(K1 * B / average_length) * Cast(
        Subquery(length.values("term_count")), FloatField()
    )
    return weight * count * Value(K1 + 1) / (count + norm)


def similar_agendas(*, campus, text, limit=5, exclude=None):
    """The campus's agendas most like ``text``, best first, leaving out merged ones and the
    agenda whose id is ``exclude``; empty when none is similar enough."""
    query = set(terms(text[:TEXT_MAX]))
    if not query:
        return []
    # The scope filters every query by campus; an explicit second ``campus_id = …`` would lead
    # SQLite's planner, before it has statistics, to the campus index instead of the term index.
    with scope(campus=campus):
        totals = Agenda.objects.filter(term_count__gt=0).aggregate(
            documents=Count("pk"), length=Sum("term_count")
        )
        if not totals["documents"]:
            return []
        documents, average_length = totals["documents"], totals["length"] / totals["documents"]
        frequencies = dict(
            AgendaTerm.objects.filter(term__in=query)
            .values("term")
            .annotate(df=Count("pk"))
            .values_list("term", "df")
        )
        weights = {term: idf(df, documents) for term, df in frequencies.items()}
        chosen = {term: weights[term] for term in rarest_terms(frequencies, weights)}
        postings = AgendaTerm.objects.filter(term__in=chosen)
        if exclude is not None:
            postings = postings.exclude(agenda_id=exclude)
        ranked = (
            postings.values("agenda_id")
            .annotate(score=Sum(bm25(chosen, average_length), output_field=FloatField()))
            .order_by(F("score").desc(nulls_last=True), "agenda_id")
            .values_list("agenda_id", "score")[:limit]
        )
        floor = MIN_SCORE_IN_RARE_WORDS * idf(1, documents)
        best = {agenda_id: score for agenda_id, score in ranked if score is not None and score >= floor}
        if not best:
            return []
        shared = defaultdict(list)
        for agenda_id, term in AgendaTerm.objects.filter(agenda_id__in=best, term__in=chosen).values_list(
            "agenda_id", "term"
        ):
            shared[agenda_id].append(term)
        agendas = Agenda.objects.select_related("theme").in_bulk(best)
    return [
        Match(agenda=agendas[agenda_id], score=score, shared=tuple(sorted(shared[agenda_id])))
        for agenda_id, score in best.items()
    ]
