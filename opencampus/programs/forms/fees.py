"""Forms of the lecture-fee pages: an engagement's rate, the fee list's filters, paying and un-paying."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Cohort, FeeRecord


class WonField(forms.IntegerField):
    """Whole won, typed with or without thousands separators (“300,000”)."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 12})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "").removesuffix("원")
        return super().to_python(value)


class FeeRateForm(forms.Form):
    fee_per_day = WonField(label=_("Fee per day (KRW)"))


class FeeFilterForm(forms.Form):
    cohort = forms.ModelChoiceField(
        queryset=Cohort.objects.none(), required=False, label=_("Cohort"), empty_label=_("All cohorts")
    )
    state = forms.ChoiceField(
        choices=[("", _("All states")), *FeeRecord.State.choices], required=False, label=_("State")
    )
    q = forms.CharField(max_length=100, required=False, label=_("Instructor (name or e-mail)"))

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(campus=campus).order_by("-starts_on", "pk")

    def filters(self):
        """The chosen filters as ``fee_records`` takes them; none when the form is not valid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"cohort": data["cohort"], "state": data["state"], "search": data["q"].strip()}


class MarkPaidForm(forms.Form):
    records = forms.ModelMultipleChoiceField(
        queryset=FeeRecord.objects.none(),
        label=_("Fee records"),
        error_messages={"required": _("Choose the fee records that were paid.")},
    )
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["records"].queryset = FeeRecord.objects.filter(campus=campus)
        self.fields["paid_on"].initial = timezone.localdate(timezone=campus.tz)

    def chosen(self):
        """The pks ticked in the submitted form, so a refused form keeps its ticks."""
        return (
            {str(value) for value in self.data.getlist(self.add_prefix("records"))}
            if self.is_bound
            else set()
        )


class SetDueForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it to be paid again?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
