from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .spaces import Space


class Residency(CampusScoped):
    """An organisation's tenancy in the park: the spaces it holds, its term, fee and booking quota."""

    class State(models.TextChoices):
        APPLIED = "applied", _("applied")
        RESIDENT = "resident", _("resident")
        LEAVING = "leaving", _("leaving")
        LEFT = "left", _("left")

    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.CASCADE,
        related_name="residencies",
        verbose_name=_("organisation"),
    )
    spaces = models.ManyToManyField(
        Space, blank=True, related_name="residencies", verbose_name=_("spaces held")
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.APPLIED)
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"), null=True, blank=True)
    monthly_fee = models.DecimalField(_("monthly fee (KRW)"), max_digits=14, decimal_places=0, default=0)
    monthly_booking_hours = models.PositiveSmallIntegerField(
        _("booking quota (hours a month)"),
        default=20,
        help_text=_("Hours of bookable spaces the organisation's members may book each month."),
    )
    note = models.TextField(_("note"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("residency")
        verbose_name_plural = _("residencies")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gt=F("starts_on")),
                name="residency_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(state__in=["applied", "resident", "leaving"]),
                name="one_current_residency_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.get_state_display()}"

    @property
    def is_current(self):
        return self.state in {self.State.RESIDENT, self.State.LEAVING}
