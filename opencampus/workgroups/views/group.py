"""A working group's page: members, problem, mentor, tasks, notes, files and experiments."""

import posixpath

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Participant

from ..forms.group_work import AssignForm, FileForm, NoteForm, TaskForm
from ..membership import open_mentorships
from ..models import GroupFile, GroupMember, GroupTask, WorkingGroup
from ..services.errors import WorkgroupError
from ..services.group_work import FILE_MAX_MB, add_file, add_note, add_task, assign_task, set_task_done
from .mixins import SignedInMixin, show_error


def group_url(group):
    return campus_reverse(group.campus, "workgroups:group", pk=group.pk)


class GroupMixin(SignedInMixin):
    permission_required = "workgroups.view_group"

    @cached_property
    def group(self):
        return get_object_or_404(
            WorkingGroup.objects.select_related("campus", "cohort", "agenda"),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.group

    def members(self):
        return Participant.objects.filter(group_memberships__group=self.group).select_related("user")


class GroupView(GroupMixin, View):
    template_name = "workgroups/group.html"

    def render_page(self, bound=None, status=200):
        group = self.group
        members = GroupMember.objects.filter(group=group).select_related("participant__user").order_by("pk")
        participants = [member.participant for member in members]
        forms = {
            "task": TaskForm(members=self.members(), prefix="task"),
            "note": NoteForm(prefix="note"),
            "file": FileForm(prefix="file"),
        }
        if bound is not None:
            forms[bound[0]] = bound[1]
        user = self.request.user
        context = {
            "group": group,
            "mentors": [
                (mentorship, user.has_perm("mentors.view_mentorship", mentorship))
                for mentorship in open_mentorships(group)
            ],
            "members": participants,
            "tasks": GroupTask.objects.filter(group=group).select_related("assignee__user"),
            "notes": group.notes.select_related("author"),
            "files": group.files.select_related("uploaded_by"),
            "experiments": group.experiments.all(),
            "forms": forms,
            "file_max_mb": FILE_MAX_MB,
            "may_work": self.request.user.has_perm("workgroups.work_in_group", group),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page()


class GroupActionView(GroupView):
    """A POST from the group page; a refusal shows the page again with what was typed."""

    permission_required = "workgroups.work_in_group"
    http_method_names = ["post"]
    form_name = None
    done_message = None

    def make_form(self):
        return None

    def refuse(self, form, message):
        """Inline forms (one per task) show the refusal on top; the page's forms beside the input."""
        if self.form_name is None:
            messages.error(self.request, message)
            return redirect(group_url(self.group))
        return self.render_page(bound=(self.form_name, form), status=400)

    def post(self, request, pk, **kwargs):
        form = self.make_form()
        if form is not None and not form.is_valid():
            return self.refuse(form, " ".join(" ".join(errors) for errors in form.errors.values()))
        try:
            self.perform(form.cleaned_data if form is not None else {})
        except WorkgroupError as error:
            if form is not None:
                show_error(form, error)
            return self.refuse(form, str(error))
        messages.success(request, self.done_message)
        return redirect(group_url(self.group))


class AddTaskView(GroupActionView):
    form_name = "task"
    done_message = gettext_lazy("The task is added.")

    def make_form(self):
        return TaskForm(self.request.POST, members=self.members(), prefix="task")

    def perform(self, data):
        add_task(group=self.group, actor=self.request.user, **data)


class TaskMixin:
    @cached_property
    def task(self):
        return get_object_or_404(
            GroupTask.objects.select_related("group"), group=self.group, pk=self.kwargs["task"]
        )


class AssignTaskView(TaskMixin, GroupActionView):
    done_message = gettext_lazy("Saved.")

    def make_form(self):
        return AssignForm(self.request.POST, members=self.members())

    def perform(self, data):
        assign_task(task=self.task, actor=self.request.user, **data)


class TaskDoneView(TaskMixin, GroupActionView):
    done = True
    done_message = gettext_lazy("The task is done.")

    def perform(self, data):
        set_task_done(task=self.task, done=self.done, actor=self.request.user)


class TaskReopenView(TaskDoneView):
    done = False
    done_message = gettext_lazy("The task is open again.")


class AddNoteView(GroupActionView):
    form_name = "note"
    done_message = gettext_lazy("The note is added.")

    def make_form(self):
        return NoteForm(self.request.POST, prefix="note")

    def perform(self, data):
        add_note(group=self.group, body=data["body"], actor=self.request.user)


class AddFileView(GroupActionView):
    form_name = "file"
    done_message = gettext_lazy("The file is added.")

    def make_form(self):
        return FileForm(self.request.POST, self.request.FILES, prefix="file")

    def perform(self, data):
        add_file(group=self.group, title=data["title"], upload=data["file"], actor=self.request.user)


class FileView(GroupMixin, View):
    """A group's file, downloaded through the group's permission check."""

    def get(self, request, pk, file):
        item = get_object_or_404(GroupFile, group=self.group, pk=file)
        try:
            handle = item.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing from storage.") from None
        return FileResponse(handle, as_attachment=True, filename=posixpath.basename(item.file.name))
