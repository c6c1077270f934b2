from django import forms
from django.utils.text import capfirst

from opencampus.agendas.models import District
from opencampus.people.models import Organisation

from ..models import FieldSite
from ..services.sites import SITE_FIELDS, site_problems
from .common import add_problems, with_cleaned


def campus_choice(name, model):
    label = capfirst(FieldSite._meta.get_field(name).verbose_name)
    return forms.ModelChoiceField(label=label, queryset=model.objects.none(), required=False)


class FieldSiteForm(forms.ModelForm):
    organisation = campus_choice("organisation", Organisation)
    district = campus_choice("district", District)

    class Meta:
        model = FieldSite
        fields = SITE_FIELDS

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["organisation"].queryset = Organisation.objects.filter(campus=campus)
        self.fields["district"].queryset = District.objects.filter(campus=campus)

    def clean(self):
        cleaned = super().clean()
        add_problems(self, site_problems(with_cleaned(self, SITE_FIELDS, campus=self.campus)))
        return cleaned

    def site_fields(self):
        return {name: self.cleaned_data[name] for name in SITE_FIELDS}
