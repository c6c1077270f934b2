"""The proposal form: texts in Korean and/or English, where and whom it affects, SDG tags, evidence."""

import copy
from pathlib import PurePath

from django import forms
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.text import Truncator, capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from opencampus.people.models import Organisation

from ..models import Agenda, District, SdgGoal, SdgTarget, Theme
from ..services.proposals import AGENDA_FIELDS, NewEvidence, agenda_problems

EVIDENCE_MAX_MB = 10
EVIDENCE_EXTENSIONS = (
    "pdf",
    "jpg",
    "jpeg",
    "png",
    "webp",
    "hwp",
    "hwpx",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
)
EVIDENCE_PER_PROPOSAL = 10
TARGET_LABEL_MAX = 140


def label_of(name):
    return capfirst(Agenda._meta.get_field(name).verbose_name)


class AgendaForm(forms.ModelForm):
    """Texts and tags of a problem. ``checking`` is set when the person only asks for similar
    problems: then a missing title or description is not yet an error."""

    # Scoped querysets: set per campus in __init__, so another campus's records are no choice.
    theme = forms.ModelChoiceField(label=label_of("theme"), queryset=Theme.objects.none(), required=False)
    district = forms.ModelChoiceField(
        label=label_of("district"), queryset=District.objects.none(), required=False
    )

    goals = forms.ModelMultipleChoiceField(
        label=_("SDG goals"),
        queryset=SdgGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    targets = forms.TypedMultipleChoiceField(
        label=_("SDG targets"),
        coerce=int,
        required=False,
        help_text=_("Choosing a target also tags its goal. Hold Ctrl (or ⌘) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Agenda
        fields = AGENDA_FIELDS
        widgets = {
            "description_ko": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "affected": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "place": _("A street, a neighbourhood or a building, if no district fits or to be more precise."),
            "affected": _("Who lives with this problem: residents of an area, an age group, small shops…"),
        }

    def __init__(self, *args, campus, checking=False, **kwargs):
        if kwargs.get("instance") is not None:
            kwargs["instance"] = copy.copy(kwargs["instance"])
        super().__init__(*args, **kwargs)
        self.campus, self.checking = campus, checking
        self.instance.campus = campus
        current_theme = self.instance.theme_id
        themes = Theme.objects.filter(campus=campus).filter(Q(is_active=True) | Q(pk=current_theme))
        self.fields["theme"].queryset = themes
        self.fields["theme"].required = themes.exists()
        self.fields["district"].queryset = District.objects.filter(campus=campus)
        self.targets_by_pk = {
            target.pk: target
            for target in SdgTarget.objects.filter(Q(campus=None) | Q(campus=campus)).select_related("goal")
        }
        self.fields["targets"].choices = target_choices(self.targets_by_pk.values())
        if self.instance.pk is not None:
            self.initial.setdefault("goals", list(self.instance.sdg_goals.all()))
            self.initial.setdefault("targets", list(self.instance.sdg_targets.values_list("pk", flat=True)))

    def clean(self):
        cleaned = super().clean()
        if not self.checking:
            candidate = copy.copy(self.instance)
            for name in AGENDA_FIELDS:
                if name in cleaned:
                    setattr(candidate, name, cleaned[name])
            for field, message in agenda_problems(candidate):
                # A text refused in one language (too long) is not a missing text in both.
                base = field.removesuffix("_ko")
                if not {field, f"{base}_ko", f"{base}_en"} & self.errors.keys():
                    self.add_error(field, message)
        return cleaned

    def agenda_fields(self):
        return {name: self.cleaned_data[name] for name in AGENDA_FIELDS}

    def sdg_fields(self):
        targets = [self.targets_by_pk[pk] for pk in self.cleaned_data["targets"]]
        return {"sdg_goals": list(self.cleaned_data["goals"]), "sdg_targets": targets}

    def similarity_text(self):
        """What was typed, for the similar-problem suggestions (valid or not yet)."""
        names = ("title_ko", "title_en", "description_ko", "description_en")
        return "\n".join(self.data.get(name, "") for name in names).strip()


def target_choices(targets):
    """Targets grouped under their goal, for a select with one group per goal."""
    groups = {}
    for target in sorted(targets, key=lambda target: (target.goal.number, target.is_local, target.pk)):
        label = f"{target.code} {target.text}"
        groups.setdefault(str(target.goal), []).append((target.pk, Truncator(label).chars(TARGET_LABEL_MAX)))
    return list(groups.items())


class ProposalForm(AgendaForm):
    """A new problem: the same as changing one, plus whom it is proposed for."""

    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Myself"),
        help_text=_("Propose for an organisation you belong to, or as yourself."),
    )

    def __init__(self, *args, author, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(campus=self.campus, memberships__user=author).distinct()
        if organisations.exists():
            self.fields["organisation"].queryset = organisations
        else:
            del self.fields["organisation"]

    def proposal_fields(self):
        return {
            **self.agenda_fields(),
            **self.sdg_fields(),
            "organisation": self.cleaned_data.get("organisation"),
        }


class ChangeAgendaForm(AgendaForm):
    remove_evidence = forms.ModelMultipleChoiceField(
        label=_("Remove evidence"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove_evidence"].queryset = self.instance.evidence.all()
        if not self.fields["remove_evidence"].queryset.exists():
            del self.fields["remove_evidence"]

    def change_fields(self):
        return {
            **self.agenda_fields(),
            **self.sdg_fields(),
            "remove_evidence": list(self.cleaned_data.get("remove_evidence", ())),
        }


def validate_evidence_file(upload):
    """Check a file's type (its extension, and the ``%PDF`` header for PDFs) and its real size."""
    name = PurePath(upload.name).name
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in EVIDENCE_EXTENSIONS:
        raise forms.ValidationError(
            _("“%(name)s” is not an accepted file type. Accepted types: %(allowed)s."),
            code="file_type",
            params={
                "name": name,
                "allowed": ", ".join(extension.upper() for extension in EVIDENCE_EXTENSIONS),
            },
        )
    # ``size`` counts the bytes the server received, not what the browser claimed.
    if upload.size > EVIDENCE_MAX_MB * 1024 * 1024:
        raise forms.ValidationError(
            _("“%(name)s” is %(size)s; the largest file accepted is %(limit)s MB."),
            code="file_size",
            params={"name": name, "size": filesizeformat(upload.size), "limit": EVIDENCE_MAX_MB},
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


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("What it shows"), max_length=200, required=False)
    url = forms.URLField(label=_("Link"), max_length=500, required=False)
    file = forms.FileField(
        label=_("or a file"),
        required=False,
        validators=[validate_evidence_file],
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{name}" for name in EVIDENCE_EXTENSIONS)}
        ),
        help_text=format_lazy(
            _("PDF, an image, an office document or text; at most {limit} MB."), limit=EVIDENCE_MAX_MB
        ),
    )

    def clean(self):
        cleaned = super().clean()
        url, upload = cleaned.get("url"), cleaned.get("file")
        if "url" in self.errors or "file" in self.errors:
            return cleaned
        if url and upload:
            self.add_error("url", _("Give a link or a file here, not both; use another row for the other."))
        elif cleaned.get("title") and not (url or upload):
            self.add_error("url", _("Add the link or the file this evidence is."))
        return cleaned

    def evidence(self):
        """The evidence this row gives, or ``None`` for an empty row."""
        url, upload = self.cleaned_data.get("url"), self.cleaned_data.get("file")
        if not (url or upload):
            return None
        title = self.cleaned_data.get("title") or (PurePath(upload.name).name if upload else url)
        return NewEvidence(title=title[:200], url=url or "", file=upload)


EvidenceFormSet = forms.formset_factory(
    EvidenceForm,
    extra=3,
    max_num=EVIDENCE_PER_PROPOSAL,
    absolute_max=EVIDENCE_PER_PROPOSAL,
    validate_max=True,
)


def evidence_of(formset):
    return [item for item in (form.evidence() for form in formset.forms) if item is not None]
