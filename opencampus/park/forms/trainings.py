"""Forms of the campus team's training pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.people.forms.manage import AccountEmailField

from ..models import Training
from ..services.trainings import EDITABLE_FIELDS, TrainingError, check_training_slug
from .spaces import DateInput


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = EDITABLE_FIELDS
        widgets = {
            "description_ko": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "slug": _("Used in the training's web address: lower-case letters, digits and hyphens."),
            "valid_for_days": _("A record lets its holder book for this many days after the training."),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["valid_for_days"].widget.attrs["min"] = 1

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        try:
            check_training_slug(campus=self.campus, slug=slug, training=self.instance)
        except TrainingError as error:
            raise forms.ValidationError(error.message) from None
        return slug

    def clean_valid_for_days(self):
        days = self.cleaned_data["valid_for_days"]
        if days < 1:
            raise forms.ValidationError(_("A training is valid for at least one day."))
        return days

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give the training's name in Korean or in English."))
        return cleaned

    def training_fields(self):
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class RecordTrainingForm(forms.Form):
    person = AccountEmailField(
        label=_("E-mail address of the person"),
        help_text=_("They must hold a role on this campus or belong to one of its organisations."),
    )
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"completed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
