"""A participant's ranking of the problems offered to their cohort (1 is the first choice)."""

from django.db import transaction
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.programs.models import Participant

from ..models import AgendaChoice, CohortAgenda
from .errors import WorkgroupError
from .formation_settings import settings_of


def offers_of(cohort):
    return CohortAgenda.objects.filter(cohort=cohort).select_related("agenda").order_by("pk")


def ranking_of(participant):
    """``{offer id: rank}``."""
    return dict(AgendaChoice.objects.filter(participant=participant).values_list("offer_id", "rank"))


@transaction.atomic
def rank_problems(*, participant, ranks, actor):
    """Replace the participant's ranking. ``ranks`` maps offer ids to the rank typed (None for
    a problem left unranked); the ranks keep their order and are renumbered from 1."""
    cohort = participant.cohort
    if participant.state != Participant.State.ACTIVE:
        raise WorkgroupError(_("Only people taking part in the cohort rank its problems."))
    if not settings_of(cohort).choices_open:
        raise WorkgroupError(_("Ranking is closed for this cohort."))
    offered = set(CohortAgenda.objects.filter(cohort=cohort).values_list("pk", flat=True))
    if set(ranks) - offered:
        raise WorkgroupError(_("You ranked a problem that is not offered to this cohort. Reload the page."))
    given = {offer: rank for offer, rank in ranks.items() if rank is not None}
    if any(rank < 1 for rank in given.values()):
        raise WorkgroupError(_("Ranks start at 1."))
    if len(set(given.values())) != len(given):
        raise WorkgroupError(_("Give each problem a different rank."))
    ordered = sorted(given, key=given.get)
    AgendaChoice.objects.filter(participant=participant).delete()
    AgendaChoice.objects.bulk_create(
        AgendaChoice(campus=cohort.campus, participant=participant, offer_id=offer, rank=rank)
        for rank, offer in enumerate(ordered, start=1)
    )
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="workgroups.problems_ranked",
        subject=participant,
        data={"ranked": len(ordered)},
    )
    return ordered
