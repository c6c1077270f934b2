"""Forms of a group's page: tasks, notes and files."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.group import NOTE_MAX
from ..services.group_work import TITLE_MAX


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.user)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=TITLE_MAX)
    assignee = MemberChoiceField(label=_("Who does it"), queryset=None, required=False, empty_label="—")
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = members


class AssignForm(forms.Form):
    assignee = MemberChoiceField(label=_("Who does it"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = members


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4}))


class FileForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("Leave empty to use the file's name."),
    )
    file = forms.FileField(label=_("File"))
