"""Both sides' rankings in a round: a mentee ranks mentors (and says what they look for), a mentor
ranks the round's mentees. Rank 1 is the first choice; equal numbers are ties."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.programs.models import Participant
from opencampus.workgroups.membership import active_memberships

from ..models import (
    MENTORING_LANGUAGES,
    MatchingRound,
    Mentee,
    MenteePreference,
    MentorPreference,
    MentorProfile,
)
from .errors import MentorsError
from .rounds import is_open_for_rankings, mentor_pool

LANGUAGE_CODES = {code for code, _label in MENTORING_LANGUAGES}
KEYWORDS_MAX = Mentee._meta.get_field("keywords").max_length


def mentee_ranks(mentee):
    """``{mentor profile id: rank}``."""
    return dict(MenteePreference.objects.filter(mentee=mentee).values_list("mentor_id", "rank"))


def mentor_ranks(round, mentor):
    """``{mentee id: rank}`` of ``mentor`` in ``round``."""
    return dict(
        MentorPreference.objects.filter(round=round, mentor=mentor, mentee__round=round).values_list(
            "mentee_id", "rank"
        )
    )


def rankable_mentors(round):
    """The pool's mentors with room in this round, the ones a mentee may rank."""
    return [profile for profile in mentor_pool(round) if profile.room]


def round_mentees(round):
    return round.mentees.select_related("participant__user", "group__agenda").order_by("pk")


def check_open(round):
    if round.state != MatchingRound.State.RANKING:
        raise MentorsError(_("This round is published: rankings can no longer change."))
    if not is_open_for_rankings(round):
        raise MentorsError(_("Rankings for this round are closed."))


def dense_ranks(ranks, *, known, unknown_message):
    """Check typed ranks (``{id: rank or None}``) and renumber them 1, 2, 3… keeping ties.

    Ids outside ``known`` (a forged or outdated form) refuse the whole ranking."""
    if set(ranks) - set(known):
        raise MentorsError(unknown_message)
    given = {key: rank for key, rank in ranks.items() if rank is not None}
    limit = len(known)
    for key, rank in given.items():
        if not 1 <= rank <= limit:
            raise MentorsError(_("Ranks go from 1 to %(count)s.") % {"count": limit}, field=f"rank_{key}")
    tier = {rank: position for position, rank in enumerate(sorted(set(given.values())), start=1)}
    return {key: tier[rank] for key, rank in given.items()}


def clean_wishes(*, campus, fields, keywords, languages):
    if any(field.campus_id != campus.pk for field in fields):
        raise MentorsError(_("Choose fields of this campus."), field="fields")
    if set(languages) - LANGUAGE_CODES:
        raise MentorsError(_("Choose languages from the list."), field="languages")
    keywords = ", ".join(word.strip() for word in keywords.split(",") if word.strip())
    if len(keywords) > KEYWORDS_MAX:
        raise MentorsError(
            _("Keep the topics under %(count)s characters.") % {"count": KEYWORDS_MAX}, field="keywords"
        )
    return list(fields), keywords, sorted(set(languages))


@transaction.atomic
def rank_mentors(*, mentee, ranks, actor, fields=(), keywords="", languages=()):
    """Replace the mentee's ranking of the mentors with room, and their wishes (fields and topics
    wanted, languages spoken). ``ranks`` maps mentor profile ids to the rank typed or None."""
    round = mentee.round
    check_open(round)
    known = {profile.pk for profile in rankable_mentors(round)}
    ranked = dense_ranks(
        ranks,
        known=known,
        unknown_message=_("The ranking names a mentor who is not in this round's pool. Reload the page."),
    )
    fields, keywords, languages = clean_wishes(
        campus=round.campus, fields=list(fields), keywords=keywords, languages=languages
    )
    MenteePreference.objects.filter(mentee=mentee).delete()
    MenteePreference.objects.bulk_create(
        MenteePreference(campus=round.campus, mentee=mentee, mentor_id=mentor_id, rank=rank)
        for mentor_id, rank in sorted(ranked.items(), key=lambda item: (item[1], item[0]))
    )
    mentee.keywords, mentee.languages = keywords, languages
    mentee.save(update_fields=["keywords", "languages"])
    mentee.fields.set(fields)
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.mentors_ranked",
        subject=mentee,
        data={"round": round.pk, "ranked": len(ranked), "fields": len(fields), "languages": languages},
    )
    return ranked


@transaction.atomic
def rank_mentees(*, round, mentor, ranks, actor):
    """Replace ``mentor``'s ranking of the round's mentees (``{mentee id: rank or None}``)."""
    check_open(round)
    if mentor.pk not in {profile.pk for profile in mentor_pool(round)}:
        raise MentorsError(_("Only active mentors of this campus rank the mentees."))
    known = set(round.mentees.values_list("pk", flat=True))
    ranked = dense_ranks(
        ranks,
        known=known,
        unknown_message=_("The ranking names a mentee who is not in this round. Reload the page."),
    )
    MentorPreference.objects.filter(round=round, mentor=mentor).delete()
    MentorPreference.objects.bulk_create(
        MentorPreference(campus=round.campus, round=round, mentor=mentor, mentee_id=mentee_id, rank=rank)
        for mentee_id, rank in sorted(ranked.items(), key=lambda item: (item[1], item[0]))
    )
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.mentees_ranked",
        subject=mentor,
        data={"round": round.pk, "ranked": len(ranked)},
    )
    return ranked


def rankings_to_give(user, campus):
    """What ``user`` may rank now: ``(mentee rows of open rounds, active mentor profile or None,
    open rounds for that mentor)``."""
    as_mentee = Q(participant__user=user, participant__state=Participant.State.ACTIVE) | Q(
        group__in=active_memberships(user).values("group")
    )
    mentees = [
        mentee
        for mentee in Mentee.objects.filter(
            as_mentee, campus=campus, round__state=MatchingRound.State.RANKING
        )
        .select_related("round__cohort", "participant__user", "group")
        .order_by("pk")
        if is_open_for_rankings(mentee.round)
    ]
    profile = MentorProfile.objects.filter(campus=campus, user=user, state=MentorProfile.State.ACTIVE).first()
    rounds = []
    if profile is not None:
        rounds = [
            round
            for round in MatchingRound.objects.filter(
                campus=campus, state=MatchingRound.State.RANKING
            ).select_related("cohort")
            if is_open_for_rankings(round)
        ]
    return mentees, profile, rounds
