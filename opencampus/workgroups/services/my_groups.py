"""A participant's working groups and rankings across the campus's cohorts."""

from collections import defaultdict
from dataclasses import dataclass, field

from opencampus.programs.models import Participant

from ..models import AgendaChoice, CohortAgenda, FormationSettings, GroupMember


@dataclass
class MyCohort:
    participant: Participant
    group: object = None
    ranking: list = field(default_factory=list)  # agendas, first choice first
    offers: int = 0
    ranking_open: bool = True

    @property
    def may_rank(self):
        return self.participant.state == Participant.State.ACTIVE and self.ranking_open and self.offers > 0


def my_cohorts(*, user, campus):
    """Each of ``user``'s participations on ``campus``, newest cohort first, read in five queries."""
    participations = list(
        Participant.objects.filter(campus=campus, user=user)
        .select_related("cohort__track")
        .order_by("-cohort__starts_on", "pk")
    )
    cohorts = [p.cohort_id for p in participations]
    groups = {
        member.participant_id: member.group
        for member in GroupMember.objects.filter(participant__in=participations).select_related(
            "group__agenda"
        )
    }
    ranked = defaultdict(list)
    for choice in (
        AgendaChoice.objects.filter(participant__in=participations)
        .select_related("offer__agenda")
        .order_by("rank")
    ):
        ranked[choice.participant_id].append(choice.offer.agenda)
    offers = defaultdict(int)
    for cohort_id in CohortAgenda.objects.filter(cohort_id__in=cohorts).values_list("cohort_id", flat=True):
        offers[cohort_id] += 1
    closed = set(
        FormationSettings.objects.filter(cohort_id__in=cohorts, choices_open=False).values_list(
            "cohort_id", flat=True
        )
    )
    return [
        MyCohort(
            participant=p,
            group=groups.get(p.pk),
            ranking=ranked[p.pk],
            offers=offers[p.cohort_id],
            ranking_open=p.cohort_id not in closed,
        )
        for p in participations
    ]
