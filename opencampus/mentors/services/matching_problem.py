"""The adapter from a round to the mentoring solver: mentees, mentors with their room in the round,
both sides' rankings as tiers, pinned and forbidden pairs. Ids are ``str(pk)``."""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from opencampus.solvers import mentoring

from ..models import MenteePreference, MentorPreference, PairRule
from .errors import MentorsError
from .matching_pairs import share_a_language
from .rounds import mentor_pool


def words(text):
    return tuple(word.strip() for word in text.split(",") if word.strip())


def as_tiers(ranks):
    """``{id: rank}`` as tiers of string ids, best first; equal ranks share a tier."""
    by_rank = defaultdict(list)
    for key, rank in ranks.items():
        by_rank[rank].append(str(key))
    return tuple(tuple(sorted(by_rank[rank], key=int)) for rank in sorted(by_rank))


def solver_mentee(mentee, ranks=None):
    return mentoring.Mentee(
        id=str(mentee.pk),
        fields=tuple(str(field.pk) for field in mentee.fields.all()),
        keywords=words(mentee.keywords),
        languages=tuple(mentee.languages or ()),
        ranking=as_tiers(ranks or {}),
    )


def solver_mentor(profile, ranks=None):
    return mentoring.Mentor(
        id=str(profile.pk),
        capacity=max(profile.room, 1),
        fields=tuple(str(field.pk) for field in profile.fields.all()),
        keywords=words(profile.keywords),
        languages=tuple(profile.languages or ()),
        ranking=as_tiers(ranks or {}),
    )


def fits_for(mentee, mentors):
    """``{mentor profile id: fit 0 to 100}`` of ``mentee`` (with its wishes as saved) with each mentor."""
    problem = mentoring.Problem(
        mentees=(solver_mentee(mentee),), mentors=tuple(solver_mentor(profile) for profile in mentors)
    )
    return {
        profile.pk: mentoring.fit(problem, problem.mentees[0], mentor)
        for profile, mentor in zip(mentors, problem.mentors, strict=True)
    }


def rankings_in(round, mentor_ids):
    """Both sides' ranks among the mentors with room: ``(by mentee, by mentor)``."""
    by_mentee, by_mentor = defaultdict(dict), defaultdict(dict)
    for mentee_id, mentor_id, rank in MenteePreference.objects.filter(
        mentee__round=round, mentor_id__in=mentor_ids
    ).values_list("mentee_id", "mentor_id", "rank"):
        by_mentee[mentee_id][mentor_id] = rank
    for mentor_id, mentee_id, rank in MentorPreference.objects.filter(
        round=round, mentee__round=round, mentor_id__in=mentor_ids
    ).values_list("mentor_id", "mentee_id", "rank"):
        by_mentor[mentor_id][mentee_id] = rank
    return by_mentee, by_mentor


def pair_rules_in(round, mentors):
    """``(pinned, forbidden)`` pairs among ``{id: mentor with room}``. A pin the round can no longer
    keep (the mentor left the pool or lost room, the two no longer share a language) stops the
    computation with a message naming them."""
    pinned, forbidden, pins = [], [], Counter()
    for rule in PairRule.objects.filter(round=round).select_related("mentor__user", "mentee").order_by("pk"):
        mentor = mentors.get(rule.mentor_id)
        if rule.kind == PairRule.Kind.FORBID:
            if mentor is not None:
                forbidden.append((str(rule.mentee_id), str(rule.mentor_id)))
            continue
        pins[rule.mentor_id] += 1
        if mentor is None or pins[rule.mentor_id] > mentor.room:
            raise MentorsError(
                _("%(mentor)s has no room left for all the mentees pinned to them: remove a pin.")
                % {"mentor": rule.mentor}
            )
        if not share_a_language(rule.mentee, mentor):
            raise MentorsError(
                _("%(mentee)s and %(mentor)s are pinned but share no language any more: remove the pin.")
                % {"mentee": rule.mentee, "mentor": rule.mentor}
            )
        pinned.append((str(rule.mentee_id), str(rule.mentor_id)))
    return tuple(pinned), tuple(forbidden)


def build_problem(round):
    """The solver's instance for ``round``: mentors with room only, rankings limited to them."""
    mentors = [profile for profile in mentor_pool(round) if profile.room]
    mentees = list(round.mentees.prefetch_related("fields").order_by("pk"))
    by_mentee, by_mentor = rankings_in(round, {profile.pk for profile in mentors})
    pinned, forbidden = pair_rules_in(round, {profile.pk: profile for profile in mentors})
    return mentoring.Problem(
        mentees=tuple(solver_mentee(mentee, by_mentee.get(mentee.pk)) for mentee in mentees),
        mentors=tuple(solver_mentor(profile, by_mentor.get(profile.pk)) for profile in mentors),
        pinned=pinned,
        forbidden=forbidden,
    )


def capacity_check(problem):
    """``(mentees, places they can be held in, shortfall)`` for the warning before computing."""
    places = sum(mentor.capacity for mentor in problem.mentors)
    return len(problem.mentees), places, mentoring.capacity_shortfall(problem)
