"""Forms of a cohort's roster page: withdraw a participant, add a late joiner, run the draw."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.people.forms.manage import AccountEmailField

from .catalogue import DateInput


class WithdrawForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput)
    reason = forms.CharField(
        label=_("Why they leave"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"left_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class LateJoinerForm(forms.Form):
    person = AccountEmailField(
        label=_("E-mail address of the person"),
        help_text=_("Someone who already holds a role on this campus."),
    )
    joined_on = forms.DateField(label=_("Joins on"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"joined_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DrawForm(forms.Form):
    seed = forms.CharField(
        label=_("Seed"),
        max_length=200,
        help_text=_("Exactly as announced before the draw, e.g. a figure published on the day."),
    )
