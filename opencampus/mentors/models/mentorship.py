from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opencampus.core.models import CampusScoped

from .matching import MatchingRound, Mentee
from .network import MentorProfile


class Mentorship(CampusScoped):
    """A published match: both sides accept it, or ask the campus team for a change."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("waiting for answers")
        ACTIVE = "active", _("active")
        CHANGE_REQUESTED = "change", _("change asked for")
        ENDED = "ended", _("ended")

    round = models.ForeignKey(MatchingRound, on_delete=models.CASCADE, related_name="mentorships")
    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("mentor")
    )
    mentee = models.ForeignKey(
        Mentee, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("mentee")
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PROPOSED)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    mentee_accepted_at = models.DateTimeField(null=True, blank=True)
    change_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    change_reason = models.TextField(_("why a change"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee"], condition=~Q(state="ended"), name="one_open_mentorship_per_mentee"
            )
        ]

    def __str__(self):
        return f"{self.mentor} · {self.mentee}"


# A published match until it ends (the working-group app repeats these as strings: it cannot import us).
OPEN_MENTORSHIP_STATES = (
    Mentorship.State.PROPOSED,
    Mentorship.State.ACTIVE,
    Mentorship.State.CHANGE_REQUESTED,
)


class MentoringSession(CampusScoped):
    """A meeting of a mentor with their mentee: requested by either side, accepted, then held."""

    class State(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("mentoring session", "requested")
        ACCEPTED = "accepted", pgettext_lazy("mentoring session", "accepted")
        DECLINED = "declined", pgettext_lazy("mentoring session", "declined")
        HELD = "held", pgettext_lazy("mentoring session", "held")
        CANCELLED = "cancelled", pgettext_lazy("mentoring session", "cancelled")

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    starts_at = models.DateTimeField(_("when"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"), default=60, validators=[MinValueValidator(10), MaxValueValidator(8 * 60)]
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    topic = models.CharField(_("topic"), max_length=200)
    private_notes = models.TextField(_("private notes (only the mentor)"), blank=True)
    shared_notes = models.TextField(_("notes shared with the mentee"), blank=True)
    follow_ups = models.TextField(_("follow-ups"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("comment on the session"), blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="mentoring_rating_1_to_5",
            ),
            models.CheckConstraint(condition=Q(duration_minutes__gte=10), name="mentoring_session_length"),
        ]

    def __str__(self):
        return f"{self.mentorship} · {self.starts_at:%Y-%m-%d}"
