from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .curriculum import Session, Weekday

# Seoul's plan: instructors from the mentor network are paid 300,000 won per lecture day.
LECTURE_FEE_PER_DAY = 300_000


class InstructorAvailability(CampusScoped):
    """A weekly window in which an instructor can teach on this campus."""

    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="teaching_windows",
        verbose_name=_("instructor"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        ordering = ["weekday", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="availability_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="availability_weekday"),
        ]

    def __str__(self):
        return f"{self.instructor} · {self.get_weekday_display()} {self.starts_at:%H:%M}-{self.ends_at:%H:%M}"


class InstructorAbsence(CampusScoped):
    """A time an instructor cannot teach after all (a cancelled week); re-planning moves their sessions."""

    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="teaching_absences",
        verbose_name=_("instructor"),
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="absence_ends_after_start")
        ]

    def __str__(self):
        return f"{self.instructor} · {self.starts_at:%Y-%m-%d}"


class Engagement(CampusScoped):
    """An instructor's part in one session: invited when a timetable is published, then confirmed,
    declined or delivered."""

    class State(models.TextChoices):
        INVITED = "invited", _("invited")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")
        DELIVERED = "delivered", _("delivered")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="engagements", verbose_name=_("session")
    )
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="engagements",
        verbose_name=_("instructor"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.INVITED)
    fee_per_day = models.PositiveIntegerField(
        _("fee per day (KRW)"),
        default=LECTURE_FEE_PER_DAY,
        help_text=_("The plan pays instructors 300,000 won per lecture day."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "instructor"], name="one_engagement_per_session")
        ]

    def __str__(self):
        return f"{self.instructor} · {self.session}"


class FeeRecord(CampusScoped):
    """What a delivered engagement is owed: its days times the engagement's rate, written once when the
    session is delivered. The budget counts these as execution of the lecture-fee line."""

    class State(models.TextChoices):
        DUE = "due", _("to be paid")
        PAID = "paid", _("paid")

    engagement = models.OneToOneField(
        Engagement, on_delete=models.PROTECT, related_name="fee_record", verbose_name=_("engagement")
    )
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="fee_records",
        verbose_name=_("instructor"),
    )
    days = models.PositiveSmallIntegerField(_("days"))
    fee_per_day = models.PositiveIntegerField(_("fee per day (KRW)"))
    amount = models.PositiveBigIntegerField(_("amount (KRW)"))
    state = models.CharField(_("state"), max_length=4, choices=State, default=State.DUE)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fee record")
        verbose_name_plural = _("fee records")
        ordering = ["-created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount=F("days") * F("fee_per_day")), name="fee_amount_is_days_times_rate"
            ),
            models.CheckConstraint(
                condition=Q(state="due", paid_on__isnull=True) | Q(state="paid", paid_on__isnull=False),
                name="fee_paid_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.instructor} · {self.amount:,} KRW"
