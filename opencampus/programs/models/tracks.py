from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised


class Track(CampusScoped):
    """A course the campus runs year after year: the top innovator course, the citizen course."""

    class Kind(models.TextChoices):
        TOP_INNOVATOR = "top_innovator", _("top innovator course")
        CITIZEN = "citizen", _("citizen innovator course")
        OTHER = "other", _("other course")

    slug = models.SlugField(_("address name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["name_ko", "name_en", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="track_slug_per_campus"),
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="track_has_a_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def description(self):
        return localised(self, "description")


class Cohort(CampusScoped):
    """One run of a track: its dates, place and size, and how its participants are admitted."""

    class Admission(models.TextChoices):
        SELECTION = "selection", _("selection through a call")
        FIRST_COME = "first_come", _("first come, first served")
        LOTTERY = "lottery", _("public lottery")

    track = models.ForeignKey(
        Track, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("track")
    )
    slug = models.SlugField(_("address name"), max_length=80)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    weeks = models.PositiveSmallIntegerField(_("weeks"), default=16)
    place = models.ForeignKey(
        "park.Space",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cohorts",
        verbose_name=_("home space"),
    )
    size = models.PositiveIntegerField(_("places"))
    admission = models.CharField(
        _("admission"), max_length=12, choices=Admission, default=Admission.SELECTION
    )
    call = models.ForeignKey(
        "calls.Call",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cohorts",
        verbose_name=_("call that fills it"),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    completion_attendance = models.PositiveSmallIntegerField(
        _("attendance needed to complete (%)"), default=80
    )
    completion_requires_presentation = models.BooleanField(
        _("completing needs a delivered results presentation"), default=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="cohort_slug_per_campus"),
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="cohort_has_a_name"),
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="cohort_ends_after_start"),
            models.CheckConstraint(
                condition=Q(completion_attendance__lte=100), name="cohort_attendance_percent"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="cohort_registration_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")
