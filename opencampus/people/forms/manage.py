"""Forms of the campus team's pages for people, roles and organisations."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CampusRole, Membership, Organisation, User
from ..services.organisations import slug_is_taken


def account_with_email(email):
    return User.objects.filter(email__iexact=email.strip()).first()


class AccountEmailField(forms.EmailField):
    """An e-mail address that must belong to an existing account; cleans to that ``User``."""

    default_error_messages = {
        "no_account": _("No account uses this e-mail address. Ask the person to sign up first."),
    }

    def clean(self, value):
        email = super().clean(value)
        if not email:
            return None
        user = account_with_email(email)
        if user is None:
            raise forms.ValidationError(self.error_messages["no_account"], code="no_account")
        return user


class GrantRoleForm(forms.Form):
    person = AccountEmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=CampusRole.Role.choices)

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus

    def clean(self):
        cleaned = super().clean()
        person, role = cleaned.get("person"), cleaned.get("role")
        if person and role and CampusRole.objects.filter(campus=self.campus, user=person, role=role).exists():
            self.add_error("role", _("This person already holds this role on the campus."))
        return cleaned


class RevokeRoleForm(forms.Form):
    role = forms.ChoiceField(choices=CampusRole.Role.choices)


class OrganisationDetailsForm(forms.ModelForm):
    """What an organisation's own representative or manager may change."""

    class Meta:
        model = Organisation
        fields = (
            "name_ko",
            "name_en",
            "category",
            "country",
            "description_ko",
            "description_en",
            "website",
            "email",
            "is_public",
        )
        widgets = {
            "description_ko": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"country": _("Two-letter code, e.g. KR, NL, CN.")}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise forms.ValidationError(_("Give the two-letter country code, e.g. KR."))
        return country

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name_ko") and not cleaned.get("name_en"):
            self.add_error("name_ko", _("Give the organisation's name in Korean or in English."))
        return cleaned

    def organisation_fields(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class OrganisationForm(OrganisationDetailsForm):
    """Everything about an organisation, for the campus team."""

    class Meta(OrganisationDetailsForm.Meta):
        fields = ("slug", "kind", *OrganisationDetailsForm.Meta.fields)
        help_texts = {
            **OrganisationDetailsForm.Meta.help_texts,
            "slug": _("Used in the organisation's web address: lower-case letters, digits and hyphens."),
        }

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        existing = self.instance if self.instance.pk else None
        if slug_is_taken(campus=self.campus, slug=slug, exclude=existing):
            raise forms.ValidationError(
                _("Another organisation of this campus already uses this address name.")
            )
        return slug


class NewOrganisationForm(OrganisationForm):
    representative = AccountEmailField(
        label=_("E-mail address of its representative"),
        required=False,
        help_text=_("Optional. The person must have an account; they can then manage the organisation."),
    )


class AddMemberForm(forms.Form):
    person = AccountEmailField(label=_("E-mail address of the person"))
    role = forms.ChoiceField(
        label=_("Role in the organisation"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_person(self):
        person = self.cleaned_data["person"]
        if Membership.objects.filter(organisation=self.organisation, user=person).exists():
            raise forms.ValidationError(_("This person is already a member of the organisation."))
        return person


class ChangeMemberRoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)
