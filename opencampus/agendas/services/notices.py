"""Mails to the people who follow a problem, written in each one's language and sent at once."""

from opencampus.core.services.outbox import draft_mail, release_messages

from ..models import Follow
from .links import agenda_link


def mail_followers(*, agenda, change, base_url):
    """Tell every follower about ``change`` (a StateChange); followers expect the news without delay."""
    follows = Follow.objects.filter(agenda=agenda, user__is_active=True).select_related("user").order_by("pk")
    drafts = [
        draft_mail(
            campus=agenda.campus,
            to=follow.user.email,
            recipient=follow.user,
            template="agendas/mail/state_changed.txt",
            context={
                "agenda": agenda,
                "change": change,
                "person": follow.user,
                "link": agenda_link(agenda, base_url),
            },
            language=follow.user.preferred_language,
            reason="agenda.state_changed",
        )
        for follow in follows
    ]
    release_messages(messages=drafts, actor=None)
    return drafts
