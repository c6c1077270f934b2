from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised
from opencampus.park.models import OpeningHours

from .tracks import Cohort

Weekday = OpeningHours.Weekday


class CohortSlot(CampusScoped):
    """A weekly time a cohort meets, e.g. Tuesdays 19:00-22:00: where the planner may start sessions."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="slots", verbose_name=_("cohort")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("weekly slot")
        verbose_name_plural = _("weekly slots")
        ordering = ["weekday", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="cohort_slot_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="cohort_slot_weekday"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}-{self.ends_at:%H:%M}"


class Session(CampusScoped):
    """One item of a cohort's curriculum, planned into a week, a slot and a room by the timetable."""

    class Kind(models.TextChoices):
        LECTURE = "lecture", _("lecture")
        WORKSHOP = "workshop", _("workshop")
        EXPERIMENT = "experiment", _("innovation experiment")
        FIELD_STUDY = "field_study", _("field study")
        MENTORING = "mentoring", _("mentoring")
        PRESENTATION = "presentation", _("results presentation")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("cohort")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.LECTURE)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    goals_ko = models.TextField(_("learning goals (Korean)"), blank=True)
    goals_en = models.TextField(_("learning goals (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("order in the curriculum"), default=0)
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"), default=180, validators=[MinValueValidator(15), MaxValueValidator(24 * 60)]
    )
    days = models.PositiveSmallIntegerField(
        _("days"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text=_("A field study of three days takes the same hours on three days in a row."),
    )
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="taught_sessions", verbose_name=_("instructors")
    )
    features = models.ManyToManyField(
        "park.Feature", blank=True, related_name="+", verbose_name=_("room needs")
    )
    room = models.ForeignKey(
        "park.Space",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only in this room"),
    )
    offsite = models.BooleanField(_("away from the campus"), default=False)
    offsite_place = models.CharField(_("where, if away"), max_length=200, blank=True)
    after = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="followers",
        verbose_name=_("comes after"),
    )
    earliest_week = models.PositiveSmallIntegerField(_("not before week"), null=True, blank=True)
    latest_week = models.PositiveSmallIntegerField(_("not after week"), null=True, blank=True)
    check_in_code = models.CharField(_("check-in code"), max_length=12, blank=True)
    check_in_until = models.DateTimeField(_("check-in open until"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["cohort", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title_ko="", title_en=""), name="session_has_a_title"),
            models.CheckConstraint(condition=Q(days__gte=1, days__lte=7), name="session_days"),
            models.CheckConstraint(
                condition=Q(earliest_week__isnull=True)
                | Q(latest_week__isnull=True)
                | Q(latest_week__gte=F("earliest_week")),
                name="session_week_window",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localised(self, "title")

    @property
    def goals(self):
        return localised(self, "goals")


class SessionMaterial(CampusScoped):
    """A file or a link participants need for a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="materials", verbose_name=_("session")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="programs/materials/", blank=True)
    url = models.URLField(_("link"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="material_is_a_file_or_a_link",
            )
        ]

    def __str__(self):
        return self.title
