"""Forms for booking a space, moving a date, blocking a space and the team's booking lists.

Dates and times are typed in the campus's wall-clock time; ``clean`` turns them into
aware datetimes in ``campus.tz`` for the booking services.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.people.models import Organisation

from ..models import Booking, Occurrence, OpeningHours, Residency, Space
from ..services.recurrence import MAX_OCCURRENCES

Frequency = Booking.Frequency
MAX_INTERVAL = 99
MAX_ATTENDEES = 10000


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class TimeSpanMixin:
    """``date``, ``start_time`` and ``end_time`` fields combined into ``start`` and ``end``."""

    end_error = _("The end must come after the start.")

    def combine_times(self, cleaned, tz):
        day, start_time, end_time = (cleaned.get(name) for name in ("date", "start_time", "end_time"))
        if day is None or start_time is None or end_time is None:
            return
        if end_time <= start_time:
            self.add_error("end_time", self.end_error)
            return
        cleaned["start"] = datetime.combine(day, start_time, tzinfo=tz)
        cleaned["end"] = datetime.combine(day, end_time, tzinfo=tz)


def add_recurrence_fields(form):
    """The repeat options shared by the booking and the blocking form."""
    form.fields.update(
        frequency=forms.ChoiceField(label=_("Repeat"), choices=Frequency.choices, initial=Frequency.ONCE),
        interval=forms.IntegerField(
            label=_("Every"),
            min_value=1,
            max_value=MAX_INTERVAL,
            initial=1,
            help_text=_("Every 2 with “weekly” is every other week."),
        ),
        weekdays=forms.TypedMultipleChoiceField(
            label=_("On weekdays (weekly)"),
            choices=OpeningHours.Weekday.choices,
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("None ticked: the weekday of the first date."),
        ),
        until=forms.DateField(label=_("Until"), required=False, widget=date_input()),
        count=forms.IntegerField(
            label=_("Or number of times"),
            min_value=1,
            max_value=MAX_OCCURRENCES,
            required=False,
            help_text=_("A repeat ends on a date or after a number of times."),
        ),
        skip_conflicts=forms.BooleanField(
            label=_("Skip the dates that collide with other bookings"),
            required=False,
            help_text=_("Book the free dates of the series and leave the colliding ones out."),
        ),
    )


def clean_recurrence(form, cleaned):
    if cleaned.get("frequency", Frequency.ONCE) == Frequency.ONCE:
        cleaned.update(interval=1, weekdays=[], until=None, count=None)
        return
    if cleaned.get("until") and cleaned.get("count"):
        form.add_error("count", _("Give an end date or a number of times, not both."))
    elif not cleaned.get("until") and not cleaned.get("count"):
        form.add_error("until", _("Say until when, or how many times, the booking repeats."))
    if cleaned.get("frequency") != Frequency.WEEKLY:
        cleaned["weekdays"] = []


def recurrence_options(cleaned):
    return {name: cleaned[name] for name in ("frequency", "interval", "weekdays", "until", "count")}


def resident_organisations(user, campus):
    """The organisations ``user`` may book for: theirs, holding a current residency."""
    return (
        Organisation.objects.filter(
            campus=campus,
            memberships__user=user,
            residencies__state__in=[Residency.State.RESIDENT, Residency.State.LEAVING],
        )
        .distinct()
        .order_by("name_ko", "name_en", "pk")
    )


class BookingForm(TimeSpanMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("Shown in the space's week view."))
    purpose = forms.CharField(
        label=_("Purpose"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    attendees = forms.IntegerField(
        label=_("People attending"), min_value=1, max_value=MAX_ATTENDEES, initial=1
    )
    date = forms.DateField(label=_("Date"), widget=date_input())
    start_time = forms.TimeField(label=_("Starts"), widget=time_input())
    end_time = forms.TimeField(label=_("Ends"), widget=time_input())
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Myself"),
        help_text=_("The hours count against this organisation's monthly quota."),
    )

    def __init__(self, *args, campus, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        add_recurrence_fields(self)
        organisations = resident_organisations(user, campus)
        if organisations.exists():
            self.fields["organisation"].queryset = organisations
        else:
            del self.fields["organisation"]

    def clean(self):
        cleaned = super().clean()
        self.combine_times(cleaned, self.campus.tz)
        clean_recurrence(self, cleaned)
        return cleaned

    def booking_options(self):
        """Keyword arguments for ``plan_booking`` and ``request_booking``."""
        data = self.cleaned_data
        return {
            "start": data["start"],
            "end": data["end"],
            "attendees": data["attendees"],
            "organisation": data.get("organisation"),
            **recurrence_options(data),
        }


class MoveForm(TimeSpanMixin, forms.Form):
    date = forms.DateField(label=_("New date"), widget=date_input())
    start_time = forms.TimeField(label=_("Starts"), widget=time_input())
    end_time = forms.TimeField(label=_("Ends"), widget=time_input())

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus

    def clean(self):
        cleaned = super().clean()
        self.combine_times(cleaned, self.campus.tz)
        return cleaned


def campus_spaces(campus):
    return Space.objects.filter(campus=campus, is_active=True).order_by("name_ko", "name_en", "pk")


class BlockForm(TimeSpanMixin, forms.Form):
    space = forms.ModelChoiceField(label=_("Space"), queryset=Space.objects.none())
    title = forms.CharField(label=_("Reason"), max_length=200, help_text=_("For example: maintenance."))
    purpose = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    date = forms.DateField(label=_("Date"), widget=date_input())
    whole_day = forms.BooleanField(label=_("The whole day"), required=False)
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=time_input())
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=time_input())

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["space"].queryset = campus_spaces(campus)
        add_recurrence_fields(self)

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if cleaned.get("whole_day"):
            if day is not None:
                cleaned["start"] = datetime.combine(day, time(0), tzinfo=self.campus.tz)
                cleaned["end"] = datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.campus.tz)
        else:
            for name in ("start_time", "end_time"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Give a time, or tick “the whole day”."))
            self.combine_times(cleaned, self.campus.tz)
        clean_recurrence(self, cleaned)
        return cleaned

    def blocking_options(self):
        data = self.cleaned_data
        return {"start": data["start"], "end": data["end"], **recurrence_options(data)}


class DecisionForm(forms.Form):
    """The team's decision on the requests ticked in the queue."""

    APPROVE, APPROVE_SKIPPING, DECLINE = "approve", "approve_skipping", "decline"

    bookings = forms.ModelMultipleChoiceField(
        queryset=Booking.objects.none(),
        error_messages={"required": _("Tick at least one request.")},
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (APPROVE, _("Approve")),
            (APPROVE_SKIPPING, _("Approve, skipping colliding dates")),
            (DECLINE, _("Decline")),
        ],
    )
    note = forms.CharField(
        label=_("Note to the people who booked (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bookings"].queryset = Booking.objects.filter(campus=campus, state=Booking.State.PENDING)


class DateRangeFilterMixin:
    """``date_from`` and ``date_to`` on a booking queryset: bookings with a date in the range."""

    def filter_dates(self, bookings, tz):
        data = self.cleaned_data
        dates = Q()
        if data.get("date_from"):
            dates &= Q(start__gte=datetime.combine(data["date_from"], time(0), tzinfo=tz))
        if data.get("date_to"):
            dates &= Q(start__lt=datetime.combine(data["date_to"] + timedelta(days=1), time(0), tzinfo=tz))
        if not dates:
            return bookings
        return bookings.filter(pk__in=Occurrence.objects.filter(dates).values("booking_id"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and last < first:
            self.add_error("date_to", _("The range ends before it starts."))
        return cleaned


class QueueFilterForm(DateRangeFilterMixin, forms.Form):
    space = forms.ModelChoiceField(label=_("Space"), queryset=Space.objects.none(), required=False)
    date_from = forms.DateField(label=_("Dates from"), required=False, widget=date_input())
    date_to = forms.DateField(label=_("to"), required=False, widget=date_input())

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = campus_spaces(campus)
        self.fields["space"].empty_label = _("All spaces")

    def filter(self, bookings, campus):
        if not self.is_valid():
            return bookings
        if self.cleaned_data["space"]:
            bookings = bookings.filter(space=self.cleaned_data["space"])
        return self.filter_dates(bookings, campus.tz)


class BookingFilterForm(QueueFilterForm):
    state = forms.ChoiceField(label=_("State"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    person = forms.CharField(label=_("Booked by (e-mail)"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("All states")), *Booking.State.choices]
        self.fields["kind"].choices = [("", _("All kinds")), *Booking.Kind.choices]

    def filter(self, bookings, campus):
        bookings = super().filter(bookings, campus)
        if not self.is_valid():
            return bookings
        data = self.cleaned_data
        if data["state"]:
            bookings = bookings.filter(state=data["state"])
        if data["kind"]:
            bookings = bookings.filter(kind=data["kind"])
        if data["person"].strip():
            bookings = bookings.filter(booked_by__email__icontains=data["person"].strip())
        return bookings
