"""Forms of the mentor network: fields, the mentor's own profile, vetting, invitations and the
filters above the directory and the team's list. The services decide; these only collect input."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..models import MENTORING_LANGUAGES, MentorField, MentorProfile
from ..services.network import BIO_MAX, CAPACITY_MAX, PROFILE_FIELDS

QUERY_MAX = 100
NOTE_MAX = 4000


class MentorFieldForm(forms.ModelForm):
    class Meta:
        model = MentorField
        fields = ("code", "name_ko", "name_en")
        help_texts = {"code": _("Letters, numbers and hyphens, e.g. circular-economy; unique on the campus.")}

    def field_values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OwnProfileForm(forms.ModelForm):
    """The profile a mentor edits (bound to a copy: the service checks and saves the real one)."""

    fields = forms.ModelMultipleChoiceField(
        label=_("Fields"),
        queryset=MentorField.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose at least one."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"),
        choices=MENTORING_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    capacity = forms.IntegerField(
        label=capfirst(MentorProfile._meta.get_field("capacity").verbose_name),
        min_value=1,
        max_value=CAPACITY_MAX,
    )
    bio_ko = forms.CharField(
        label=_("Introduction (Korean)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=BIO_MAX,
    )
    bio_en = forms.CharField(
        label=_("Introduction (English)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=BIO_MAX,
    )

    class Meta:
        model = MentorProfile
        fields = (
            "fields",
            "keywords",
            "languages",
            "affiliation",
            "capacity",
            "bio_ko",
            "bio_en",
            "is_listed",
            "teaches",
        )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].queryset = MentorField.objects.filter(campus=campus).order_by("position", "pk")

    def profile_values(self):
        return {name: self.cleaned_data[name] for name in PROFILE_FIELDS}


class VettingNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Vetting note (campus team only)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Never shown on the site, but part of the person's data download."),
        required=False,
        max_length=NOTE_MAX,
    )


class DeactivateForm(forms.Form):
    reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=_("The mentor reads this in the mail drafted in the outbox."),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), required=False)
    message = forms.CharField(
        label=_("Personal message (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=NOTE_MAX,
    )


class AddMentorForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of their account"),
        required=False,
        help_text=_("For people who already have an account; everyone else gets an invitation."),
    )


def optional_choices(choices, empty):
    return [("", empty), *choices]


class FieldFilterMixin(forms.Form):
    """A search text and a field; a value that does not fit is simply not applied."""

    q = forms.CharField(label=_("Search"), required=False, max_length=QUERY_MAX)
    field = forms.ModelChoiceField(
        label=_("Field"),
        required=False,
        queryset=MentorField.objects.none(),
        to_field_name="code",
        empty_label=_("All fields"),
    )

    def __init__(self, data, *, campus):
        super().__init__(data, label_suffix="")
        self.fields["field"].queryset = MentorField.objects.filter(campus=campus).order_by("position", "pk")

    def values(self):
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields}


class DirectoryFilterForm(FieldFilterMixin):
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=optional_choices(MENTORING_LANGUAGES, _("All languages")),
    )

    def __init__(self, data, *, campus, full):
        super().__init__(data, campus=campus)
        if not full:
            # Languages belong to the full view; the public cannot filter by them either.
            del self.fields["language"]


class VettingFilterForm(FieldFilterMixin):
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=optional_choices(MentorProfile.State.choices, _("All states")),
    )
