from datetime import date

from django import forms
from django.core import signing
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from opencampus.people.models import Organisation

from ..models import Residency, Space
from ..services.residencies import OPEN_STATES
from ..services.resident_import import MAX_BYTES, ResidentImportError, decode, read_rows

IMPORT_SALT = "park.resident_import"
IMPORT_MAX_AGE = 60 * 60


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def label(name):
    return Residency._meta.get_field(name).verbose_name


class ResidentFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("current")), *Residency.State.choices]
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *Organisation.Category.choices],
    )


class ResidencyForm(forms.Form):
    """The terms of a residency; the view passes them to the residency services."""

    spaces = forms.ModelMultipleChoiceField(
        label=label("spaces"),
        queryset=Space.objects.none(),
        required=False,
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose more than one."),
    )
    starts_on = forms.DateField(label=label("starts_on"), widget=date_input())
    ends_on = forms.DateField(label=label("ends_on"), widget=date_input(), required=False)
    monthly_fee = forms.DecimalField(label=label("monthly_fee"), min_value=0, max_digits=14, decimal_places=0)
    monthly_booking_hours = forms.IntegerField(
        label=label("monthly_booking_hours"),
        min_value=0,
        max_value=32767,
        help_text=Residency._meta.get_field("monthly_booking_hours").help_text,
    )
    note = forms.CharField(label=label("note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spaces"].queryset = Space.objects.filter(campus=campus).order_by(
            "name_ko", "name_en", "pk"
        )

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("The term must end after it starts."))
        return data

    def residency_fields(self):
        return {
            name: self.cleaned_data[name]
            for name in ("starts_on", "ends_on", "monthly_fee", "monthly_booking_hours", "note")
        }


class NewResidencyForm(ResidencyForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    state = forms.ChoiceField(
        label=_("State"),
        choices=[
            (Residency.State.APPLIED, Residency.State.APPLIED.label),
            (Residency.State.RESIDENT, Residency.State.RESIDENT.label),
        ],
        initial=Residency.State.RESIDENT,
    )
    field_order = ["organisation", "state"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, campus=campus, **kwargs)
        open_residency = Residency.objects.filter(organisation=OuterRef("pk"), state__in=OPEN_STATES)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(campus=campus)
            .exclude(Exists(open_residency))
            .order_by("name_ko", "name_en")
        )
        self.fields["organisation"].help_text = _(
            "Organisations that already hold a residency are not listed."
        )


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=Residency.State.choices)


class MonthForm(forms.Form):
    month = forms.RegexField(regex=r"^\d{4}-(0[1-9]|1[0-2])$", required=False)

    def month_start(self, today):
        if self.is_valid() and self.cleaned_data["month"]:
            year, month = self.cleaned_data["month"].split("-")
            return date(int(year), int(month), 1)
        return today.replace(day=1)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"), help_text=_("UTF-8 or CP949 (Korean Excel), at most 2 MB and 5,000 rows.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            text = decode(upload.read(MAX_BYTES + 1))
            read_rows(text)
        except ResidentImportError as error:
            raise forms.ValidationError(str(error)) from error
        self.cleaned_data["text"] = text
        return upload


def sign_import(*, text, campus, user):
    return signing.dumps({"csv": text, "campus": campus.pk, "user": user.pk}, salt=IMPORT_SALT, compress=True)


class ImportConfirmForm(forms.Form):
    """The checked file travels back signed, so confirming needs no second upload."""

    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, campus, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus, self.user = campus, user

    def clean_token(self):
        try:
            value = signing.loads(self.cleaned_data["token"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("This check has expired or was changed. Upload the file again.")
            ) from error
        if value.get("campus") != self.campus.pk or value.get("user") != self.user.pk:
            raise forms.ValidationError(_("This check was made for someone else. Upload the file again."))
        return value["csv"]
