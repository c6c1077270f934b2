from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .curriculum import Session
from .tracks import Cohort


class Timetable(CampusScoped):
    """One version of a cohort's plan. A published version is frozen; changes make a new draft."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        SUPERSEDED = "superseded", _("superseded")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="timetables", verbose_name=_("cohort")
    )
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.DRAFT)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("re-planned from"),
    )
    solver_status = models.CharField(_("solver status"), max_length=12)
    objective = models.BigIntegerField(_("objective"), null=True, blank=True)
    bound = models.BigIntegerField(_("bound"), null=True, blank=True)
    wall_time = models.FloatField(_("solving time (s)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("timetable")
        verbose_name_plural = _("timetables")
        ordering = ["cohort", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "number"], name="timetable_version_per_cohort"),
            models.UniqueConstraint(
                fields=["cohort"], condition=Q(state="published"), name="one_published_timetable_per_cohort"
            ),
        ]

    def __str__(self):
        return f"{self.cohort} · v{self.number}"


class TimetableEntry(CampusScoped):
    """Where and when a timetable puts a session, or why it could not (``reasons``)."""

    timetable = models.ForeignKey(
        Timetable, on_delete=models.CASCADE, related_name="entries", verbose_name=_("timetable")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="entries", verbose_name=_("session")
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends (first day)"), null=True, blank=True)
    days = models.PositiveSmallIntegerField(_("days"), default=1)
    week = models.PositiveSmallIntegerField(_("week"), null=True, blank=True)
    room = models.ForeignKey(
        "park.Space",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("room"),
    )
    booking = models.ForeignKey(
        "park.Booking", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reasons = models.JSONField(_("why it could not be placed"), default=list, blank=True)

    class Meta:
        verbose_name = _("timetable entry")
        verbose_name_plural = _("timetable entries")
        ordering = ["timetable", F("starts_at").asc(nulls_last=True), "pk"]
        constraints = [
            models.UniqueConstraint(fields=["timetable", "session"], name="one_entry_per_session"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True, ends_at__isnull=True, week__isnull=True)
                | Q(starts_at__isnull=False, ends_at__gt=F("starts_at"), week__isnull=False),
                name="entry_placed_or_not",
            ),
        ]
        indexes = [models.Index(fields=["campus", "starts_at"], name="entry_campus_start")]

    def __str__(self):
        return f"{self.session} · {self.starts_at or '—'}"

    @property
    def is_placed(self):
        return self.starts_at is not None
