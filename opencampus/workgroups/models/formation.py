from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped


class CohortAgenda(CampusScoped):
    """A social problem offered to a cohort's participants to work on."""

    cohort = models.ForeignKey("programs.Cohort", on_delete=models.CASCADE, related_name="offered_agendas")
    agenda = models.ForeignKey("agendas.Agenda", on_delete=models.PROTECT, related_name="cohort_offers")
    max_groups = models.PositiveSmallIntegerField(_("groups that may take it"), default=1)

    class Meta:
        verbose_name = _("offered problem")
        verbose_name_plural = _("offered problems")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "agenda"], name="agenda_offered_once_per_cohort"),
            models.CheckConstraint(condition=Q(max_groups__gte=1), name="offered_agenda_takes_a_group"),
        ]


class AgendaChoice(CampusScoped):
    """A participant's ranking of the problems offered to the cohort (1 is the first choice)."""

    participant = models.ForeignKey(
        "programs.Participant", on_delete=models.CASCADE, related_name="agenda_choices"
    )
    offer = models.ForeignKey(CohortAgenda, on_delete=models.CASCADE, related_name="choices")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "offer"], name="problem_ranked_once"),
            models.UniqueConstraint(fields=["participant", "rank"], name="rank_used_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="rank_from_one"),
        ]


class Trait(CampusScoped):
    """A participant's value of an attribute that teams are balanced on (sector, skills, gender…)."""

    participant = models.ForeignKey("programs.Participant", on_delete=models.CASCADE, related_name="traits")
    attribute = models.SlugField(_("attribute"), max_length=40)
    value = models.CharField(_("value"), max_length=100)

    class Meta:
        verbose_name = _("trait")
        verbose_name_plural = _("traits")
        ordering = ["attribute", "value"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "attribute"], name="one_value_per_attribute")
        ]


class FormationSettings(CampusScoped):
    """How a cohort's working groups are formed."""

    cohort = models.OneToOneField(
        "programs.Cohort", on_delete=models.CASCADE, related_name="formation_settings"
    )
    min_size = models.PositiveSmallIntegerField(_("smallest group"), default=4)
    max_size = models.PositiveSmallIntegerField(_("largest group"), default=6)
    balance = models.JSONField(_("attributes to balance"), default=list, blank=True)
    no_isolation = models.JSONField(
        _("attributes where no one may be the only one"), default=list, blank=True
    )
    choices_open = models.BooleanField(_("participants may rank problems"), default=True)

    class Meta:
        verbose_name = _("formation settings")
        verbose_name_plural = _("formation settings")
        constraints = [
            models.CheckConstraint(condition=Q(min_size__gte=1), name="formation_min_size_positive"),
            models.CheckConstraint(condition=Q(max_size__gte=F("min_size")), name="formation_sizes_ordered"),
        ]


class FormationRun(CampusScoped):
    """One run of the formation solver: its settings, the proposal, and whether it was applied."""

    cohort = models.ForeignKey("programs.Cohort", on_delete=models.CASCADE, related_name="formation_runs")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    instance = models.JSONField(_("instance"))
    result = models.JSONField(_("result"))
    status = models.CharField(_("status"), max_length=20)
    worst_score = models.IntegerField(_("worst group's score"), null=True, blank=True)
    bound = models.IntegerField(_("bound on the worst score"), null=True, blank=True)
    greedy_worst_score = models.IntegerField(_("greedy baseline's worst score"), null=True, blank=True)
    seconds = models.FloatField(_("time taken (s)"), default=0)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("formation run")
        verbose_name_plural = _("formation runs")
        ordering = ["-created", "-pk"]
