"""Forms of a cohort's formation page: offer a problem, change how many groups take it, and the
formation settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.formation_settings import LARGEST_GROUP
from ..services.offers import MAX_GROUPS_PER_PROBLEM, offerable_agendas


class AgendaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class OfferForm(forms.Form):
    agenda = AgendaChoiceField(label=_("Social problem"), queryset=None, empty_label="—")
    max_groups = forms.IntegerField(
        label=_("Groups that may take it"), min_value=1, max_value=MAX_GROUPS_PER_PROBLEM, initial=1
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda"].queryset = offerable_agendas(cohort=cohort)


class OfferLimitForm(forms.Form):
    max_groups = forms.IntegerField(
        label=_("Groups that may take it"), min_value=1, max_value=MAX_GROUPS_PER_PROBLEM
    )


class FormationSettingsForm(forms.Form):
    min_size = forms.IntegerField(label=_("Smallest group"), min_value=1, max_value=LARGEST_GROUP)
    max_size = forms.IntegerField(label=_("Largest group"), min_value=1, max_value=LARGEST_GROUP)
    balance = forms.MultipleChoiceField(
        label=_("Attributes to balance"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each group's mix should follow the cohort's, e.g. sector or skills."),
    )
    no_isolation = forms.MultipleChoiceField(
        label=_("Attributes where no one may be the only one"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No group has exactly one member of a kind, e.g. the only woman."),
    )

    def __init__(self, *args, attributes, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(name, name) for name in attributes]
        self.fields["balance"].choices = choices
        self.fields["no_isolation"].choices = choices
