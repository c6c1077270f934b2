from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .curriculum import Session, Weekday


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
