"""Merging a duplicate problem into the one that stays, keeping its supporters and its history."""

from django.db import transaction
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import Agenda, Comment, Endorsement, Evidence, Follow, StateChange
from .errors import AgendaError
from .links import DEFAULT_BASE_URL, agenda_link
from .notices import mail_followers
from .similarity import index_agenda
from .states import actor_or_none, clean_explanation


def merge_problems(source, target):
    if source.campus_id != target.campus_id:
        return _("Both problems must belong to the same campus.")
    if source.pk == target.pk:
        return _("A problem cannot be merged into itself.")
    if source.merged_into_id is not None:
        return _("This problem was already merged into another one.")
    if target.merged_into_id is not None:
        return _("The problem to keep was itself merged into another one; merge into that one.")
    if target.state == Agenda.State.ARCHIVED:
        return _("The problem to keep is archived; re-open it first or choose another.")
    return None


def move_people(model, *, source, target):
    """Move ``model`` rows (endorsements, follows) to ``target``, skipping people already there."""
    already = model.objects.filter(agenda=target).values("user")
    return model.objects.filter(agenda=source).exclude(user__in=already).update(agenda=target)


@transaction.atomic
def merge_agendas(*, source, target, actor, explanation, base_url=DEFAULT_BASE_URL):
    """Archive ``source`` as merged into ``target``, moving its supporters, comments and evidence.

    People who already endorse or follow ``target`` keep their one row there; their rows on
    ``source`` stay with its archived history. Both problems get a public history entry.
    """
    explanation = clean_explanation(explanation)
    locked = {
        agenda.pk: agenda
        for agenda in Agenda.objects.select_for_update().filter(pk__in=[source.pk, target.pk]).order_by("pk")
    }
    for agenda in (source, target):
        agenda.state, agenda.merged_into_id = locked[agenda.pk].state, locked[agenda.pk].merged_into_id
    problem = merge_problems(source, target)
    if problem:
        raise AgendaError(problem)

    old_state = source.state
    source.state, source.merged_into = Agenda.State.ARCHIVED, target
    source.save(update_fields=["state", "merged_into", "updated"])
    merged_note = _("Merged into “%(title)s”: %(link)s") % {
        "title": target.title,
        "link": agenda_link(target, base_url),
    }
    source_change = StateChange.objects.create(
        campus=source.campus,
        agenda=source,
        from_state=old_state,
        to_state=Agenda.State.ARCHIVED,
        explanation=f"{merged_note}\n\n{explanation}",
        changed_by=actor_or_none(actor),
    )
    # Mailed before the follows move, so everyone who followed the duplicate hears where it went.
    mail_followers(agenda=source, change=source_change, base_url=base_url)

    moved = {
        "endorsements": move_people(Endorsement, source=source, target=target),
        "follows": move_people(Follow, source=source, target=target),
        "comments": Comment.objects.filter(agenda=source).update(agenda=target),
        "evidence": Evidence.objects.filter(agenda=source).update(agenda=target),
    }
    target.sdg_goals.add(*source.sdg_goals.all())
    target.sdg_targets.add(*source.sdg_targets.all())
    StateChange.objects.create(
        campus=target.campus,
        agenda=target,
        from_state=target.state,
        to_state=target.state,
        explanation=_("“%(title)s” was merged into this problem.") % {"title": source.title}
        + f"\n\n{explanation}",
        changed_by=actor_or_none(actor),
    )
    target.save(update_fields=["updated"])
    index_agenda(agenda=target)
    log_activity(
        campus=source.campus,
        actor=actor,
        action="agenda.merged",
        subject=source,
        data={"into": target.pk, "from": old_state, **moved},
    )
    log_activity(
        campus=target.campus,
        actor=actor,
        action="agenda.merged_into",
        subject=target,
        data={"source": source.pk},
    )
    return target
