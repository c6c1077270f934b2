from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .tracks import Cohort


class Participant(CampusScoped):
    """A person in a cohort, from the day they joined to the day they left, if they left."""

    class State(models.TextChoices):
        ACTIVE = "active", _("taking part")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Source(models.TextChoices):
        CALL = "call", _("selected through the call")
        FIRST_COME = "first_come", _("registered (first come)")
        LOTTERY = "lottery", _("drawn in the lottery")
        LATE = "late", _("joined late")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="participants", verbose_name=_("cohort")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("person"),
    )
    application = models.ForeignKey(
        "calls.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("application"),
    )
    source = models.CharField(_("how they joined"), max_length=12, choices=Source)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.ACTIVE)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    leave_reason = models.TextField(_("why they left"), blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_participation_per_cohort"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="participant_leaves_after_joining",
            ),
            models.CheckConstraint(
                condition=Q(state="active", left_on__isnull=True)
                | Q(state="withdrawn", left_on__isnull=False),
                name="participant_left_on_matches_state",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.cohort}"


class Registration(CampusScoped):
    """A sign-up for a cohort admitted first come or by lottery; ``code`` is its public entrant number."""

    class State(models.TextChoices):
        ENTERED = "entered", _("entered")
        ADMITTED = "admitted", _("admitted")
        NOT_DRAWN = "not_drawn", _("not drawn")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("cohort")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cohort_registrations",
        verbose_name=_("person"),
    )
    code = models.CharField(_("entrant number"), max_length=12)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.ENTERED)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_registration_per_cohort"),
            models.UniqueConstraint(fields=["cohort", "code"], name="registration_code_per_cohort"),
        ]

    def __str__(self):
        return f"{self.code} · {self.cohort}"


class LotteryDraw(CampusScoped):
    """A cohort's public draw: the seed, the frozen list of entrants and the order it produced.

    Anyone can re-run it: ``python -m opencampus.solvers lottery`` on the published JSON.
    """

    cohort = models.OneToOneField(
        Cohort, on_delete=models.CASCADE, related_name="lottery", verbose_name=_("cohort")
    )
    seed = models.CharField(
        _("seed"),
        max_length=200,
        help_text=_("Announced before the draw, e.g. a public figure known only on the day of the draw."),
    )
    entrants = models.JSONField(_("entrant numbers"), default=list)
    order = models.JSONField(_("draw order"), default=list)
    places = models.PositiveIntegerField(_("places drawn"))
    drawn_at = models.DateTimeField(_("drawn at"))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drawn by"),
    )

    class Meta:
        verbose_name = _("lottery draw")
        verbose_name_plural = _("lottery draws")

    def __str__(self):
        return str(self.cohort)
