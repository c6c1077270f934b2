"""Forms of the participant's and the instructor's pages: check-in, feedback, engagements, teaching time."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Weekday
from ..services.check_in import CODE_LENGTH, normalise_code
from ..services.feedback import RATINGS


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=20,
        help_text=_("The six characters shown on the screen in the room."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "size": 8}
        ),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(
                _("A check-in code has %(length)d characters."), params={"length": CODE_LENGTH}
            )
        return code


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the session?"),
        choices=[(rating, str(rating)) for rating in RATINGS],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1: not useful at all · 5: very useful"),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What worked, what could be better."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why can you not teach this session?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class AvailabilityForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int)
    starts_at = forms.TimeField(label=_("From"), widget=TimeInput)
    ends_at = forms.TimeField(label=_("Until"), widget=TimeInput)


class AbsenceForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("I can't teach from"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("until"), widget=DateTimeInput)
    reason = forms.CharField(label=_("Note for the campus team"), required=False, max_length=200)
