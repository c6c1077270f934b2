"""Forms of the campus team's track and cohort pages (bilingual names, campus-time dates)."""

import copy

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from opencampus.calls.models import Call
from opencampus.park.models import Space

from ..models import Cohort, Track
from ..services.catalogue import COHORT_FIELDS, TRACK_FIELDS, cohort_problems, track_problems

SLUG_HELP = _("Used in the web address: lower-case letters, digits and hyphens.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def add_problems(form, problems):
    for field, message in problems:
        form.add_error(field if field in form.fields else None, message)


def with_cleaned(form, fields):
    """A copy of the form's record carrying what was typed, for the services' checks."""
    candidate = copy.copy(form.instance)
    candidate.campus = form.campus
    for name in fields:
        if name in form.cleaned_data:
            setattr(candidate, name, form.cleaned_data[name])
    return candidate


class TrackForm(forms.ModelForm):
    class Meta:
        model = Track
        fields = TRACK_FIELDS
        widgets = {
            "description_ko": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"slug": SLUG_HELP}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus

    def clean(self):
        cleaned = super().clean()
        add_problems(self, track_problems(with_cleaned(self, TRACK_FIELDS)))
        return cleaned

    def track_fields(self):
        return {name: self.cleaned_data[name] for name in TRACK_FIELDS}


def label_of(name):
    return capfirst(Cohort._meta.get_field(name).verbose_name)


class CohortForm(forms.ModelForm):
    # Scoped querysets: set per campus in __init__, so another campus's records are no choice.
    track = forms.ModelChoiceField(label=label_of("track"), queryset=Track.objects.none())
    place = forms.ModelChoiceField(label=label_of("place"), queryset=Space.objects.none(), required=False)
    call = forms.ModelChoiceField(
        label=label_of("call"),
        queryset=Call.objects.none(),
        required=False,
        help_text=_("For admission through a call: its confirmed applicants join the cohort."),
    )

    class Meta:
        model = Cohort
        fields = COHORT_FIELDS
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "registration_opens_at": DateTimeInput,
            "registration_closes_at": DateTimeInput,
        }
        help_texts = {
            "slug": SLUG_HELP,
            "size": _("First come and lottery admit up to this many; late joiners also count."),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["track"].queryset = Track.objects.filter(campus=campus)
        self.fields["place"].queryset = Space.objects.filter(campus=campus, is_active=True)
        self.fields["call"].queryset = Call.objects.filter(campus=campus)
        self.fields["size"].widget.attrs["min"] = 1
        zone = _("Campus time (%(zone)s).") % {"zone": campus.time_zone}
        for name in ("registration_opens_at", "registration_closes_at"):
            self.fields[name].help_text = _("For first come and lottery. %(zone)s") % {"zone": zone}

    def clean_size(self):
        size = self.cleaned_data["size"]
        if size < 1:
            raise forms.ValidationError(_("A cohort has at least one place."))
        return size

    def clean(self):
        cleaned = super().clean()
        previous = self.instance.admission if self.instance.pk else None
        add_problems(self, cohort_problems(with_cleaned(self, COHORT_FIELDS), previous_admission=previous))
        return cleaned

    def cohort_fields(self):
        return {name: self.cleaned_data[name] for name in COHORT_FIELDS}
