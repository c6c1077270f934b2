import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class Campus(models.Model):
    """The tenant: one city's campus. Every tenant-owned record points here."""

    slug = models.SlugField(_("address name"), unique=True, max_length=40)
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    tagline_ko = models.CharField(_("tagline (Korean)"), max_length=300, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=300, blank=True)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Seoul", validators=[validate_time_zone]
    )
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES, default="ko"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campus")
        verbose_name_plural = _("campuses")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def tagline(self):
        return localised(self, "tagline")

    @property
    def description(self):
        return localised(self, "description")

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)


def localised(obj, field):
    """The value of ``<field>_en`` or ``<field>_ko`` for the active language, else the other."""
    first, second = ("en", "ko") if get_language() == "en" else ("ko", "en")
    return getattr(obj, f"{field}_{first}") or getattr(obj, f"{field}_{second}")


class CampusScoped(models.Model):
    """Base for every tenant-owned record: queries need an active campus scope."""

    campus = models.ForeignKey(Campus, on_delete=models.CASCADE, verbose_name=_("campus"))

    objects = ScopedManager(campus="campus")

    class Meta:
        abstract = True
