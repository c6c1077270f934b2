"""The filters above the lists of experiments; a value that does not fit is simply not applied."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.agendas.models import Theme

from ..models import Experiment

QUERY_MAX = 100


def optional_choices(choices, empty):
    return [("", empty), *choices]


class ExperimentFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=QUERY_MAX)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=optional_choices(Experiment.Kind.choices, _("All kinds"))
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.none(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=optional_choices(Experiment.Status.choices, _("All statuses")),
    )
    year = forms.TypedChoiceField(label=_("Year started"), required=False, coerce=int, empty_value=None)
    major = forms.BooleanField(label=_("Major experiment projects only"), required=False)

    def __init__(self, data, *, campus, years):
        super().__init__(data, label_suffix="")
        self.fields["theme"].queryset = Theme.objects.filter(campus=campus)
        self.fields["year"].choices = optional_choices([(year, year) for year in years], _("All years"))

    def filter(self, experiments):
        """``experiments`` narrowed by every filter that was given and is valid."""
        self.is_valid()
        values = {name: value for name, value in self.cleaned_data.items() if value not in (None, "", False)}
        query = values.get("q", "").strip()
        if query:
            experiments = experiments.filter(
                Q(title_ko__icontains=query)
                | Q(title_en__icontains=query)
                | Q(hypothesis__icontains=query)
                | Q(results__icontains=query)
            )
        for name in ("kind", "theme", "status"):
            if name in values:
                experiments = experiments.filter(**{name: values[name]})
        if "year" in values:
            experiments = experiments.filter(starts_on__year=values["year"])
        if "major" in values:
            experiments = experiments.filter(is_major=True)
        return experiments
