"""Forms of the selection pages: quotas, the selection's size, and the applicant's answer to an offer."""

from django import forms
from django.utils.translation import gettext_lazy as _


class QuotaForm(forms.Form):
    question_key = forms.ChoiceField(label=_("Question"))
    value = forms.ChoiceField(
        label=_("Answer"),
        help_text=_("The choice this quota counts; it must be a choice of the question above."),
    )
    minimum = forms.IntegerField(label=_("At least"), required=False, min_value=0)
    maximum = forms.IntegerField(label=_("At most"), required=False, min_value=0)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {question.key: question for question in questions}
        self.fields["question_key"].choices = [
            ("", "—"),
            *((question.key, f"{question.key} · {question.label}") for question in questions),
        ]
        # Every question's choices, grouped by question: the server checks the pair in ``clean``.
        self.fields["value"].choices = [
            ("", "—"),
            *((question.key, question.choice_labels()) for question in questions),
        ]

    def clean(self):
        cleaned = super().clean()
        question = self.questions.get(cleaned.get("question_key") or "")
        value = cleaned.get("value")
        if question is not None and value and value not in {choice["value"] for choice in question.choices}:
            self.add_error(
                "value", _("Choose one of the answers of the question “%(key)s”.") % {"key": question.key}
            )
        low, high = cleaned.get("minimum"), cleaned.get("maximum")
        if low is None and high is None and not {"minimum", "maximum"} & set(self.errors):
            self.add_error("minimum", _("Give a minimum, a maximum or both."))
        elif low is not None and high is not None and low > high:
            self.add_error("maximum", _("The maximum must not be smaller than the minimum."))
        return cleaned

    def quota_fields(self):
        return {name: self.cleaned_data[name] for name in ("question_key", "value", "minimum", "maximum")}


class SelectionForm(forms.Form):
    places = forms.IntegerField(
        label=_("Places"),
        min_value=0,
        max_value=100_000,
        help_text=_("How many applicants to select. Starts from the call's number of places."),
    )
    waitlist_size = forms.IntegerField(
        label=_("Length of the waiting list"),
        min_value=0,
        max_value=100_000,
        help_text=_("The best of the others, in order; everyone after them is not selected."),
    )

    def sizes(self):
        return {"places": self.cleaned_data["places"], "waitlist_size": self.cleaned_data["waitlist_size"]}
