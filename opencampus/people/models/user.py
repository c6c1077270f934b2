from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. People are global; what they may do is given per campus (CampusRole)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="ko"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("platform administrator"),
        default=False,
        help_text=_("May use the deployment-wide administration across all campuses."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        first, second = (
            (self.name_en, self.name_ko) if get_language() == "en" else (self.name_ko, self.name_en)
        )
        return first or second

    def get_short_name(self):
        return self.get_full_name()


class Profile(models.Model):
    """What a person tells the campus community about themselves."""

    class Language(models.TextChoices):
        KOREAN = "ko", _("Korean")
        ENGLISH = "en", _("English")
        CHINESE = "zh", _("Chinese")
        JAPANESE = "ja", _("Japanese")
        DUTCH = "nl", _("Dutch")
        SPANISH = "es", _("Spanish")
        FRENCH = "fr", _("French")
        GERMAN = "de", _("German")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    expertise = models.CharField(
        _("fields of expertise"),
        max_length=300,
        blank=True,
        help_text=_("Separate fields with commas, e.g. energy, urban regeneration, investment."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    bio_ko = models.TextField(_("short bio (Korean)"), max_length=1000, blank=True)
    bio_en = models.TextField(_("short bio (English)"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)

    @property
    def expertise_list(self):
        return [item.strip() for item in self.expertise.split(",") if item.strip()]
