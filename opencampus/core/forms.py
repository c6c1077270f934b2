from django import forms
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import OutboxMessage
from opencampus.core.services.outbox import EDITABLE_STATES


class ActivityFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(label=_("Actor e-mail"), required=False, max_length=254)

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *((action, action) for action in actions)]


class OutboxMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=250)
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 16}))


class OutboxBulkForm(forms.Form):
    """Release or discard several drafts (or failed messages) at once."""

    RELEASE, DISCARD = "release", "discard"

    operation = forms.ChoiceField(choices=[(RELEASE, _("Release")), (DISCARD, _("Discard"))])
    selected = forms.ModelMultipleChoiceField(
        queryset=OutboxMessage.objects.none(),
        error_messages={"required": _("Select at least one message.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated inside the request's campus scope: ids of other campuses are invalid choices.
        self.fields["selected"].queryset = OutboxMessage.objects.filter(state__in=EDITABLE_STATES)
