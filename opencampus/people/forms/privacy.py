from django import forms
from django.utils.translation import gettext_lazy as _

from ..consent_terms import CONSENT_TERMS


class GiveConsentForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=[(purpose, terms.label) for purpose, terms in CONSENT_TERMS.items()]
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Type your password to confirm that you want to delete your account."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
