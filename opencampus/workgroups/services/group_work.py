"""A working group's own work: tasks, notes and files."""

from pathlib import PurePath

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import GroupFile, GroupNote, GroupTask
from ..models.group import NOTE_MAX
from .errors import WorkgroupError

TITLE_MAX = GroupTask._meta.get_field("title").max_length
FILE_MAX_MB = 20


def _clean_title(title, what="title"):
    title = " ".join(title.split())
    if not title:
        raise WorkgroupError(_("Give it a title."), field=what)
    if len(title) > TITLE_MAX:
        raise WorkgroupError(_("A title has at most %(most)s characters.") % {"most": TITLE_MAX}, field=what)
    return title


def _check_assignee(group, assignee):
    if assignee is not None and not group.members.filter(participant=assignee).exists():
        raise WorkgroupError(_("Tasks go to members of the group."), field="assignee")


@transaction.atomic
def add_task(*, group, title, assignee, due_on, actor):
    title = _clean_title(title)
    _check_assignee(group, assignee)
    task = GroupTask.objects.create(
        campus=group.campus, group=group, title=title, assignee=assignee, due_on=due_on, created_by=actor
    )
    log_activity(
        campus=group.campus,
        actor=actor,
        action="workgroups.task_added",
        subject=group,
        data={"task": task.pk},
    )
    return task


@transaction.atomic
def assign_task(*, task, assignee, due_on, actor):
    _check_assignee(task.group, assignee)
    task.assignee, task.due_on = assignee, due_on
    task.save(update_fields=["assignee", "due_on"])
    log_activity(
        campus=task.campus,
        actor=actor,
        action="workgroups.task_assigned",
        subject=task.group,
        data={"task": task.pk, "assignee": assignee.pk if assignee is not None else None},
    )
    return task


@transaction.atomic
def set_task_done(*, task, done, actor):
    """Mark the task done (now) or reopen it; marking it as it already is changes nothing."""
    if done == (task.done_at is not None):
        return task
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done_at"])
    log_activity(
        campus=task.campus,
        actor=actor,
        action="workgroups.task_done" if done else "workgroups.task_reopened",
        subject=task.group,
        data={"task": task.pk},
    )
    return task


@transaction.atomic
def add_note(*, group, body, actor):
    body = body.strip()
    if not body:
        raise WorkgroupError(_("Write something first."), field="body")
    if len(body) > NOTE_MAX:
        raise WorkgroupError(
            _("A note has at most %(most)s characters; this one has %(length)s.")
            % {"most": NOTE_MAX, "length": len(body)},
            field="body",
        )
    note = GroupNote.objects.create(campus=group.campus, group=group, author=actor, body=body)
    log_activity(
        campus=group.campus,
        actor=actor,
        action="workgroups.note_added",
        subject=group,
        data={"note": note.pk},
    )
    return note


@transaction.atomic
def add_file(*, group, title, upload, actor):
    title = _clean_title(title or PurePath(upload.name).stem)
    if upload.size > FILE_MAX_MB * 1024 * 1024:
        raise WorkgroupError(
            _("“%(name)s” is %(size)s; the largest file accepted is %(limit)s MB.")
            % {"name": PurePath(upload.name).name, "size": filesizeformat(upload.size), "limit": FILE_MAX_MB},
            field="file",
        )
    added = GroupFile.objects.create(
        campus=group.campus, group=group, title=title, file=upload, uploaded_by=actor
    )
    log_activity(
        campus=group.campus,
        actor=actor,
        action="workgroups.file_added",
        subject=group,
        data={"file": added.pk},
    )
    return added
