from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .formation import FormationRun

NOTE_MAX = 10_000


class WorkingGroup(CampusScoped):
    """Participants of a cohort who work on one social problem together."""

    cohort = models.ForeignKey("programs.Cohort", on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(_("name"), max_length=120)
    agenda = models.ForeignKey(
        "agendas.Agenda",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("social problem"),
    )
    formed_by = models.ForeignKey(
        FormationRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="groups"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["cohort", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "name"], name="group_name_per_cohort")]

    def __str__(self):
        return self.name


class GroupMember(CampusScoped):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    participant = models.ForeignKey(
        "programs.Participant", on_delete=models.CASCADE, related_name="group_memberships"
    )
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["participant"], name="one_group_per_participant")]


class GroupTask(CampusScoped):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    assignee = models.ForeignKey(
        "programs.Participant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_tasks",
        verbose_name=_("who does it"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due_on", "pk"]


class GroupNote(CampusScoped):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("note"), max_length=NOTE_MAX)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created", "-pk"]


class GroupFile(CampusScoped):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="workgroups/files/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["-created", "-pk"]
