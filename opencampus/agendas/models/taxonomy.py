from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import Campus, CampusScoped
from opencampus.core.models.campus import localised


class Theme(CampusScoped):
    """An operator-defined theme problems are filed under: energy, waste, food, care…"""

    slug = models.SlugField(_("address name"), max_length=60)
    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered to proposers"), default=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "slug"], name="theme_slug_per_campus"),
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="theme_has_a_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")


class SdgGoal(models.Model):
    """One of the 17 UN Sustainable Development Goals, shared by every campus."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    colour = models.CharField(_("colour"), max_length=7)

    class Meta:
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def title(self):
        return localised(self, "title")


class SdgTarget(models.Model):
    """A target under a goal: the UN's own (no campus) or a campus's local target."""

    goal = models.ForeignKey(
        SdgGoal, on_delete=models.CASCADE, related_name="targets", verbose_name=_("goal")
    )
    campus = models.ForeignKey(
        Campus,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_sdg_targets",
        verbose_name=_("campus (local targets only)"),
    )
    code = models.CharField(_("code"), max_length=20)
    text_ko = models.TextField(_("text (Korean)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        ordering = ["goal__number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(campus__isnull=True), name="un_target_code_unique"
            ),
            models.UniqueConstraint(fields=["campus", "code"], name="local_target_code_per_campus"),
            models.CheckConstraint(condition=~Q(text_ko="", text_en=""), name="sdg_target_has_text"),
        ]

    def __str__(self):
        return f"{self.code} {self.text}"

    @property
    def text(self):
        return localised(self, "text")

    @property
    def is_local(self):
        return self.campus_id is not None
