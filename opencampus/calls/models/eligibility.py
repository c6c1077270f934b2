from django.db import models
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

from .call import Call


class EligibilityRule(CampusScoped):
    """A rule checked automatically when an application is submitted."""

    class Kind(models.TextChoices):
        ORGANISATION_KIND = "organisation_kind", _("applies on behalf of an organisation of these kinds")
        ANSWERED = "answered", _("answers this question")
        NUMBER_RANGE = "number_range", _("answers this number within a range")
        CHOICE = "choice", _("chooses one of these options")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="eligibility_rules")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    question_key = models.SlugField(_("question key"), max_length=60, blank=True)
    values = models.JSONField(_("accepted values"), default=list, blank=True)
    minimum = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    maximum = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)
    message_ko = models.CharField(_("message when not met (Korean)"), max_length=300, blank=True)
    message_en = models.CharField(_("message when not met (English)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        ordering = ["call", "pk"]

    def __str__(self):
        return self.get_kind_display()

    @property
    def message(self):
        return localised(self, "message")
