from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

from .site import FieldSite

TEXT_MAX = 10_000


class Experiment(CampusScoped):
    """An experiment at a field site, or a supported project: the same record, told apart by kind."""

    class Kind(models.TextChoices):
        EXPERIMENT = "experiment", _("experiment")
        PROJECT = "project", _("supported project")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")
        STOPPED = "stopped", _("stopped")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.EXPERIMENT)
    is_major = models.BooleanField(_("one of the major experiment projects"), default=False)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    theme = models.ForeignKey(
        "agendas.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("theme"),
    )
    agenda = models.ForeignKey(
        "agendas.Agenda",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("social problem"),
    )
    working_group = models.ForeignKey(
        "workgroups.WorkingGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("working group"),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("organisation"),
    )
    field_site = models.ForeignKey(
        FieldSite,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("field site"),
    )
    hypothesis = models.TextField(_("hypothesis"), max_length=TEXT_MAX, blank=True)
    method = models.TextField(_("method"), max_length=TEXT_MAX, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    budget = models.DecimalField(_("budget (KRW)"), max_digits=14, decimal_places=0, null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    results = models.TextField(_("results: what changed"), max_length=TEXT_MAX, blank=True)
    lessons = models.TextField(_("lessons"), max_length=TEXT_MAX, blank=True)
    is_public = models.BooleanField(_("shown publicly"), default=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title_ko="", title_en=""), name="experiment_has_a_title"),
            models.CheckConstraint(
                condition=Q(working_group__isnull=True) | Q(organisation__isnull=True),
                name="experiment_team_is_a_group_or_an_organisation",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="experiment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="experiment_budget_positive"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localised(self, "title")


class Milestone(CampusScoped):
    """A step of an experiment; its weight counts in the experiment's progress."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="milestones")
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    due_on = models.DateField(_("due on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title_ko="", title_en=""), name="milestone_has_a_title"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="milestone_progress_percent"),
            models.CheckConstraint(condition=Q(weight__gte=1), name="milestone_weight_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localised(self, "title")


class Update(CampusScoped):
    """A dated entry on an experiment's timeline."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="updates")
    happened_on = models.DateField(_("date"))
    body = models.TextField(_("what happened"), max_length=TEXT_MAX)
    progress = models.PositiveSmallIntegerField(_("progress then (%)"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-happened_on", "-pk"]


class Attachment(CampusScoped):
    """A photo or a file on an update."""

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="experiments/updates/%Y/")
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    is_image = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]
