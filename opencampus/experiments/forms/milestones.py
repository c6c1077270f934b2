from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Milestone
from ..services.milestones import MAX_WEIGHT, MILESTONE_FIELDS, milestone_problems, progress_problem
from .common import DateInput, add_problems, with_cleaned


def percent_input():
    return forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1})


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = MILESTONE_FIELDS
        widgets = {
            "due_on": DateInput,
            "progress": percent_input(),
            "weight": forms.NumberInput(attrs={"min": 1, "max": MAX_WEIGHT, "step": 1}),
        }
        help_texts = {
            "weight": _("How much this step counts in the experiment's progress compared with the others."),
        }

    def __init__(self, *args, experiment, **kwargs):
        super().__init__(*args, **kwargs)
        self.experiment = experiment

    def clean(self):
        cleaned = super().clean()
        candidate = with_cleaned(
            self, MILESTONE_FIELDS, campus=self.experiment.campus, experiment=self.experiment
        )
        add_problems(self, milestone_problems(candidate))
        return cleaned

    def milestone_fields(self):
        return {name: self.cleaned_data[name] for name in MILESTONE_FIELDS}


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress (%)"), widget=percent_input())

    def clean_progress(self):
        progress = self.cleaned_data["progress"]
        problem = progress_problem(progress)
        if problem:
            raise forms.ValidationError(problem)
        return progress
