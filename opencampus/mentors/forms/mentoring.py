"""Forms of the mentoring pages; the rules themselves are checked by services.mentoring."""

from django import forms
from django.utils.translation import gettext_lazy as _

from opencampus.programs.models import Cohort

from ..services.mentoring import MAX_MINUTES, MIN_MINUTES, PLACE_MAX, TOPIC_MAX


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def notes_field(label, help_text=""):
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.Textarea(attrs={"rows": 3})
    )


class RequestForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("When"), widget=DateTimeInput)
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), initial=60, min_value=MIN_MINUTES, max_value=MAX_MINUTES
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=PLACE_MAX)
    online_link = forms.CharField(
        label=_("Online link"), required=False, help_text=_("A place, an online link, or both.")
    )
    topic = forms.CharField(label=_("Topic"), max_length=TOPIC_MAX)


class HeldNotesForm(forms.Form):
    private_notes = notes_field(_("Private notes"), _("Only you ever see them."))
    shared_notes = notes_field(_("Notes for the mentee"), _("The mentee sees them."))
    follow_ups = notes_field(_("Follow-ups"), _("What each side does next; both of you see them."))


class LogHeldForm(RequestForm, HeldNotesForm):
    """A meeting the mentor already had: when, what, and the notes."""

    field_order = ["starts_at", "duration_minutes", "place", "online_link", "topic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["online_link"].help_text = ""


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=500)


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the session?"),
        choices=[(value, str(value)) for value in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = not useful, 5 = very useful"),
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActivityFilterForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.none(), required=False, empty_label=_("all cohorts")
    )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(campus=campus)
