"""Mails to the people who follow a problem, written in each one's language and sent at once."""

from opencampus.core.services.outbox import draft_mail, release_messages

from ..models import Follow
from .links import agenda_link


def tell_followers(*, agenda, template, context, reason, base_url):
    """Mail every active follower of ``agenda`` the ``template`` (its context gains ``agenda``,
    ``person`` and ``link``, the problem's address); followers expect the news without delay."""
    follows = Follow.objects.filter(agenda=agenda, user__is_active=True).select_related("user").order_by("pk")
    link = agenda_link(agenda, base_url)
    drafts = [
        draft_mail(
            campus=agenda.campus,
            to=follow.user.email,
            recipient=follow.user,
            template=template,
            context={**context, "agenda": agenda, "person": follow.user, "link": link},
            language=follow.user.preferred_language,
            reason=reason,
        )
        for follow in follows
    ]
    release_messages(messages=drafts, actor=None)
    return drafts


def mail_followers(*, agenda, change, base_url):
    """Tell every follower about ``change`` (a StateChange)."""
    return tell_followers(
        agenda=agenda,
        template="agendas/mail/state_changed.txt",
        context={"change": change},
        reason="agenda.state_changed",
        base_url=base_url,
    )
