import re

from django import forms
from django.db.models import Max
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from opencampus.people.models import CampusRole, User

from ..models import TourSlot, VisitRequest, VisitSurvey
from ..services.visits import booked_visitors

OTHER_COUNTRY = "other"
# The countries visiting groups come from most; any other is typed as its ISO code.
COUNTRIES = [
    ("KR", _("Korea")),
    ("JP", _("Japan")),
    ("CN", _("China")),
    ("TW", _("Taiwan")),
    ("HK", _("Hong Kong")),
    ("MN", _("Mongolia")),
    ("VN", _("Viet Nam")),
    ("TH", _("Thailand")),
    ("PH", _("Philippines")),
    ("ID", _("Indonesia")),
    ("MY", _("Malaysia")),
    ("SG", _("Singapore")),
    ("IN", _("India")),
    ("AU", _("Australia")),
    ("NZ", _("New Zealand")),
    ("US", _("United States")),
    ("CA", _("Canada")),
    ("GB", _("United Kingdom")),
    ("DE", _("Germany")),
    ("FR", _("France")),
    ("NL", _("Netherlands")),
    ("ES", _("Spain")),
    ("IT", _("Italy")),
    ("SE", _("Sweden")),
    ("FI", _("Finland")),
    ("DK", _("Denmark")),
]
COUNTRY_NAMES = dict(COUNTRIES)
MAX_GROUP = 1000
Role = CampusRole.Role


def country_name(code):
    return COUNTRY_NAMES.get(code, code)


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datetime_input():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class VisitRequestForm(forms.ModelForm):
    country = forms.ChoiceField(
        label=_("Country"), choices=[*COUNTRIES, (OTHER_COUNTRY, _("another country"))], initial="KR"
    )
    other_country = forms.CharField(
        label=_("Other country (two-letter ISO code)"),
        max_length=2,
        required=False,
        help_text=_("For example FR for France or BR for Brazil."),
    )
    preferred_date_1 = forms.DateField(label=_("Preferred date"), widget=date_input())
    preferred_date_2 = forms.DateField(
        label=_("Second choice (optional)"), widget=date_input(), required=False
    )
    preferred_date_3 = forms.DateField(
        label=_("Third choice (optional)"), widget=date_input(), required=False
    )
    consent = forms.BooleanField(
        label=_("I agree that the campus uses these contact details to arrange this visit."),
        help_text=_(
            "We use them only to answer this request, confirm the tour, remind you of it and ask "
            "for your feedback afterwards."
        ),
    )

    class Meta:
        model = VisitRequest
        fields = [
            "institution",
            "institution_kind",
            "country",
            "contact_name",
            "contact_email",
            "contact_phone",
            "group_size",
            "language",
            "topics",
        ]
        widgets = {"topics": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "group_size": _("How many visitors, guides of your own included."),
            "topics": _("What would you like to see or discuss?"),
        }

    field_order = [
        "institution",
        "institution_kind",
        "country",
        "other_country",
        "contact_name",
        "contact_email",
        "contact_phone",
        "group_size",
        "language",
        "preferred_date_1",
        "preferred_date_2",
        "preferred_date_3",
        "topics",
        "consent",
    ]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["group_size"].widget.attrs.update(min=1, max=MAX_GROUP)

    def clean_other_country(self):
        return self.cleaned_data["other_country"].strip().upper()

    def clean_group_size(self):
        size = self.cleaned_data["group_size"]
        if size < 1:
            raise forms.ValidationError(_("A group has at least one visitor."))
        largest = TourSlot.objects.filter(campus=self.campus).aggregate(largest=Max("capacity"))["largest"]
        limit = min(largest or MAX_GROUP, MAX_GROUP)
        if size > limit:
            raise forms.ValidationError(
                _(
                    "Our tours take at most %(limit)s visitors. Please split your group and send a "
                    "request for each part."
                )
                % {"limit": limit}
            )
        return size

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("country") == OTHER_COUNTRY:
            code = cleaned.get("other_country", "")
            if not re.fullmatch(r"[A-Z]{2}", code):
                cleaned.pop("country")
                self.add_error("other_country", _("Give the country as two letters, for example FR."))
            else:
                cleaned["country"] = code
        today = timezone.localdate()
        dates = []
        for name in ("preferred_date_1", "preferred_date_2", "preferred_date_3"):
            day = cleaned.get(name)
            if day is None:
                continue
            if day <= today:
                self.add_error(name, _("Choose a date after today."))
            elif day not in dates:
                dates.append(day)
        cleaned["preferred_dates"] = [day.isoformat() for day in dates]
        return cleaned

    def visit_fields(self):
        """What the service stores: the model's fields, the dates as ISO strings."""
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields} | {"preferred_dates": data["preferred_dates"]}


class VisitFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    kind = forms.ChoiceField(label=_("Kind of institution"), required=False)
    month = forms.CharField(
        label=_("Month"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
        help_text=_("Of the tour, or of the request while no tour is set."),
    )

    def __init__(self, *args, state_counts, **kwargs):
        super().__init__(*args, **kwargs)
        total = sum(count for _value, _label, count in state_counts)
        self.fields["state"].choices = [("", _("All states (%(count)s)") % {"count": total})] + [
            (value, f"{capfirst(label)} ({count})") for value, label, count in state_counts
        ]
        kinds = [(value, capfirst(label)) for value, label in VisitRequest.InstitutionKind.choices]
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]

    def clean_month(self):
        month = self.cleaned_data["month"].strip()
        if not month:
            return None
        match = re.fullmatch(r"(\d{4})-(\d{2})", month)
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(_("Give the month as YYYY-MM."))
        return int(match[1]), int(match[2])


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot):
        start = timezone.localtime(slot.start)
        return _("%(start)s · %(language)s · %(booked)s of %(capacity)s visitors confirmed") % {
            "start": f"{start:%Y-%m-%d %H:%M}",
            "language": slot.get_language_display(),
            "booked": slot.booked,
            "capacity": slot.capacity,
        }


def open_slots(campus):
    return (
        TourSlot.objects.filter(campus=campus, start__gt=timezone.now())
        .annotate(booked=booked_visitors())
        .order_by("start", "pk")
    )


class SlotForm(forms.Form):
    """Choosing a tour for a visit (to confirm it, or to move it)."""

    slot = SlotChoiceField(label=_("Tour"), queryset=TourSlot.objects.none())
    note = forms.CharField(
        label=_("Note to the institution (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on their status page and in the mail, e.g. where to meet."),
    )

    def __init__(self, *args, campus, exclude=None, **kwargs):
        super().__init__(*args, **kwargs)
        slots = open_slots(campus)
        if exclude is not None:
            slots = slots.exclude(pk=exclude)
        self.fields["slot"].queryset = slots


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Why (sent to the institution)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class CheckInForm(forms.Form):
    headcount = forms.IntegerField(label=_("Visitors who came"), min_value=1, max_value=MAX_GROUP)


class TourSlotForm(forms.ModelForm):
    class Meta:
        model = TourSlot
        fields = ["start", "end", "capacity", "language", "guide", "note"]
        widgets = {"start": datetime_input(), "end": datetime_input()}
        help_texts = {"capacity": _("How many visitors the guides can take in this tour.")}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        team = CampusRole.objects.filter(campus=campus, role__in=[Role.OPERATOR, Role.STAFF])
        self.fields["guide"].queryset = User.objects.filter(pk__in=team.values("user")).order_by("email")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The tour must end after it starts."))
        return cleaned


class SurveyForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("Overall, how useful was the visit?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = not useful, 5 = very useful"),
    )

    class Meta:
        model = VisitSurvey
        fields = ["rating", "most_useful", "suggestions", "would_recommend"]
        widgets = {
            "most_useful": forms.Textarea(attrs={"rows": 3}),
            "suggestions": forms.Textarea(attrs={"rows": 3}),
        }
