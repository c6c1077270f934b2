from django import forms
from django.utils.translation import gettext_lazy as _

from .services.verification import MAX_LENGTH


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it revoked?"),
        help_text=_("Published in the campus's revocation list: write no private details."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
        error_messages={"required": _("Give the reason for revoking; it is published with the revocation.")},
    )


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label=_("Credential to check"),
        help_text=_("Paste the whole .jwt file, or the whole .json file, that the holder gave you."),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        max_length=MAX_LENGTH,
        strip=True,
        error_messages={"required": _("Paste a credential to check.")},
    )
