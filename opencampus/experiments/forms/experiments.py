"""Forms of an experiment: the campus team's full form, the team's texts, the status."""

from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from opencampus.agendas.models import Agenda, Theme
from opencampus.people.models import Organisation
from opencampus.workgroups.models import WorkingGroup

from ..models import Experiment, FieldSite
from ..services.experiments import EXPERIMENT_FIELDS, TEAM_FIELDS, allowed_statuses, experiment_problems
from .common import DateInput, add_problems, with_cleaned

TAKEN_UP = (
    Agenda.State.UNDER_REVIEW,
    Agenda.State.ADOPTED,
    Agenda.State.IN_EXPERIMENT,
    Agenda.State.RESOLVED,
)
TEXT_AREAS = {name: forms.Textarea(attrs={"rows": 6}) for name in TEAM_FIELDS}


def label_of(name):
    return capfirst(Experiment._meta.get_field(name).verbose_name)


def campus_choice(name, model):
    """A choice among one campus's records (its queryset is set per campus by the form)."""
    return forms.ModelChoiceField(label=label_of(name), queryset=model.objects.none(), required=False)


class ExperimentForm(forms.ModelForm):
    """Everything about an experiment, for the campus team."""

    theme = campus_choice("theme", Theme)
    agenda = campus_choice("agenda", Agenda)
    working_group = campus_choice("working_group", WorkingGroup)
    organisation = campus_choice("organisation", Organisation)
    field_site = campus_choice("field_site", FieldSite)

    class Meta:
        model = Experiment
        fields = EXPERIMENT_FIELDS
        widgets = {"starts_on": DateInput, "ends_on": DateInput, **TEXT_AREAS}
        help_texts = {
            "working_group": _("The team is a working group or an organisation, not both."),
            "organisation": _("Its representatives and managers keep the experiment up to date."),
            "agenda": _(
                "The social problem it works on (under review, adopted, in experiment or resolved); "
                "when left empty, the working group's problem counts."
            ),
            "is_public": _("Hidden experiments are seen only by the campus team and the experiment's team."),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        # Only this campus's records are offered; another campus's id is refused as an invalid choice.
        self.fields["theme"].queryset = Theme.objects.filter(campus=campus)
        # Problems the campus took up (not every proposal: a campus may hold thousands), and the current one.
        taken_up = Q(state__in=TAKEN_UP) | Q(pk=self.instance.agenda_id)
        self.fields["agenda"].queryset = Agenda.objects.filter(
            taken_up, campus=campus, merged_into__isnull=True
        )
        self.fields["working_group"].queryset = WorkingGroup.objects.filter(campus=campus).select_related(
            "cohort"
        )
        self.fields["working_group"].label_from_instance = lambda group: f"{group.name} · {group.cohort}"
        self.fields["organisation"].queryset = Organisation.objects.filter(campus=campus)
        self.fields["field_site"].queryset = FieldSite.objects.filter(campus=campus)
        self.fields["budget"].widget.attrs.update(min=0, step=1)

    def clean(self):
        cleaned = super().clean()
        add_problems(self, experiment_problems(with_cleaned(self, EXPERIMENT_FIELDS, campus=self.campus)))
        return cleaned

    def experiment_fields(self):
        return {name: self.cleaned_data[name] for name in EXPERIMENT_FIELDS}


class TeamForm(forms.ModelForm):
    """What the experiment's team writes: hypothesis, method, results and lessons."""

    class Meta:
        model = Experiment
        fields = TEAM_FIELDS
        widgets = TEXT_AREAS

    def clean(self):
        cleaned = super().clean()
        add_problems(self, experiment_problems(with_cleaned(self, TEAM_FIELDS)))
        return cleaned

    def experiment_fields(self):
        return {name: self.cleaned_data[name] for name in TEAM_FIELDS}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))

    def __init__(self, *args, experiment, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Experiment.Status.choices)
        self.fields["status"].choices = [(value, labels[value]) for value in allowed_statuses(experiment)]
