"""Forms of the space pages: the public filter, and the campus team's space, hours, closed-day,
photo and feature forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ClosedDay, Feature, OpeningHours, Space, Training
from ..services.spaces import EDITABLE_FIELDS, SpaceError, check_slug
from ..services.tree import space_tree

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
Weekday = OpeningHours.Weekday


class SpaceFilterForm(forms.Form):
    feature = forms.ModelChoiceField(
        label=_("With"),
        queryset=Feature.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("any"),
    )
    capacity = forms.IntegerField(
        label=_("For at least (people)"), min_value=1, max_value=100000, required=False
    )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["feature"].queryset = Feature.objects.filter(campus=campus)


class SpaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, space):
        return f"{space.name} ({space.get_kind_display()})"


class SpaceForm(forms.ModelForm):
    # Querysets of scoped models are set per campus in __init__.
    parent = SpaceChoiceField(
        label=_("Inside"),
        queryset=Space.objects.none(),
        required=False,
        help_text=_("Empty: the space stands on its own (a building or an outdoor area)."),
    )
    features = forms.ModelMultipleChoiceField(
        label=_("Features"),
        queryset=Feature.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Add or rename features on the Features page."),
    )
    required_training = forms.ModelChoiceField(
        label=_("Training required to book"), queryset=Training.objects.none(), required=False
    )

    class Meta:
        model = Space
        fields = (*EDITABLE_FIELDS, "features")
        widgets = {
            "description_ko": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "slug": _("Used in the space's web address: lower-case letters, digits and hyphens."),
            "is_active": _("Spaces are never deleted; one not in use is hidden and cannot be booked."),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        excluded = []
        if self.instance.pk:
            excluded = space_tree(campus).claimed_by(self.instance.pk)
        self.fields["parent"].queryset = Space.objects.filter(campus=campus).exclude(pk__in=excluded)
        self.fields["features"].queryset = Feature.objects.filter(campus=campus)
        self.fields["required_training"].queryset = Training.objects.filter(campus=campus)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        try:
            check_slug(campus=self.campus, slug=slug, space=self.instance if self.instance.pk else None)
        except SpaceError as error:
            raise forms.ValidationError(error.message) from None
        return slug

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give the space's name in Korean or in English."))
        return cleaned

    def space_fields(self):
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}

    def chosen_features(self):
        return list(self.cleaned_data["features"])


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class OpeningHoursForm(forms.Form):
    """Seven rows, one a weekday; a row left empty is a closed day."""

    OWN, INHERIT = "own", "inherit"
    mode = forms.ChoiceField(
        label=_("Opening hours"),
        widget=forms.RadioSelect,
        choices=[
            (INHERIT, _("No hours of its own: the same as the space it is in (or open around the clock)")),
            (OWN, _("Its own hours, below; a day left empty is closed")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day in Weekday:
            self.fields[f"opens_{day.value}"] = forms.TimeField(
                label=_("opens"), required=False, widget=TimeInput
            )
            self.fields[f"closes_{day.value}"] = forms.TimeField(
                label=_("closes"), required=False, widget=TimeInput
            )

    @classmethod
    def initial_for(cls, hours):
        initial = {"mode": cls.OWN if hours else cls.INHERIT}
        for row in hours:
            initial.setdefault(f"opens_{row.weekday}", row.opens)
            initial.setdefault(f"closes_{row.weekday}", row.closes)
        return initial

    def rows(self):
        return [(day.label, self[f"opens_{day.value}"], self[f"closes_{day.value}"]) for day in Weekday]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") != self.OWN:
            return cleaned
        given = 0
        for day in Weekday:
            opens, closes = cleaned.get(f"opens_{day.value}"), cleaned.get(f"closes_{day.value}")
            if f"opens_{day.value}" in self.errors or f"closes_{day.value}" in self.errors:
                continue
            if (opens is None) != (closes is None):
                self.add_error(
                    f"closes_{day.value}" if closes is None else f"opens_{day.value}",
                    _("Give both times for %(weekday)s, or leave both empty if it is closed.")
                    % {"weekday": day.label},
                )
            elif opens is not None:
                given += 1
                if closes <= opens:
                    self.add_error(
                        f"closes_{day.value}",
                        _("On %(weekday)s the space must close after it opens.") % {"weekday": day.label},
                    )
        if given == 0 and not self.errors:
            raise forms.ValidationError(
                _("Give the hours of at least one day, or choose to have no hours of its own.")
            )
        return cleaned

    def hours(self):
        if self.cleaned_data["mode"] != self.OWN:
            return []
        return [
            (day.value, self.cleaned_data[f"opens_{day.value}"], self.cleaned_data[f"closes_{day.value}"])
            for day in Weekday
            if self.cleaned_data.get(f"opens_{day.value}") is not None
        ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ClosedDayForm(forms.ModelForm):
    space = SpaceChoiceField(
        label=_("Space"),
        queryset=Space.objects.none(),
        required=False,
        empty_label=_("The whole campus"),
        help_text=_("A day closed in a space is closed in everything inside it too."),
    )

    class Meta:
        model = ClosedDay
        fields = ("date", "space", "reason_ko", "reason_en")
        widgets = {"date": DateInput}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = Space.objects.filter(campus=campus)

    def closed_day_fields(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class PhotoForm(forms.Form):
    image = forms.ImageField(label=_("Photo"), help_text=_("A JPEG, PNG or WebP image of at most 5 MB."))
    caption_ko = forms.CharField(label=_("Caption (Korean)"), max_length=200, required=False)
    caption_en = forms.CharField(label=_("Caption (English)"), max_length=200, required=False)

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.image.format not in PHOTO_FORMATS:
            raise forms.ValidationError(_("Upload a JPEG, PNG or WebP image."))
        if image.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is larger than 5 MB; make it smaller and try again."))
        return image


class FeatureForm(forms.ModelForm):
    class Meta:
        model = Feature
        fields = ("slug", "name_ko", "name_en")
        help_texts = {
            "slug": _("A short name for filters and addresses: lower-case letters, digits and hyphens.")
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give the feature's name in Korean or in English."))
        return cleaned


class FeatureNameForm(FeatureForm):
    class Meta(FeatureForm.Meta):
        fields = ("name_ko", "name_en")
