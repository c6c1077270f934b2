from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised


class Call(CampusScoped):
    """A call for applications: cohort admission, lab residency, grants, mentors, a tender."""

    class Kind(models.TextChoices):
        COHORT = "cohort", _("cohort admission")
        RESIDENCY = "residency", _("lab residency")
        GRANT = "grant", _("project grant round")
        MENTORS = "mentors", _("mentor recruitment")
        TENDER = "tender", _("operator tender")
        OTHER = "other", _("other")

    slug = models.SlugField(_("address name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    target_ko = models.CharField(
        _("what it fills (Korean)"), max_length=200, blank=True, help_text=_("e.g. the 2020 pilot cohort")
    )
    target_en = models.CharField(_("what it fills (English)"), max_length=200, blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    allow_individuals = models.BooleanField(_("individuals may apply"), default=True)
    allow_organisations = models.BooleanField(_("organisations may apply (through a member)"), default=False)
    places = models.PositiveIntegerField(_("number of places"))
    confirm_within_days = models.PositiveSmallIntegerField(
        _("days to confirm a place"),
        default=7,
        help_text=_("Accepted applicants confirm or decline within this many days of the decision."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="call_slug_per_campus"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="call_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(allow_individuals=True) | Q(allow_organisations=True), name="call_has_applicants"
            ),
            models.CheckConstraint(condition=~Q(title_ko="", title_en=""), name="call_has_a_title"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localised(self, "title")

    @property
    def description(self):
        return localised(self, "description")

    @property
    def target(self):
        return localised(self, "target")

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at
