"""How well a reviewer fits an application: shared expertise keywords and the reviewer's bid."""

import re

from opencampus.people.models import Profile

from ..models import Answer, Bid

WORD = re.compile(r"\w+", re.UNICODE)
BID_WEIGHT = {Bid.Level.NOT_WILLING: -1.0, Bid.Level.WILLING: 0.5, Bid.Level.EAGER: 1.0}


def keywords(text):
    return {word.lower() for word in WORD.findall(text or "")}


def application_texts(applications):
    """``{application_id: set of words}`` from every text and choice answer."""
    words = {application.pk: set() for application in applications}
    for application_id, value in Answer.objects.filter(application__in=applications).values_list(
        "application_id", "value"
    ):
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str):
                words[application_id] |= keywords(item)
    return words


def affinity_matrix(*, applications, reviewers):
    """``{(application_id, reviewer_id): score}``: the share of a reviewer's expertise keywords
    found in the application (0 to 1), plus their bid (-1 to +1). Pairs scoring 0 are left out."""
    expertise = {
        user_id: keywords(text.replace(",", " "))
        for user_id, text in Profile.objects.filter(user__in=reviewers).values_list("user_id", "expertise")
    }
    texts = application_texts(applications)
    bids = {
        (application_id, reviewer_id): BID_WEIGHT[level]
        for application_id, reviewer_id, level in Bid.objects.filter(
            application__in=applications, reviewer__in=reviewers
        ).values_list("application_id", "reviewer_id", "level")
    }
    scores = {}
    for application in applications:
        words = texts[application.pk]
        for reviewer in reviewers:
            wanted = expertise.get(reviewer.pk, set())
            score = len(wanted & words) / len(wanted) if wanted else 0.0
            score += bids.get((application.pk, reviewer.pk), 0.0)
            if score:
                scores[application.pk, reviewer.pk] = round(score, 4)
    return scores
