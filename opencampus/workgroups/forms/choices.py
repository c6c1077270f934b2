"""A participant's ranking form: a rank number per offered problem."""

import re

from django import forms

RANK_FIELD = re.compile(r"^rank_(\d+)$")


class RankingForm(forms.Form):
    def __init__(self, *args, offers, ranking, **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = offers
        for offer in offers:
            self.fields[f"rank_{offer.pk}"] = forms.IntegerField(
                label=offer.agenda.title,
                required=False,
                min_value=1,
                max_value=max(1, len(offers)),
                initial=ranking.get(offer.pk),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def rows(self):
        return [(offer, self[f"rank_{offer.pk}"]) for offer in self.offers]

    def ranks(self):
        """``{offer id: rank or None}`` for every ``rank_<id>`` sent, offered or not: the service
        refuses problems the cohort does not offer."""
        ranks = {offer.pk: self.cleaned_data[f"rank_{offer.pk}"] for offer in self.offers}
        for key, value in self.data.items():
            match = RANK_FIELD.match(key)
            if match and int(match[1]) not in ranks:
                ranks[int(match[1])] = int(value) if value.strip().isdigit() else None
        return ranks
