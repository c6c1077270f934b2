"""Pieces the experiments' forms share."""

import copy

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def add_problems(form, problems):
    """Put a service's ``[(field, message), …]`` next to the inputs they are about."""
    for field, message in problems:
        form.add_error(field if field in form.fields else None, message)


def with_cleaned(form, fields, **extra):
    """A copy of the form's record carrying what was typed, for the services' checks."""
    candidate = copy.copy(form.instance)
    for name, value in extra.items():
        setattr(candidate, name, value)
    for name in fields:
        if name in form.cleaned_data:
            setattr(candidate, name, form.cleaned_data[name])
    return candidate
