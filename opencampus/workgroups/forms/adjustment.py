"""Forms of the hand-adjustment page: new group, rename, change its problem."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.adjustment import NAME_MAX
from .offers import AgendaChoiceField


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    agenda = AgendaChoiceField(label=_("Social problem"), queryset=None, required=False, empty_label="—")

    def __init__(self, *args, agendas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda"].queryset = agendas


class RenameForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)


class MoveForm(forms.Form):
    participant = forms.ModelChoiceField(queryset=None)
    group = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, participants, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants
        self.fields["group"].queryset = groups


class GroupProblemForm(forms.Form):
    agenda = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, agendas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda"].queryset = agendas
