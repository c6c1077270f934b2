"""Mails about sessions, drafted in the outbox for the other side of whoever acted."""

from django.utils import timezone

from opencampus.core.links import campus_reverse
from opencampus.core.services.outbox import draft_mail

from .mentoring_people import MENTOR, mentee_people
from .mentoring_times import ends_at, shown_span


def mentorship_link(mentorship, base_url):
    return base_url.rstrip("/") + campus_reverse(mentorship.campus, "mentors:mentorship", pk=mentorship.pk)


def mail_other_side(session, side, template, *, actor, base_url, reason=""):
    """Draft ``mentors/mail/<template>.txt`` for each person on the other side of ``side``."""
    mentorship, campus = session.mentorship, session.campus
    recipients = mentee_people(mentorship.mentee) if side == MENTOR else [mentorship.mentor.user]
    context = {
        "session": session,
        "mentorship": mentorship,
        "actor": actor,
        "when": shown_span(session.starts_at, ends_at(session), campus),
        "reason": reason,
        "link": mentorship_link(mentorship, base_url),
    }
    with timezone.override(campus.tz):
        return [
            draft_mail(
                campus=campus,
                to=person.email,
                recipient=person,
                template=f"mentors/mail/{template}.txt",
                context={**context, "person": person},
                language=person.preferred_language or campus.default_language,
                reason=f"mentor.{template}",
            )
            for person in recipients
            if person.email
        ]
