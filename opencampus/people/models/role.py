from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped


class CampusRole(CampusScoped):
    """What a person may do on one campus. A person may hold several roles."""

    class Role(models.TextChoices):
        OPERATOR = "operator", _("operator")
        STAFF = "staff", _("staff")
        REVIEWER = "reviewer", _("reviewer")
        MENTOR = "mentor", _("mentor")
        INSTRUCTOR = "instructor", _("instructor")
        PARTICIPANT = "participant", _("participant")
        RESIDENT = "resident", _("resident")
        PARTNER = "partner", _("partner")
        PUBLIC = "public", _("public")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="campus_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    granted = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("campus role")
        verbose_name_plural = _("campus roles")
        constraints = [
            models.UniqueConstraint(fields=["campus", "user", "role"], name="one_role_grant_per_campus"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"
