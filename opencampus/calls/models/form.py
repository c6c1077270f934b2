from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

from .call import Call


class FormVersion(CampusScoped):
    """One version of a call's application form. A version that has applications is frozen:
    editing the form then makes a new version, so answers always keep their questions."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="form_versions")
    number = models.PositiveIntegerField(_("version"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["call", "-number"]
        constraints = [models.UniqueConstraint(fields=["call", "number"], name="one_form_version_number")]

    def __str__(self):
        return f"{self.call} · v{self.number}"


class Section(CampusScoped):
    form = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(_("position"), default=0)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    help_ko = models.TextField(_("help (Korean)"), blank=True)
    help_en = models.TextField(_("help (English)"), blank=True)

    class Meta:
        verbose_name = _("form section")
        verbose_name_plural = _("form sections")
        ordering = ["form", "position", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localised(self, "title")

    @property
    def help(self):
        return localised(self, "help")


class Question(CampusScoped):
    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("short text")
        LONG_TEXT = "long_text", _("long text")
        SINGLE_CHOICE = "single_choice", _("single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("multiple choice")
        NUMBER = "number", _("number")
        DATE = "date", _("date")
        FILE = "file", _("file")
        CONSENT = "consent", _("consent checkbox")

    form = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"), default=0)
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Stays the same across form versions, so answers can be compared and exported."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    label_ko = models.CharField(_("question (Korean)"), max_length=300, blank=True)
    label_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    help_ko = models.TextField(_("help (Korean)"), blank=True)
    help_en = models.TextField(_("help (English)"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    min_length = models.PositiveIntegerField(_("minimum length"), null=True, blank=True)
    max_length = models.PositiveIntegerField(_("maximum length"), null=True, blank=True)
    min_value = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)
    choices = models.JSONField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_('[{"value": "…", "label_ko": "…", "label_en": "…"}]'),
    )
    allowed_extensions = models.JSONField(_("allowed file types"), default=list, blank=True)
    max_file_mb = models.PositiveIntegerField(
        _("largest file (MB)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section__position", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["form", "key"], name="question_key_per_form")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return localised(self, "label")

    @property
    def help(self):
        return localised(self, "help")

    def choice_labels(self):
        """``[(value, label), …]`` in the active language."""
        return [(choice["value"], localised_choice(choice)) for choice in self.choices]


def localised_choice(choice):
    first, second = ("label_en", "label_ko") if get_language() == "en" else ("label_ko", "label_en")
    return choice.get(first) or choice.get(second) or choice["value"]
