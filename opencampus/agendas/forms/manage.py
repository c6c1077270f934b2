"""Forms of the campus team's pages: a problem's state and merging, themes, districts, local targets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AgendaPolicy, District, SdgTarget, StateChange, Theme

EXPLANATION_MAX = StateChange._meta.get_field("explanation").max_length


class StateForm(forms.Form):
    to_state = forms.ChoiceField(label=_("New state"))
    explanation = forms.CharField(
        label=_("Explanation (shown to everyone and mailed to followers)"),
        max_length=EXPLANATION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Explain the change: the explanation is shown to everyone.")},
    )

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(state.value, state.label) for state in states]


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Number of the problem to keep"),
        min_value=1,
        help_text=_(
            "This problem is archived and its endorsements, followers, comments and evidence move there."
        ),
    )
    explanation = forms.CharField(
        label=_("Explanation (shown on both problems)"),
        max_length=EXPLANATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Explain why these problems are the same.")},
    )


class NamedForm(forms.ModelForm):
    """A record named in Korean and/or English."""

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("name_ko", "").strip() or cleaned.get("name_en", "").strip()):
            self.add_error("name_ko", _("Give the name in Korean or in English."))
        return cleaned


class ThemeForm(NamedForm):
    class Meta:
        model = Theme
        fields = ("slug", "name_ko", "name_en", "order", "is_active")
        help_texts = {"slug": _("Used in filters: lower-case letters, digits and hyphens.")}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        taken = Theme.objects.filter(campus=self.instance.campus, slug=slug).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another theme of this campus uses this address name."))
        return slug


class DistrictForm(NamedForm):
    class Meta:
        model = District
        fields = ("name_ko", "name_en", "order")

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus


class LocalTargetForm(forms.ModelForm):
    class Meta:
        model = SdgTarget
        fields = ("goal", "code", "text_ko", "text_en")
        widgets = {"text_ko": forms.Textarea(attrs={"rows": 3}), "text_en": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": _("Unique on this campus, e.g. 11.SEOUL.1.")}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = SdgTarget.objects.filter(campus=self.instance.campus, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another local target of this campus has this code."))
        return code

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text_ko", "").strip() or cleaned.get("text_en", "").strip()):
            self.add_error("text_ko", _("Give the target's text in Korean or in English."))
        return cleaned


class PolicyForm(forms.ModelForm):
    class Meta:
        model = AgendaPolicy
        fields = ("allow_self_endorsement",)
