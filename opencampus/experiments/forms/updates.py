from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..services.updates import MAX_FILE_BYTES, MAX_FILES, update_problems
from .common import DateInput, add_problems


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; the cleaned value is a list (empty when none were chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        files = data if isinstance(data, list | tuple) else [data]
        return [clean_one(file, initial) for file in files if file]


class UpdateForm(forms.Form):
    happened_on = forms.DateField(label=_("Date"), widget=DateInput)
    body = forms.CharField(
        label=_("What happened"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    files = MultipleFileField(
        label=_("Photos and files"),
        required=False,
        help_text=_("Up to %(count)s files of at most %(size)s each; photos are shown on the page.")
        % {"count": MAX_FILES, "size": filesizeformat(MAX_FILE_BYTES)},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"happened_on": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        add_problems(self, update_problems(body=cleaned.get("body", ""), files=cleaned.get("files", [])))
        return cleaned
