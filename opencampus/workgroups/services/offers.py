"""The social problems offered to a cohort, how many groups may take each, and whether
participants may rank them now."""

from django.db import transaction
from django.utils.translation import gettext as _

from opencampus.agendas.models import Agenda
from opencampus.core.services.activity import log_activity

from ..models import CohortAgenda, WorkingGroup
from .errors import WorkgroupError
from .formation_settings import settings_of

MAX_GROUPS_PER_PROBLEM = 20


def offerable_agendas(*, cohort):
    """The campus's problems still open to work on (not archived, not merged) not offered yet."""
    return (
        Agenda.objects.filter(campus=cohort.campus, merged_into__isnull=True)
        .exclude(state=Agenda.State.ARCHIVED)
        .exclude(cohort_offers__cohort=cohort)
        .order_by("-created", "-pk")
    )


def _check_max_groups(max_groups):
    if not 1 <= max_groups <= MAX_GROUPS_PER_PROBLEM:
        raise WorkgroupError(
            _("A problem may be taken by 1 to %(most)s groups.") % {"most": MAX_GROUPS_PER_PROBLEM},
            field="max_groups",
        )


@transaction.atomic
def offer_agenda(*, cohort, agenda, max_groups, actor):
    _check_max_groups(max_groups)
    if agenda.campus_id != cohort.campus_id:
        raise WorkgroupError(_("This problem belongs to another campus."), field="agenda")
    if agenda.merged_into_id is not None or agenda.state == Agenda.State.ARCHIVED:
        raise WorkgroupError(_("Archived or merged problems cannot be offered."), field="agenda")
    if CohortAgenda.objects.filter(cohort=cohort, agenda=agenda).exists():
        raise WorkgroupError(_("This problem is already offered to the cohort."), field="agenda")
    offer = CohortAgenda.objects.create(
        campus=cohort.campus, cohort=cohort, agenda=agenda, max_groups=max_groups
    )
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.problem_offered",
        subject=cohort,
        data={"agenda": agenda.pk, "max_groups": max_groups},
    )
    return offer


def groups_on(offer):
    return WorkingGroup.objects.filter(cohort_id=offer.cohort_id, agenda_id=offer.agenda_id)


@transaction.atomic
def change_offer(*, offer, max_groups, actor):
    _check_max_groups(max_groups)
    taking = groups_on(offer).count()
    if max_groups < taking:
        raise WorkgroupError(
            _("%(count)s groups already work on this problem; allow at least that many.") % {"count": taking},
            field="max_groups",
        )
    offer.max_groups = max_groups
    offer.save(update_fields=["max_groups"])
    log_activity(
        campus=offer.campus,
        actor=actor,
        action="workgroups.offer_changed",
        subject=offer.cohort,
        data={"agenda": offer.agenda_id, "max_groups": max_groups},
    )
    return offer


@transaction.atomic
def remove_offer(*, offer, actor):
    """Take a problem back from the cohort; the participants' rankings of it go with it."""
    if groups_on(offer).exists():
        raise WorkgroupError(_("A group works on this problem: give the group another problem first."))
    rankings = offer.choices.count()
    cohort, agenda_id = offer.cohort, offer.agenda_id
    offer.delete()
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.offer_removed",
        subject=cohort,
        data={"agenda": agenda_id, "rankings_removed": rankings},
    )
    return rankings


@transaction.atomic
def set_ranking_open(*, cohort, is_open, actor):
    formation = settings_of(cohort)
    formation.choices_open = is_open
    formation.save()
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.ranking_opened" if is_open else "workgroups.ranking_closed",
        subject=cohort,
    )
    return formation
