from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised


class FieldSite(CampusScoped):
    """Where experiments happen: a local innovation site, a resident organisation or a partner."""

    class Kind(models.TextChoices):
        LOCAL_SITE = "local_site", _("local innovation site")
        RESIDENT = "resident", _("resident organisation")
        PARTNER = "partner", _("partner")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.LOCAL_SITE)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="field_sites",
        verbose_name=_("organisation"),
    )
    district = models.ForeignKey(
        "agendas.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="field_sites",
        verbose_name=_("district"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("field site")
        verbose_name_plural = _("field sites")
        ordering = ["name_ko", "name_en", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="field_site_has_a_name")
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")
