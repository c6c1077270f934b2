"""Telling the campus team when a marking drops participants below the attendance a cohort needs.

``completion`` counts a held session nobody marked as absent. Were that the rate "before", the
team would never hear about those who simply did not come, so a session the marking records for
the first time is left out of the rate before it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from opencampus.core.models import ActivityLog
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.people.models import CampusRole, User

from .completion import percentage

ALERT_ACTION = "attendance.below_threshold"
TEAM_ROLES = [CampusRole.Role.OPERATOR, CampusRole.Role.STAFF]


def rates_before(verdicts, first_recorded):
    """Each participant's rate before the marking; ``first_recorded``: ids it records for the first time."""
    return {
        verdict.participant.pk: (
            percentage(verdict.attended, verdict.counted - 1)
            if verdict.participant.pk in first_recorded
            else verdict.rate
        )
        for verdict in verdicts
    }


def dropped_below_threshold(before, after):
    """The verdicts of those at or above the threshold before and below it after."""
    return [
        verdict
        for verdict in after
        if verdict.below_threshold
        and before.get(verdict.participant.pk) is not None
        and before[verdict.participant.pk] >= verdict.threshold
    ]


def team_recipients(campus):
    """``(address, language, person)`` for the warning: the campus's contact address, else each
    operator and staff member in their own language."""
    if campus.contact_email:
        return [(campus.contact_email, campus.default_language, None)]
    team = User.objects.filter(
        Q(campus_roles__campus=campus) & Q(campus_roles__role__in=TEAM_ROLES), is_active=True
    ).distinct()
    return [(person.email, person.preferred_language, person) for person in team.order_by("email")]


def warn_about_drops(*, session, entry, dropped, actor, link=""):
    """Draft one warning per recipient for this marking of ``session`` and log it on the cohort."""
    cohort = session.cohort
    with timezone.override(session.campus.tz):
        for address, language, person in team_recipients(session.campus):
            draft_mail(
                campus=session.campus,
                to=address,
                recipient=person,
                template="programs/mail/attendance_below_threshold.txt",
                context={
                    "session": session,
                    "entry": entry,
                    "cohort": cohort,
                    "dropped": dropped,
                    "link": link,
                },
                language=language,
                reason=ALERT_ACTION,
            )
    log_activity(
        campus=session.campus,
        actor=actor,
        action=ALERT_ACTION,
        subject=cohort,
        data={
            "session": session.pk,
            "session_title": session.title,
            "participants": [verdict.participant.pk for verdict in dropped],
            "names": [str(verdict.participant.user) for verdict in dropped],
        },
    )


def recent_alerts(cohort, limit=5):
    """The latest warnings logged on ``cohort``, newest first."""
    return list(
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(cohort),
            object_id=str(cohort.pk),
            action=ALERT_ACTION,
        )
        .select_related("actor")
        .order_by("-created", "-pk")[:limit]
    )
