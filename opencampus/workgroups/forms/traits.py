"""Forms of the traits page: the participant-by-attribute table, filling from the call, CSV."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.traits import ATTRIBUTE_MAX, VALUE_MAX

NEW_ATTRIBUTE = "new_attribute"


class TraitTableForm(forms.Form):
    """One input per participant and attribute, plus a column to start a new attribute."""

    new_attribute = forms.CharField(label=_("New attribute"), max_length=ATTRIBUTE_MAX, required=False)

    def __init__(self, *args, participants, attributes, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants, self.attributes = participants, attributes
        for participant in participants:
            for attribute in attributes:
                self.fields[self.cell(participant.pk, attribute)] = forms.CharField(
                    label=f"{participant.user} · {attribute}",
                    max_length=VALUE_MAX,
                    required=False,
                    initial=values.get((participant.pk, attribute), ""),
                )
            self.fields[self.cell(participant.pk, NEW_ATTRIBUTE)] = forms.CharField(
                label=f"{participant.user} · {_('new attribute')}", max_length=VALUE_MAX, required=False
            )

    @staticmethod
    def cell(participant_id, attribute):
        return f"t-{participant_id}-{attribute}"

    def clean(self):
        cleaned = super().clean()
        new_values = any(cleaned.get(self.cell(p.pk, NEW_ATTRIBUTE)) for p in self.participants)
        if new_values and not cleaned.get("new_attribute", "").strip():
            self.add_error("new_attribute", _("Name the new attribute."))
        return cleaned

    def rows(self):
        """``[(participant, [bound field per attribute], bound field of the new attribute)]``."""
        return [
            (
                participant,
                [self[self.cell(participant.pk, attribute)] for attribute in self.attributes],
                self[self.cell(participant.pk, NEW_ATTRIBUTE)],
            )
            for participant in self.participants
        ]

    def values(self):
        """``{(participant id, attribute): value}`` of every cell."""
        data = self.cleaned_data
        values = {
            (p.pk, attribute): data[self.cell(p.pk, attribute)]
            for p in self.participants
            for attribute in self.attributes
        }
        new = data["new_attribute"].strip()
        if new:
            for p in self.participants:
                if data[self.cell(p.pk, NEW_ATTRIBUTE)]:
                    values[p.pk, new] = data[self.cell(p.pk, NEW_ATTRIBUTE)]
        return values


class FillFromCallForm(forms.Form):
    question = forms.ChoiceField(label=_("Question of the call"))
    attribute = forms.CharField(
        label=_("Attribute"),
        max_length=ATTRIBUTE_MAX,
        required=False,
        help_text=_("Leave empty to use the question's key."),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [(key, f"{label} ({key})") for key, label in questions]


class TraitUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One line per value: email,attribute,value (a header line is optional). An empty value "
            "removes the trait."
        ),
    )
