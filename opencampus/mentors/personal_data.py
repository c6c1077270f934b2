"""The mentor network, matching and mentoring in a person's data download and an account's deletion.

A deleted mentor's profile, mentorships and sessions stay, anonymised, so mentees keep their history
and the campus its counts; what the person wrote about themselves and their private notes go.
"""

from django.db.models import Q

from opencampus.workgroups.models import GroupMember

from .models import (
    MatchingRound,
    Mentee,
    MenteePreference,
    MentoringSession,
    MentorInvitation,
    MentorPreference,
    MentorProfile,
    Mentorship,
)


def _iso(value):
    return value.isoformat() if value is not None else None


def _as_mentee(user):
    """The mentee rows that are the person: as a participant, or as a member of the group."""
    groups = GroupMember.objects.filter(participant__user=user).values("group_id")
    return Q(participant__user=user) | Q(group_id__in=groups)


def _profile(profile):
    return {
        "campus": profile.campus.slug,
        "state": profile.state,
        "source": profile.source,
        "fields": [field.code for field in profile.fields.all()],
        "keywords": profile.keywords,
        "languages": profile.languages,
        "affiliation": profile.affiliation,
        "capacity": profile.capacity,
        "bio_ko": profile.bio_ko,
        "bio_en": profile.bio_en,
        "is_listed": profile.is_listed,
        "teaches": profile.teaches,
        "vetting_note": profile.vetting_note,
        "activated_at": _iso(profile.activated_at),
        "created": _iso(profile.created),
    }


def _mentorship(mentorship, role):
    other = mentorship.mentee if role == "mentor" else mentorship.mentor
    return {
        "campus": mentorship.campus.slug,
        "cohort": mentorship.round.cohort.slug,
        "as": role,
        "with": str(other),
        "state": mentorship.state,
        "created": _iso(mentorship.created),
        "ended_at": _iso(mentorship.ended_at),
    }


def _session(session, role):
    exported = {
        "mentorship": session.mentorship_id,
        "as": role,
        "state": session.state,
        "starts_at": _iso(session.starts_at),
        "duration_minutes": session.duration_minutes,
        "topic": session.topic,
        "shared_notes": session.shared_notes,
        "rating": session.rating,
        "rating_comment": session.rating_comment,
    }
    if role == "mentor":
        exported.update(private_notes=session.private_notes, follow_ups=session.follow_ups)
    return exported


def collect(sender, *, user, **kwargs):
    mentees = Mentee.objects.filter(_as_mentee(user))
    mentorship_related = (
        "campus",
        "round__cohort",
        "mentor__user",
        "mentee__participant__user",
        "mentee__group",
    )
    as_mentor = Mentorship.objects.filter(mentor__user=user).select_related(*mentorship_related)
    as_mentee = Mentorship.objects.filter(mentee__in=mentees).select_related(*mentorship_related)
    return {
        "mentor_profiles": [
            _profile(profile)
            for profile in MentorProfile.objects.filter(user=user)
            .select_related("campus")
            .prefetch_related("fields")
            .order_by("pk")
        ],
        "mentor_invitations": [
            {
                "campus": invitation.campus.slug,
                "email": invitation.email,
                "message": invitation.message,
                "invited": _iso(invitation.created),
                "accepted_at": _iso(invitation.accepted_at),
            }
            for invitation in MentorInvitation.objects.filter(accepted_by=user).select_related("campus")
        ],
        "mentee_wishes": [
            {
                "campus": mentee.campus.slug,
                "cohort": mentee.round.cohort.slug,
                "fields": [field.code for field in mentee.fields.all()],
                "keywords": mentee.keywords,
                "languages": mentee.languages,
            }
            for mentee in Mentee.objects.filter(participant__user=user)
            .select_related("campus", "round__cohort")
            .prefetch_related("fields")
        ],
        "mentor_rankings": [
            {"cohort": choice.mentee.round.cohort.slug, "mentor": str(choice.mentor), "rank": choice.rank}
            for choice in MenteePreference.objects.filter(mentee__in=mentees).select_related(
                "mentee__round__cohort", "mentor__user"
            )
        ],
        "mentee_rankings": [
            {"cohort": choice.round.cohort.slug, "mentee": str(choice.mentee), "rank": choice.rank}
            for choice in MentorPreference.objects.filter(mentor__user=user).select_related(
                "round__cohort", "mentee__participant__user", "mentee__group"
            )
        ],
        "mentorships": [_mentorship(item, "mentor") for item in as_mentor]
        + [_mentorship(item, "mentee") for item in as_mentee],
        "mentoring_sessions": [
            _session(session, "mentor")
            for session in MentoringSession.objects.filter(mentorship__in=as_mentor)
        ]
        + [
            _session(session, "mentee")
            for session in MentoringSession.objects.filter(mentorship__in=as_mentee)
        ],
    }


def erase(sender, *, user, email, **kwargs):
    """Profiles lose what the person wrote and leave the network; private notes and the person's own
    comments on sessions go; rankings in rounds still collecting them go; invitations forget the address."""
    MentorProfile.objects.filter(user=user).update(
        state=MentorProfile.State.INACTIVE,
        is_listed=False,
        keywords="",
        languages=[],
        affiliation="",
        bio_ko="",
        bio_en="",
        vetting_note="",
    )
    MentoringSession.objects.filter(mentorship__mentor__user=user).update(private_notes="")
    MentoringSession.objects.filter(mentorship__mentee__participant__user=user).update(rating_comment="")
    Mentee.objects.filter(participant__user=user).update(keywords="")
    ranking = MatchingRound.State.RANKING
    MenteePreference.objects.filter(mentee__participant__user=user, mentee__round__state=ranking).delete()
    MentorPreference.objects.filter(mentor__user=user, round__state=ranking).delete()
    MentorInvitation.objects.filter(Q(accepted_by=user) | Q(email__iexact=email)).update(
        email=user.email, message=""
    )
