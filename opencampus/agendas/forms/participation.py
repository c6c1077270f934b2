"""What anyone signed in sends from a problem's page: a comment, a report on a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Comment, CommentReport
from ..models.participation import COMMENT_MAX


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your comment before sending it.")},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong with it?"), choices=CommentReport.Reason.choices)
    detail = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        max_length=CommentReport._meta.get_field("detail").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is hidden (shown to everyone)"),
        max_length=Comment._meta.get_field("hidden_reason").max_length,
        error_messages={"required": _("Give the reason for hiding: it is shown in place of the comment.")},
    )
