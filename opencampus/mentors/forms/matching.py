"""Forms of matching: opening a round, pair rules, both sides' rankings, publishing and answers."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from opencampus.programs.models import Cohort

from ..models import MENTORING_LANGUAGES, MatchingRound, MentorField, PairRule

RANK_FIELD = re.compile(r"^rank_(\d+)$")
DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT)


class CohortChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OpenRoundForm(forms.Form):
    cohort = CohortChoiceField(label=_("Cohort"), queryset=Cohort.objects.none(), empty_label="—")
    mentee_kind = forms.ChoiceField(label=_("Mentees"), choices=MatchingRound.MenteeKind.choices)
    rankings_close_at = forms.DateTimeField(
        label=_("Rankings close at"), required=False, widget=datetime_widget(), help_text=_("Optional.")
    )

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(campus=campus).order_by("-starts_on", "pk")


class CloseDateForm(forms.Form):
    rankings_close_at = forms.DateTimeField(
        label=_("Rankings close at"),
        required=False,
        widget=datetime_widget(),
        help_text=_("Leave empty to take rankings until the round is published."),
    )


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class PairRuleForm(forms.Form):
    mentee = NamedChoiceField(label=_("Mentee"), queryset=None, empty_label="—")
    mentor = NamedChoiceField(label=_("Mentor"), queryset=None, empty_label="—")
    kind = forms.ChoiceField(label=_("Rule"), choices=PairRule.Kind.choices)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = mentees
        self.fields["mentor"].queryset = mentors


class RankingForm(forms.Form):
    """A rank number per listed item (blank = not ranked, equal numbers = ties). Ranks sent for
    items not listed are kept for the service to refuse."""

    def __init__(self, *args, items, ranking, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"rank_{item.pk}"] = forms.IntegerField(
                label=str(item),
                required=False,
                min_value=1,
                max_value=max(1, len(items)),
                initial=ranking.get(item.pk),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "narrow"}),
            )

    def rows(self):
        return [(item, self[f"rank_{item.pk}"]) for item in self.items]

    def ranks(self):
        """``{id: rank or None}`` for every ``rank_<id>`` sent, listed or not."""
        ranks = {item.pk: self.cleaned_data.get(f"rank_{item.pk}") for item in self.items}
        for key, value in self.data.items():
            match = RANK_FIELD.match(key)
            if match and int(match[1]) not in ranks:
                ranks[int(match[1])] = int(value) if value.strip().isdigit() else None
        return ranks


class MenteeRankingForm(RankingForm):
    """The mentee's ranking of mentors and what they look for."""

    fields_wanted = forms.ModelMultipleChoiceField(
        label=_("Fields you look for"),
        queryset=MentorField.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Topics you want to work on"),
        max_length=400,
        required=False,
        help_text=_("Separated by commas, e.g. circular economy, impact investment."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can be mentored in"),
        choices=MENTORING_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: any language."),
    )

    def __init__(self, *args, mentee, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields_wanted"].queryset = MentorField.objects.filter(campus=campus)
        if not self.is_bound:
            self.fields["fields_wanted"].initial = list(mentee.fields.all())
            self.fields["keywords"].initial = mentee.keywords
            self.fields["languages"].initial = mentee.languages

    def wish_fields(self):
        return [self["fields_wanted"], self["keywords"], self["languages"]]

    def wishes(self):
        data = self.cleaned_data
        return {"fields": data["fields_wanted"], "keywords": data["keywords"], "languages": data["languages"]}


class PublishForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Result to publish"), choices=MatchingRound.Method.choices, widget=forms.RadioSelect
    )


class ChangeRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you ask for a change?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ReassignForm(forms.Form):
    mentor = NamedChoiceField(label=_("New mentor"), queryset=None, empty_label="—")

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors
