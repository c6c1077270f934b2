"""Letters about matches, drafted into the campus outbox in each reader's language."""

from django.utils import timezone

from opencampus.core.links import campus_reverse
from opencampus.core.services.outbox import draft_mail
from opencampus.programs.models import Participant
from opencampus.workgroups.models import GroupMember

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def mentee_people(mentee):
    """The people who are the mentee: the participant, or the group's active members."""
    if mentee.participant_id:
        return [mentee.participant.user]
    members = GroupMember.objects.filter(
        group_id=mentee.group_id, participant__state=Participant.State.ACTIVE
    ).select_related("participant__user")
    return [member.participant.user for member in members.order_by("pk")]


def match_link(mentorship, base_url):
    return base_url.rstrip("/") + campus_reverse(mentorship.campus, "mentors:match", pk=mentorship.pk)


def mail_person(*, campus, user, template, context, reason):
    if not user.is_active or not user.email:
        return None
    with timezone.override(campus.tz):
        return draft_mail(
            campus=campus,
            to=user.email,
            recipient=user,
            template=f"mentors/mail/{template}.txt",
            context={"person": user, **context},
            language=user.preferred_language or campus.default_language,
            reason=reason,
        )


def announce_match(mentorship, *, base_url):
    """Tell the mentor and every mentee person about a proposed match, with a link to answer it."""
    context = {"mentorship": mentorship, "link": match_link(mentorship, base_url)}
    mail_person(
        campus=mentorship.campus,
        user=mentorship.mentor.user,
        template="match_proposed_mentor",
        context=context,
        reason="mentor.match_proposed",
    )
    for user in mentee_people(mentorship.mentee):
        mail_person(
            campus=mentorship.campus,
            user=user,
            template="match_proposed_mentee",
            context=context,
            reason="mentor.match_proposed",
        )
