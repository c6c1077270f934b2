from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

# Languages a mentor can mentor in; codes are ISO 639-1.
MENTORING_LANGUAGES = [
    ("ko", _("Korean")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("ja", _("Japanese")),
    ("nl", _("Dutch")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
]


class MentorField(CampusScoped):
    """A field of practice mentors come from (environment, manufacturing, investment, digital…),
    defined by the campus's operators."""

    code = models.SlugField(_("code"), max_length=40)
    name_ko = models.CharField(_("name (Korean)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("mentor field")
        verbose_name_plural = _("mentor fields")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "code"], name="mentor_field_code_per_campus")
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")


class MentorProfile(CampusScoped):
    """A person's place in the campus's mentor network; their weekly availability and exceptions are
    the programs app's InstructorAvailability and InstructorAbsence rows (one calendar for both)."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for vetting")
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")

    class Source(models.TextChoices):
        CALL = "call", _("recruitment call")
        INVITATION = "invitation", _("invitation")
        STAFF = "staff", _("added by the campus team")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_profiles",
        verbose_name=_("person"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    source = models.CharField(_("how they joined"), max_length=12, choices=Source)
    application = models.ForeignKey(
        "calls.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentor_profiles",
        verbose_name=_("application"),
    )
    fields = models.ManyToManyField(MentorField, related_name="mentors", verbose_name=_("fields"))
    keywords = models.CharField(
        _("expertise keywords"),
        max_length=400,
        blank=True,
        help_text=_("Separated by commas, e.g. circular economy, upcycling, impact investment."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    affiliation = models.CharField(_("organisation and position"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("mentees or groups at once"), default=2, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    bio_ko = models.TextField(_("introduction (Korean)"), blank=True)
    bio_en = models.TextField(_("introduction (English)"), blank=True)
    is_listed = models.BooleanField(
        _("listed in the public directory"),
        default=False,
        help_text=_("Everyone can then see the name, fields, organisation and introduction."),
    )
    teaches = models.BooleanField(
        _("also teaches"), default=True, help_text=_("Offered as an instructor for lectures and workshops.")
    )
    vetting_note = models.TextField(_("vetting note (campus team only)"), blank=True)
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["user__name_ko", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campus", "user"], name="one_mentor_profile_per_campus"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="mentor_capacity_positive"),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def bio(self):
        return localised(self, "bio")

    @property
    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class MentorInvitation(CampusScoped):
    """An operator's invitation to join the mentor network, sent by mail with a one-time link."""

    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("personal message"), blank=True)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentor invitation")
        verbose_name_plural = _("mentor invitations")
        ordering = ["-created", "pk"]

    def __str__(self):
        return self.email
