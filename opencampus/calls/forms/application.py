"""The application form, built from the questions of one form version.

Types and limits are always checked; required questions are checked only when the person
submits (``flag_missing``), so a draft can be saved half done.
"""

import datetime
from decimal import Decimal
from pathlib import PurePath

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from opencampus.people.models import Membership

from ..models import Question

Kind = Question.Kind
# A question that sets no limit still gets one: nobody needs more, and the server is protected.
DEFAULT_MAX_LENGTH = {Kind.SHORT_TEXT: 1000, Kind.LONG_TEXT: 50000}
DEFAULT_MAX_FILE_MB = 20
RADIO_BUTTONS_UP_TO = 6


def is_empty(value):
    """Unanswered: nothing, blank, no choice, an unticked box; ``0`` is an answer."""
    return value is None or value is False or value == "" or value == []


def extensions_of(question):
    return [extension.lower().lstrip(".") for extension in question.allowed_extensions if extension.strip()]


def max_file_mb(question):
    return question.max_file_mb or DEFAULT_MAX_FILE_MB


def validate_upload(upload, question):
    """Check a new file's type (extension, and the ``%PDF`` header for PDFs) and its real size."""
    name = PurePath(upload.name).name
    extension = PurePath(name).suffix.lower().lstrip(".")
    allowed = extensions_of(question)
    if allowed and extension not in allowed:
        raise forms.ValidationError(
            _("“%(name)s” is not an accepted file type. Allowed types: %(allowed)s."),
            code="file_type",
            params={"name": name, "allowed": ", ".join(extension.upper() for extension in allowed)},
        )
    limit = max_file_mb(question) * 1024 * 1024
    # ``size`` counts the bytes the server received, not what the browser claimed.
    if upload.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is %(size)s; the largest file accepted is %(limit)s MB."),
            code="file_size",
            params={"name": name, "size": filesizeformat(upload.size), "limit": max_file_mb(question)},
        )
    if extension == "pdf":
        upload.seek(0)
        head = upload.read(4)
        upload.seek(0)
        if head != b"%PDF":
            raise forms.ValidationError(
                _("“%(name)s” is not a real PDF file. Save it as PDF and upload it again."),
                code="file_content",
                params={"name": name},
            )


class UploadField(forms.FileField):
    def __init__(self, *, question, **kwargs):
        self.question = question
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            validate_upload(value, self.question)


def limits_text(question):
    """The limits of a question in words, shown under it."""
    parts = []
    if question.kind in DEFAULT_MAX_LENGTH:
        if question.min_length:
            parts.append(
                ngettext_lazy("At least %(count)d character.", "At least %(count)d characters.", "count")
                % {"count": question.min_length}
            )
        if question.max_length:
            parts.append(
                ngettext_lazy("At most %(count)d character.", "At most %(count)d characters.", "count")
                % {"count": question.max_length}
            )
    if question.kind == Kind.NUMBER:
        if question.min_value is not None:
            parts.append(_("At least %(value)s.") % {"value": plain_number(question.min_value)})
        if question.max_value is not None:
            parts.append(_("At most %(value)s.") % {"value": plain_number(question.max_value)})
    if question.kind == Kind.FILE:
        allowed = extensions_of(question)
        if allowed:
            parts.append(
                _("Allowed types: %(allowed)s.") % {"allowed": ", ".join(item.upper() for item in allowed)}
            )
        parts.append(_("Up to %(limit)s MB.") % {"limit": max_file_mb(question)})
    return " ".join(str(part) for part in parts)


def plain_number(value):
    """``Decimal("30.00")`` → ``30``; ``Decimal("2.50")`` → ``2.5``."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def field_for(question):
    """The form field for ``question``: typed by kind, with its limits, never required here."""
    common = {"label": question.label, "required": False}
    kind = question.kind
    if kind in DEFAULT_MAX_LENGTH:
        widget = forms.Textarea(attrs={"rows": 8}) if kind == Kind.LONG_TEXT else forms.TextInput
        return forms.CharField(
            max_length=question.max_length or DEFAULT_MAX_LENGTH[kind],
            min_length=question.min_length,
            widget=widget,
            **common,
        )
    if kind == Kind.SINGLE_CHOICE:
        choices = question.choice_labels()
        if len(choices) <= RADIO_BUTTONS_UP_TO:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    if kind == Kind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=question.choice_labels(), widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == Kind.NUMBER:
        return forms.DecimalField(
            min_value=question.min_value, max_value=question.max_value, max_digits=16, **common
        )
    if kind == Kind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
    if kind == Kind.FILE:
        accept = ",".join(f".{extension}" for extension in extensions_of(question))
        return UploadField(
            question=question, widget=forms.FileInput(attrs={"accept": accept} if accept else {}), **common
        )
    if kind == Kind.CONSENT:
        return forms.BooleanField(**common)
    raise ValueError(f"Unknown question kind {kind!r}")


def stored_value(question, value):
    """A cleaned value as the JSON the answer keeps."""
    if value in (None, ""):
        return None if question.kind not in DEFAULT_MAX_LENGTH else ""
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class ApplicationForm(forms.Form):
    """One field per question, named by the question's key (``q-<key>`` in the page)."""

    prefix = "q"

    def __init__(self, *args, questions, answers=None, **kwargs):
        """``answers`` maps question keys to the application's stored ``Answer`` objects."""
        super().__init__(*args, **kwargs)
        self.questions = {question.key: question for question in questions}
        self.stored = answers or {}
        for key, question in self.questions.items():
            field = field_for(question)
            field.question = question
            # Django points the input's aria-describedby at this help and at its errors.
            parts = (question.help.strip(), limits_text(question))
            field.help_text = " ".join(part for part in parts if part)
            answer = self.stored.get(key)
            if answer is not None and question.kind != Kind.FILE:
                self.initial[key] = answer.value
            self.fields[key] = field
            if question.required:
                field.widget.attrs["aria-required"] = "true"

    def current_file(self, key):
        answer = self.stored.get(key)
        return answer.file if answer is not None and answer.file else None

    def sections(self):
        """``[(section, [bound field, …]), …]`` in reading order."""
        grouped = []
        for key, question in self.questions.items():
            if not grouped or grouped[-1][0].pk != question.section_id:
                grouped.append((question.section, []))
            bound = self[key]
            current = self.current_file(key)
            bound.current_file_name = PurePath(current.name).name if current else ""
            grouped[-1][1].append(bound)
        return grouped

    def values(self):
        """The answers that passed their checks, as stored values (files apart)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {
            key: stored_value(question, cleaned[key])
            for key, question in self.questions.items()
            if question.kind != Kind.FILE and key in cleaned
        }

    def files_to_store(self):
        """New uploads that passed their checks; a question left empty keeps its old file."""
        cleaned = getattr(self, "cleaned_data", {})
        return {
            key: cleaned[key]
            for key, question in self.questions.items()
            if question.kind == Kind.FILE and cleaned.get(key)
        }

    def flag_missing(self, questions=None):
        """Mark each required question left empty (by the person, or as ``questions`` say)."""
        if questions is None:
            cleaned = getattr(self, "cleaned_data", {})
            questions = [
                question
                for key, question in self.questions.items()
                if question.required
                and key not in self.errors
                and is_empty(cleaned.get(key))
                and self.current_file(key) is None
            ]
        for question in questions:
            if question.key in self.fields and question.key not in self.errors:
                self.add_error(
                    question.key, forms.ValidationError(_("Answer this question."), code="required")
                )
        return questions


class ApplyForm(forms.Form):
    """Whom the person applies as: themselves, or an organisation they represent or manage."""

    INDIVIDUAL = "self"

    applicant_as = forms.ChoiceField(label=_("Apply as"), widget=forms.RadioSelect)

    def __init__(self, *args, call, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {}
        if call.allow_organisations:
            memberships = (
                Membership.objects.filter(
                    campus=call.campus,
                    user=user,
                    role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.MANAGER],
                )
                .select_related("organisation")
                .order_by("organisation__name_ko", "organisation__pk")
            )
            self.organisations = {str(item.organisation_id): item.organisation for item in memberships}
        choices = [(self.INDIVIDUAL, _("Myself"))] if call.allow_individuals else []
        choices += [
            (pk, _("On behalf of %(organisation)s") % {"organisation": organisation.name})
            for pk, organisation in self.organisations.items()
        ]
        field = self.fields["applicant_as"]
        field.choices = choices
        if len(choices) == 1:
            field.initial = choices[0][0]
            if choices[0][0] == self.INDIVIDUAL:
                field.widget = forms.HiddenInput()

    @property
    def can_apply(self):
        return bool(self.fields["applicant_as"].choices)

    def organisation(self):
        """The chosen organisation, or ``None`` for an individual application."""
        return self.organisations.get(self.cleaned_data["applicant_as"])
