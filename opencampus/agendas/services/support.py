"""Endorsing a problem (one per person) and following it (mail when it moves on)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Agenda, Endorsement, Follow
from .errors import AgendaError
from .policy import agenda_policy


def ensure_open_for_participation(agenda):
    """Endorsements and comments go to live problems: not archived ones, not merged ones."""
    if agenda.merged_into_id is not None:
        raise AgendaError(_("This problem was merged into another one: take part there."))
    if agenda.state == Agenda.State.ARCHIVED:
        raise AgendaError(_("This problem is archived: it takes no more endorsements or comments."))


def endorse_agenda(*, agenda, user):
    """Add ``user``'s endorsement; a second one is refused, even when two requests race."""
    ensure_open_for_participation(agenda)
    if agenda.proposed_by_id == user.pk and not agenda_policy(agenda.campus).allow_self_endorsement:
        raise AgendaError(_("You proposed this problem; on this campus proposers do not endorse their own."))
    try:
        with transaction.atomic():
            endorsement = Endorsement.objects.create(campus=agenda.campus, agenda=agenda, user=user)
    except IntegrityError:
        raise AgendaError(_("You already endorse this problem.")) from None
    log_activity(campus=agenda.campus, actor=user, action="agenda.endorsed", subject=agenda)
    return endorsement


def withdraw_endorsement(*, agenda, user):
    deleted, _rows = Endorsement.objects.filter(agenda=agenda, user=user).delete()
    if not deleted:
        raise AgendaError(_("You do not endorse this problem."))
    log_activity(campus=agenda.campus, actor=user, action="agenda.endorsement_withdrawn", subject=agenda)


def follow_agenda(*, agenda, user):
    """Follow ``agenda``; following twice keeps the one follow. Returns whether it is new."""
    if agenda.merged_into_id is not None:
        raise AgendaError(_("This problem was merged into another one: follow that one instead."))
    try:
        with transaction.atomic():
            _follow, created = Follow.objects.get_or_create(
                agenda=agenda, user=user, defaults={"campus": agenda.campus}
            )
    except IntegrityError:
        created = False
    return created


def unfollow_agenda(*, agenda, user):
    """Stop following; returns whether the person was following."""
    deleted, _rows = Follow.objects.filter(agenda=agenda, user=user).delete()
    return bool(deleted)
