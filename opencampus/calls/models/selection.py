from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .call import Call


class SelectionQuota(CampusScoped):
    """A minimum and/or maximum number of selected applicants with one answer, e.g. at least
    5 from the digital field, at most 20 from Seoul."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="quotas")
    question_key = models.SlugField(_("question key"), max_length=60)
    value = models.CharField(_("answer"), max_length=120)
    minimum = models.PositiveIntegerField(_("at least"), null=True, blank=True)
    maximum = models.PositiveIntegerField(_("at most"), null=True, blank=True)

    class Meta:
        verbose_name = _("selection quota")
        verbose_name_plural = _("selection quotas")
        ordering = ["call", "question_key", "value"]
        constraints = [
            models.UniqueConstraint(fields=["call", "question_key", "value"], name="one_quota_per_answer"),
            models.CheckConstraint(
                condition=Q(minimum__isnull=False) | Q(maximum__isnull=False), name="quota_has_a_bound"
            ),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True) | Q(maximum__isnull=True) | Q(maximum__gte=F("minimum")),
                name="quota_minimum_not_above_maximum",
            ),
        ]

    def __str__(self):
        return f"{self.question_key}={self.value}"
