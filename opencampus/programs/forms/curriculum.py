"""Forms of the curriculum pages: sessions, weekly slots and materials."""

from django import forms
from django.db.models import Prefetch
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from opencampus.park.models import Feature, Space
from opencampus.people.models import User

from ..models import CohortSlot, InstructorAvailability, Session, SessionMaterial
from ..services.teaching import TEACHING_ROLES

DASH = "\N{EM DASH}"


def window_label(window):
    return f"{WEEKDAYS_ABBR[window.weekday]} {window.starts_at:%H:%M}\N{EN DASH}{window.ends_at:%H:%M}"


class PoolChoiceField(forms.ModelMultipleChoiceField):
    """People of the instructor pool, each with their weekly windows on the campus (``campus_windows``)."""

    def label_from_instance(self, obj):
        windows = ", ".join(window_label(window) for window in obj.campus_windows) or _("no weekly hours yet")
        return f"{obj.get_full_name() or obj.email} ({obj.email}) {DASH} {windows}"


def instructor_pool(campus):
    """Everyone holding the instructor or mentor role on ``campus``, with their windows there."""
    windows = InstructorAvailability.objects.filter(campus=campus).order_by("weekday", "starts_at", "pk")
    return (
        User.objects.filter(campus_roles__campus=campus, campus_roles__role__in=TEACHING_ROLES)
        .distinct()
        .order_by("name_ko", "email")
        .prefetch_related(Prefetch("teaching_windows", queryset=windows, to_attr="campus_windows"))
    )


class SessionForm(forms.ModelForm):
    instructors = PoolChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("instructors"),
        help_text=_(
            "People holding the instructor or mentor role here, with the hours they teach each week."
        ),
    )
    # Querysets are set per campus in __init__; scoped managers refuse unscoped queries here.
    features = forms.ModelMultipleChoiceField(
        queryset=Feature.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("room needs"),
    )
    room = forms.ModelChoiceField(queryset=Space.objects.none(), required=False, label=_("only in this room"))
    after = forms.ModelMultipleChoiceField(
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("comes after"),
        help_text=_("Sessions that must have ended before this one starts."),
    )

    class Meta:
        model = Session
        fields = [
            "kind",
            "title_ko",
            "title_en",
            "goals_ko",
            "goals_en",
            "position",
            "duration_minutes",
            "days",
            "instructors",
            "features",
            "room",
            "offsite",
            "offsite_place",
            "after",
            "earliest_week",
            "latest_week",
        ]
        widgets = {
            "goals_ko": forms.Textarea(attrs={"rows": 3}),
            "goals_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        campus = cohort.campus
        self.fields["instructors"].queryset = instructor_pool(campus)
        self.fields["features"].queryset = Feature.objects.filter(campus=campus)
        self.fields["room"].queryset = Space.objects.filter(campus=campus, is_active=True, is_bookable=True)
        others = Session.objects.filter(cohort=cohort)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["after"].queryset = others
        for name in ("earliest_week", "latest_week"):
            self.fields[name].widget.attrs.update(min=1, max=cohort.weeks)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title_ko") and not cleaned.get("title_en"):
            self.add_error("title_ko", _("Give the session's title in Korean or in English."))
        if cleaned.get("offsite") and cleaned.get("room"):
            self.add_error("room", _("A session away from the campus needs no room here."))
        if cleaned.get("offsite") and not cleaned.get("offsite_place"):
            self.add_error("offsite_place", _("Say where the session takes place."))
        for name in ("earliest_week", "latest_week"):
            week = cleaned.get(name)
            if week is not None and not 1 <= week <= self.cohort.weeks:
                self.add_error(name, _("The cohort has weeks 1 to %(weeks)d.") % {"weeks": self.cohort.weeks})
        first, last = cleaned.get("earliest_week"), cleaned.get("latest_week")
        if first and last and last < first:
            self.add_error("latest_week", _("The last week comes before the first."))
        return cleaned

    def relations(self):
        return {name: self.cleaned_data[name] for name in ("instructors", "features", "after")}


class SlotForm(forms.ModelForm):
    class Meta:
        model = CohortSlot
        fields = ["weekday", "starts_at", "ends_at"]
        widgets = {
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must come after the start."))
        return cleaned


class MaterialForm(forms.ModelForm):
    class Meta:
        model = SessionMaterial
        fields = ["title", "file", "url"]

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("file")) == bool(cleaned.get("url")):
            raise forms.ValidationError(_("Attach a file or give a link — one of the two."))
        return cleaned
