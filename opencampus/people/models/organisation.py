from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised


class Organisation(CampusScoped):
    class Kind(models.TextChoices):
        RESIDENT = "resident", _("resident organisation")
        PARTNER = "partner", _("partner institution")
        COMPANY = "company", _("company")
        PUBLIC_BODY = "public_body", _("public body")
        UNIVERSITY = "university", _("university")
        CIVIL_SOCIETY = "civil_society", _("civil-society group")

    class Category(models.TextChoices):
        INTERMEDIARY = "intermediary", _("intermediary support organisation")
        YOUTH = "youth", _("youth")
        VILLAGE = "village", _("village community")
        SOCIAL_ECONOMY = "social_economy", _("social economy")
        CULTURE_ARTS = "culture_arts", _("culture and arts")
        HEALING_WELFARE = "healing_welfare", _("community healing and welfare")
        ENVIRONMENT = "environment", _("environment, ecology and energy")
        MAKERS = "makers", _("makers and fab lab")
        DIGITAL = "digital", _("digital and data")
        INNOVATION = "innovation", _("social innovation")
        OTHER = "other", _("other")

    slug = models.SlugField(_("address name"), max_length=80)
    name_ko = models.CharField(_("name (Korean)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    category = models.CharField(_("category"), max_length=20, choices=Category, default=Category.OTHER)
    country = models.CharField(_("country"), max_length=2, default="KR")
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_public = models.BooleanField(_("listed in the public directory"), default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_ko", "name_en"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="organisation_slug_per_campus"),
            models.CheckConstraint(
                condition=~models.Q(name_ko="", name_en=""), name="organisation_has_a_name"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def description(self):
        return localised(self, "description")


class Membership(CampusScoped):
    """A person acting for an organisation, with a role inside it."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("representative")
        MANAGER = "manager", _("manager")
        MEMBER = "member", _("member")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    is_listed = models.BooleanField(_("shown on the organisation's public page"), default=False)
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_organisation"),
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation}"

    @property
    def can_act_for_organisation(self):
        return self.role in {self.Role.REPRESENTATIVE, self.Role.MANAGER}
