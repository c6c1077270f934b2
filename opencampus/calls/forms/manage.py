"""Forms of the campus team's pages for calls: the call, its form builder, rules and screening."""

import re

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from opencampus.people.models import Organisation

from ..models import Call, EligibilityRule, Question, Section
from ..services.calls import CALL_FIELDS, slug_is_taken
from ..services.form_builder import CHOICE_KINDS, TEXT_KINDS

Kind = Question.Kind
RuleKind = EligibilityRule.Kind
MAX_FILE_MB = 100
DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT)


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = CALL_FIELDS
        widgets = {
            "description_ko": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
            "opens_at": datetime_widget(),
            "closes_at": datetime_widget(),
        }
        help_texts = {
            "slug": _("Used in the call's web address: lower-case letters, digits and hyphens."),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        zone = campus.time_zone
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Campus time (%(zone)s).") % {"zone": zone}
        self.fields["places"].validators.append(MinValueValidator(1))
        self.fields["places"].widget.attrs["min"] = 1

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        existing = self.instance if self.instance.pk else None
        if slug_is_taken(campus=self.campus, slug=slug, exclude=existing):
            raise forms.ValidationError(_("Another call of this campus already uses this address name."))
        return slug

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title_ko") and not cleaned.get("title_en"):
            self.add_error("title_ko", _("Give the title in Korean or in English."))
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The call must close after it opens."))
        if not cleaned.get("allow_individuals") and not cleaned.get("allow_organisations"):
            self.add_error("allow_individuals", _("Let individuals, organisations or both apply."))
        return cleaned

    def call_fields(self):
        return {name: self.cleaned_data[name] for name in CALL_FIELDS}


class PublishForm(forms.Form):
    published = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")


# The form builder


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ("title_ko", "title_en", "help_ko", "help_en")
        widgets = {"help_ko": forms.Textarea(attrs={"rows": 3}), "help_en": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title_ko") and not cleaned.get("title_en"):
            self.add_error("title_ko", _("Give the section's title in Korean or in English."))
        return cleaned

    def section_fields(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


def parse_choices(text):
    """``[{"value", "label_ko", "label_en"}, …]`` from lines ``value | 한국어 | English``."""
    choices, errors, seen = [], [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3:
            errors.append(
                _("Line %(line)d has more than three parts; write “value | 한국어 | English”.")
                % {"line": number}
            )
            continue
        value, label_ko, label_en = [*parts, "", ""][:3]
        if not value:
            errors.append(_("Line %(line)d has no value before the first “|”.") % {"line": number})
        elif len(value) > 100 or len(label_ko) > 200 or len(label_en) > 200:
            errors.append(_("Line %(line)d is too long.") % {"line": number})
        elif value in seen:
            errors.append(
                _("Line %(line)d repeats the value “%(value)s”.") % {"line": number, "value": value}
            )
        else:
            seen.add(value)
            choices.append({"value": value, "label_ko": label_ko, "label_en": label_en})
    if errors:
        raise forms.ValidationError(errors)
    return choices


def format_choices(choices):
    lines = []
    for choice in choices:
        parts = [choice["value"], choice.get("label_ko", ""), choice.get("label_en", "")]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


EXTENSION = re.compile(r"[a-z0-9]{1,10}")


def parse_extensions(text):
    extensions = []
    for item in re.split(r"[\s,;]+", text.strip().lower()):
        item = item.lstrip(".")
        if not item:
            continue
        if not EXTENSION.fullmatch(item):
            raise forms.ValidationError(
                _("“%(item)s” is not a file type; write extensions such as pdf, hwp, docx.") % {"item": item}
            )
        if item not in extensions:
            extensions.append(item)
    return extensions


class QuestionForm(forms.ModelForm):
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none(), empty_label=None)
    choices_text = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "For choice questions: one choice a line, written “value | 한국어 | English”, "
            "e.g. “energy | 에너지 | Energy”. The value is what is stored and exported."
        ),
    )
    extensions_text = forms.CharField(
        label=_("Allowed file types"),
        required=False,
        max_length=200,
        help_text=_("For file questions: extensions separated by commas, e.g. pdf, hwp, docx."),
    )

    class Meta:
        model = Question
        fields = (
            "key",
            "kind",
            "label_ko",
            "label_en",
            "help_ko",
            "help_en",
            "required",
            "min_length",
            "max_length",
            "min_value",
            "max_value",
            "max_file_mb",
        )
        widgets = {
            "label_ko": forms.Textarea(attrs={"rows": 2}),
            "label_en": forms.Textarea(attrs={"rows": 2}),
            "help_ko": forms.Textarea(attrs={"rows": 3}),
            "help_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "key": _(
                "Lower-case letters, digits, hyphens and underscores, unique in the form. It stays the "
                "same across form versions, so answers can be compared and exported."
            ),
            "label_ko": _("For a consent checkbox, the text the applicant agrees to."),
            "min_length": _("Text questions only (characters)."),
            "max_length": _("Text questions only (characters)."),
            "min_value": _("Number questions only."),
            "max_value": _("Number questions only."),
            "max_file_mb": _("File questions only."),
        }

    field_order = ("section", "key", "kind")

    def __init__(self, *args, form_version, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            kwargs.setdefault("initial", {}).update(
                section=instance.section_id,
                choices_text=format_choices(instance.choices),
                extensions_text=", ".join(instance.allowed_extensions),
            )
        super().__init__(*args, **kwargs)
        self.form_version = form_version
        self.fields["section"].queryset = Section.objects.filter(form=form_version).order_by("position", "pk")
        self.fields["max_file_mb"].widget.attrs["max"] = MAX_FILE_MB

    def clean_key(self):
        key = self.cleaned_data["key"]
        others = Question.objects.filter(form=self.form_version, key=key)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Another question of this form already uses this key."))
        return key

    def clean_choices_text(self):
        return parse_choices(self.cleaned_data["choices_text"])

    def clean_extensions_text(self):
        return parse_extensions(self.cleaned_data["extensions_text"])

    def clean_max_file_mb(self):
        size = self.cleaned_data["max_file_mb"]
        if size is not None and size > MAX_FILE_MB:
            raise forms.ValidationError(_("At most %(size)d MB.") % {"size": MAX_FILE_MB})
        return size

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if not cleaned.get("label_ko") and not cleaned.get("label_en"):
            self.add_error("label_ko", _("Give the question in Korean or in English."))
        if kind in TEXT_KINDS:
            self._check_range(cleaned, "min_length", "max_length")
        if kind == Kind.NUMBER:
            self._check_range(cleaned, "min_value", "max_value")
        if kind in CHOICE_KINDS and "choices_text" in cleaned and len(cleaned["choices_text"]) < 2:
            self.add_error("choices_text", _("A choice question needs at least two choices."))
        if kind == Kind.FILE:
            if "extensions_text" in cleaned and not cleaned["extensions_text"]:
                self.add_error("extensions_text", _("List the file types applicants may upload."))
            if "max_file_mb" in cleaned and cleaned["max_file_mb"] is None:
                self.add_error("max_file_mb", _("Give the largest file size applicants may upload."))
        return cleaned

    def _check_range(self, cleaned, low, high):
        if cleaned.get(low) is not None and cleaned.get(high) is not None and cleaned[low] > cleaned[high]:
            self.add_error(high, _("The maximum must not be smaller than the minimum."))

    def question_fields(self):
        fields = {name: self.cleaned_data[name] for name in self._meta.fields}
        fields["choices"] = self.cleaned_data["choices_text"]
        fields["allowed_extensions"] = self.cleaned_data["extensions_text"]
        return fields


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])


# Eligibility rules


class EligibilityRuleForm(forms.ModelForm):
    question_key = forms.ChoiceField(label=_("Question"), required=False)
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Organisation kinds"),
        required=False,
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For the organisation rule: the kinds of organisation that may apply."),
    )
    values_text = forms.CharField(
        label=_("Accepted choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For the choice rule: the values of the accepted choices, one a line."),
    )

    class Meta:
        model = EligibilityRule
        fields = ("kind", "question_key", "minimum", "maximum", "message_ko", "message_en")
        help_texts = {
            "minimum": _("For the number rule; leave empty for no lower bound."),
            "maximum": _("For the number rule; leave empty for no upper bound."),
            "message_ko": _("Shown to an applicant who does not meet the rule."),
        }

    field_order = ("kind", "question_key", "organisation_kinds", "values_text", "minimum", "maximum")

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {question.key: question for question in questions}
        self.fields["question_key"].choices = [
            ("", _("(none: organisation rule)")),
            *((question.key, f"{question.key} · {question.label}") for question in questions),
        ]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        question = self.questions.get(cleaned.get("question_key") or "")
        cleaned["values"] = []
        if kind == RuleKind.ORGANISATION_KIND:
            cleaned["question_key"] = ""
            cleaned["minimum"] = cleaned["maximum"] = None
            cleaned["values"] = cleaned.get("organisation_kinds") or []
            if not cleaned["values"]:
                self.add_error("organisation_kinds", _("Tick at least one kind of organisation."))
        elif kind and question is None:
            self.add_error("question_key", _("Choose the question this rule checks."))
        elif kind == RuleKind.CHOICE:
            self._clean_choice_rule(cleaned, question)
        elif kind == RuleKind.NUMBER_RANGE:
            self._clean_number_rule(cleaned, question)
        if not cleaned.get("message_ko") and not cleaned.get("message_en"):
            self.add_error("message_ko", _("Give the message in Korean or in English."))
        return cleaned

    def _clean_choice_rule(self, cleaned, question):
        if question.kind not in CHOICE_KINDS:
            self.add_error("question_key", _("A choice rule checks a choice question."))
            return
        values = [line.strip() for line in cleaned.get("values_text", "").splitlines() if line.strip()]
        known = {choice["value"] for choice in question.choices}
        unknown = [value for value in values if value not in known]
        if not values:
            self.add_error("values_text", _("List at least one accepted choice."))
        elif unknown:
            self.add_error(
                "values_text",
                _("Not choices of this question: %(values)s. Its choices are: %(known)s.")
                % {"values": ", ".join(unknown), "known": ", ".join(sorted(known))},
            )
        cleaned["values"] = values
        cleaned["minimum"] = cleaned["maximum"] = None

    def _clean_number_rule(self, cleaned, question):
        if question.kind != Kind.NUMBER:
            self.add_error("question_key", _("A number rule checks a number question."))
            return
        low, high = cleaned.get("minimum"), cleaned.get("maximum")
        if low is None and high is None and "minimum" not in self.errors and "maximum" not in self.errors:
            self.add_error("minimum", _("Give a minimum, a maximum or both."))
        elif low is not None and high is not None and low > high:
            self.add_error("maximum", _("The maximum must not be smaller than the minimum."))

    def rule_fields(self):
        cleaned = self.cleaned_data
        fields = {name: cleaned[name] for name in ("kind", "question_key", "message_ko", "message_en")}
        fields["values"] = cleaned["values"]
        keep_bounds = cleaned["kind"] == RuleKind.NUMBER_RANGE
        fields["minimum"] = cleaned["minimum"] if keep_bounds else None
        fields["maximum"] = cleaned["maximum"] if keep_bounds else None
        return fields


# Screening


class ScreeningForm(forms.Form):
    ELIGIBLE, INELIGIBLE = "eligible", "ineligible"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ELIGIBLE, _("Eligible")), (INELIGIBLE, _("Not eligible"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. Kept with the application and in its history."),
        error_messages={"required": _("Give the reason for this screening decision.")},
    )
