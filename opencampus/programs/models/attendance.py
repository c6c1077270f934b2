from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .curriculum import Session
from .participants import Participant


class Attendance(CampusScoped):
    """Whether a participant came to a session: checked in with the session's code, or marked by staff."""

    class State(models.TextChoices):
        PRESENT = "present", _("present")
        LATE = "late", _("late")
        ABSENT = "absent", _("absent")
        EXCUSED = "excused", _("excused")

    class Via(models.TextChoices):
        CODE = "code", _("check-in code")
        STAFF = "staff", _("marked by staff")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("participant")
    )
    state = models.CharField(_("attendance"), max_length=10, choices=State)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    presented = models.BooleanField(
        _("delivered their presentation"),
        default=False,
        help_text=_("At a results presentation: the participant presented their results."),
    )
    via = models.CharField(_("recorded by"), max_length=10, choices=Via)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "participant"]
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="one_attendance_per_session"),
            models.CheckConstraint(
                condition=~Q(state="excused") | ~Q(reason=""), name="excused_attendance_has_a_reason"
            ),
        ]

    def __str__(self):
        return f"{self.participant} · {self.session}: {self.get_state_display()}"

    @property
    def counts_as_present(self):
        return self.state in {self.State.PRESENT, self.State.LATE}


class Feedback(CampusScoped):
    """A participant's rating and comment on a session they attended."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("session")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("participant")
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["session", "created"]
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="one_feedback_per_session"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"),
        ]

    def __str__(self):
        return f"{self.session} · {self.rating}"
