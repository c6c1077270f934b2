from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .network import MentorProfile


class MatchingRound(CampusScoped):
    """Matching a cohort's participants, or its working groups, with mentors: both sides rank,
    the campus team computes a stable and a maximum-fit result and publishes one."""

    class MenteeKind(models.TextChoices):
        PARTICIPANTS = "participants", _("participants")
        GROUPS = "groups", _("working groups")

    class State(models.TextChoices):
        RANKING = "ranking", _("collecting rankings")
        PUBLISHED = "published", _("published")

    class Method(models.TextChoices):
        STABLE = "stable", _("stable matching")
        MAX_FIT = "max_fit", _("maximum total fit")

    cohort = models.ForeignKey(
        "programs.Cohort", on_delete=models.CASCADE, related_name="matching_rounds", verbose_name=_("cohort")
    )
    mentee_kind = models.CharField(_("mentees"), max_length=12, choices=MenteeKind)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.RANKING)
    rankings_close_at = models.DateTimeField(_("rankings close at"), null=True, blank=True)
    published_run = models.ForeignKey(
        "MatchingRun", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_method = models.CharField(_("published result"), max_length=8, choices=Method, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")
        ordering = ["-created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="ranking") | (Q(published_run__isnull=False) & ~Q(published_method="")),
                name="published_round_names_its_result",
            )
        ]

    def __str__(self):
        return f"{self.cohort} · {self.get_mentee_kind_display()}"


class Mentee(CampusScoped):
    """One side of a round: a participant of the cohort or one of its working groups."""

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="mentees")
    participant = models.ForeignKey(
        "programs.Participant", on_delete=models.CASCADE, null=True, blank=True, related_name="mentee_rows"
    )
    group = models.ForeignKey(
        "workgroups.WorkingGroup", on_delete=models.CASCADE, null=True, blank=True, related_name="mentee_rows"
    )
    # What the mentee looks for; the fit score compares these with the mentor's profile.
    fields = models.ManyToManyField(
        "MentorField", blank=True, related_name="wanted_by", verbose_name=_("fields wanted")
    )
    keywords = models.CharField(_("topics wanted"), max_length=400, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)

    class Meta:
        verbose_name = _("mentee")
        verbose_name_plural = _("mentees")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(participant__isnull=True, group__isnull=False)
                | Q(participant__isnull=False, group__isnull=True),
                name="mentee_is_a_participant_or_a_group",
            ),
            models.UniqueConstraint(fields=["round", "participant"], name="participant_once_per_round"),
            models.UniqueConstraint(fields=["round", "group"], name="group_once_per_round"),
        ]

    def __str__(self):
        return str(self.group if self.group_id else self.participant.user)


class MenteePreference(CampusScoped):
    """A mentee's rank of a mentor (1 = first choice; equal ranks are ties)."""

    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="preferences")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="ranked_by_mentees")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["mentee", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mentee", "mentor"], name="mentee_ranks_a_mentor_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="mentee_rank_positive"),
        ]


class MentorPreference(CampusScoped):
    """A mentor's rank of a mentee in one round (1 = first choice; equal ranks are ties)."""

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="mentor_preferences")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="mentee_rankings")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="ranked_by_mentors")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["mentor", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mentor", "mentee"], name="mentor_ranks_a_mentee_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="mentor_rank_positive"),
        ]


class PairRule(CampusScoped):
    """An operator's decision about one pair before matching: always match them, or never."""

    class Kind(models.TextChoices):
        PIN = "pin", _("always match")
        FORBID = "forbid", _("never match")

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="pair_rules")
    mentee = models.ForeignKey(Mentee, on_delete=models.CASCADE, related_name="pair_rules")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="pair_rules")
    kind = models.CharField(_("rule"), max_length=6, choices=Kind)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pair rule")
        verbose_name_plural = _("pair rules")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["mentee", "mentor"], name="one_rule_per_pair")]


class MatchingRun(CampusScoped):
    """Both results computed from one snapshot of the round: the solver's output, keyed by
    method, with mentee and mentor ids being Mentee and MentorProfile primary keys."""

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="runs")
    results = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created", "-pk"]
