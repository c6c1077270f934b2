from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .spaces import Space


class Booking(CampusScoped):
    """A request for a space, once or on a recurrence; each date is an ``Occurrence``.

    A blocking is a booking staff make to keep a space free (maintenance, a campus
    event): it is confirmed at once and conflicts like any confirmed booking.
    """

    class Kind(models.TextChoices):
        BOOKING = "booking", _("booking")
        BLOCKING = "blocking", _("blocking")

    class State(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    class Frequency(models.TextChoices):
        ONCE = "once", _("once")
        DAILY = "daily", _("daily")
        WEEKLY = "weekly", _("weekly")
        MONTHLY = "monthly", _("monthly")

    space = models.ForeignKey(
        Space, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("space")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.BOOKING)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="bookings",
        verbose_name=_("booked by"),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("on behalf of"),
        help_text=_("The hours count against this organisation's monthly quota."),
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    attendees = models.PositiveIntegerField(_("people attending"), default=1)
    # The first occurrence; the recurrence repeats its local wall-clock times.
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    frequency = models.CharField(_("repeats"), max_length=10, choices=Frequency, default=Frequency.ONCE)
    interval = models.PositiveSmallIntegerField(_("every"), default=1)
    weekdays = models.CharField(
        _("on weekdays"), max_length=20, blank=True, help_text=_("Weekly repeats: 0 = Monday … 6 = Sunday.")
    )
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("times"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note to the person who booked"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="booking_ends_after_start"),
            models.CheckConstraint(condition=Q(interval__gte=1), name="booking_interval_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_recurring(self):
        return self.frequency != self.Frequency.ONCE


class Occurrence(CampusScoped):
    """One date of a booking. Confirmed occurrences hold ``SpaceClaim`` rows; pending ones
    are soft conflicts; skipped ones are dates a series left out because they collided."""

    class State(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        CONFIRMED = "confirmed", _("confirmed")
        SKIPPED = "skipped", _("skipped (conflict)")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("booking")
    )
    space = models.ForeignKey(
        Space, on_delete=models.PROTECT, related_name="occurrences", verbose_name=_("space")
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["space", "start", "end"], name="occurrence_space_time"),
            # Inside a campus scope every query also filters on the campus.
            models.Index(fields=["campus", "space", "start", "end"], name="occurrence_campus_space_time"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="occurrence_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.booking} · {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.state in {self.State.PENDING, self.State.CONFIRMED}


class SpaceClaim(CampusScoped):
    """A confirmed occurrence's hold on its space and on each space inside it.

    On PostgreSQL an exclusion constraint (migration 0002) forbids two claims on one
    space whose time ranges overlap, so no race can double-book; on SQLite the IMMEDIATE
    transaction around check-and-insert does the same job.
    """

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="claims")
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="claims")
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        verbose_name = _("space claim")
        verbose_name_plural = _("space claims")
        indexes = [
            models.Index(fields=["space", "start", "end"], name="claim_space_time"),
            models.Index(fields=["campus", "space", "start", "end"], name="claim_campus_space_time"),
            models.Index(fields=["campus", "end"], name="claim_campus_end"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.space} {self.start:%Y-%m-%d %H:%M}-{self.end:%H:%M}"
