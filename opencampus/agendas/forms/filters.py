"""The filters of the public list of problems; a value that does not fit is ignored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Agenda, District, SdgGoal, Theme

NEWEST, MOST_ENDORSED = "newest", "endorsed"


class AgendaFilterForm(forms.Form):
    q = forms.CharField(label=_("Words in the title"), max_length=100, required=False)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none(), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none(), required=False)
    goal = forms.ModelChoiceField(label=_("SDG goal"), queryset=SdgGoal.objects.all(), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        choices=[(NEWEST, _("newest first")), (MOST_ENDORSED, _("most endorsed first"))],
        required=False,
    )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(campus=campus)
        self.fields["district"].queryset = District.objects.filter(campus=campus)
        self.fields["state"].choices = [("", _("any state")), *Agenda.State.choices]
        for name in ("theme", "district", "goal"):
            self.fields[name].empty_label = _("any")

    def filters(self):
        """The valid filters only: one bad value does not undo the others."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
