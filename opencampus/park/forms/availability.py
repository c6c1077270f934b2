from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Feature, OpeningHours
from ..services.availability import PARTS_OF_DAY, local_datetime, next_part_of_day

MAX_PEOPLE = 10000


class FindSpaceForm(forms.Form):
    """A time (a date with start and end, or a weekday's part of day), a group size and features."""

    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        choices=[("", _("Any date (below)")), *OpeningHours.Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    part = forms.ChoiceField(
        label=_("Part of the day"),
        choices=[("", "—")] + [(key, label) for key, (label, _start, _end) in PARTS_OF_DAY.items()],
        required=False,
    )
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.TimeField(
        label=_("From"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end = forms.TimeField(
        label=_("Until"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    people = forms.IntegerField(
        label=_("People"), min_value=1, max_value=MAX_PEOPLE, initial=1, required=False
    )
    feature = forms.ModelMultipleChoiceField(
        label=_("Needs"),
        queryset=Feature.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["feature"].queryset = Feature.objects.filter(campus=campus)

    def clean_people(self):
        return self.cleaned_data["people"] or 1

    def clean(self):
        data = super().clean()
        weekday, part = data.get("weekday"), data.get("part")
        if weekday is not None or part:
            if weekday is None or not part:
                raise ValidationError(_("Choose both a weekday and a part of the day, or neither."))
            data["date"], data["start"], data["end"] = next_part_of_day(
                weekday=weekday, part=part, tz=self.campus.tz
            )
            return data
        missing = [
            name for name in ("date", "start", "end") if name not in self.errors and not data.get(name)
        ]
        if missing:
            raise ValidationError(_("Choose a weekday and a part of the day, or fill in a date and times."))
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The end must come after the start."))
        return data

    def interval(self):
        """The chosen time as aware datetimes on the campus."""
        tz = self.campus.tz
        data = self.cleaned_data
        return local_datetime(data["date"], data["start"], tz), local_datetime(data["date"], data["end"], tz)
