from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised


class Training(CampusScoped):
    """A machine training (laser cutter, 3D printer…) that booking some spaces requires."""

    slug = models.SlugField(_("address name"), max_length=60)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    valid_for_days = models.PositiveSmallIntegerField(_("valid for (days)"), default=365)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="training_slug_per_campus"),
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="training_has_a_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def description(self):
        return localised(self, "description")

    def expiry_for(self, completed_on):
        return completed_on + timedelta(days=self.valid_for_days)


class TrainingRecord(CampusScoped):
    """That a person completed a training; it lets them book until ``expires_on`` (exclusive)."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="records", verbose_name=_("training")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_records",
        verbose_name=_("person"),
    )
    completed_on = models.DateField(_("completed on"))
    expires_on = models.DateField(_("valid until"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-completed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=F("completed_on")), name="training_expires_after_completion"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.training}"
