from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from ..consent_terms import ACCOUNT_TERMS
from ..models import Profile, User


class SignupForm(BaseUserCreationForm):
    accept_terms = forms.BooleanField(
        label=_("I agree that the campus keeps my name, e-mail address and language to run my account."),
        help_text=ACCOUNT_TERMS.explanation,
    )

    class Meta:
        model = User
        fields = ("email", "name_ko", "name_en", "preferred_language")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give your name in Korean or in English."))
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("The e-mail address or the password is not correct."),
        "inactive": _("This account is not active."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("name_ko", "name_en", "preferred_language")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give your name in Korean or in English."))
        return cleaned


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=Profile.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Profile
        fields = ("expertise", "languages", "bio_ko", "bio_en")
        widgets = {"bio_ko": forms.Textarea(attrs={"rows": 4}), "bio_en": forms.Textarea(attrs={"rows": 4})}
