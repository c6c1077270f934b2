from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

from .taxonomy import SdgGoal, SdgTarget, Theme

TITLE_MAX = 200
DESCRIPTION_MAX = 10_000


class District(CampusScoped):
    """A district of the campus's city a problem can be placed in (Seoul's 25 gu in the demo)."""

    name_ko = models.CharField(_("name (Korean)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name_ko="", name_en=""), name="district_has_a_name")
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")


class AgendaPolicy(CampusScoped):
    """A campus's rules for proposals; campuses without a row get the defaults."""

    allow_self_endorsement = models.BooleanField(_("proposers may endorse their own problem"), default=False)

    class Meta:
        verbose_name = _("agenda policy")
        verbose_name_plural = _("agenda policies")
        constraints = [models.UniqueConstraint(fields=["campus"], name="one_agenda_policy_per_campus")]


class Agenda(CampusScoped):
    """A social problem brought by a citizen, an organisation or the campus team."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        UNDER_REVIEW = "under_review", _("under review")
        ADOPTED = "adopted", _("adopted")
        IN_EXPERIMENT = "in_experiment", _("in experiment")
        RESOLVED = "resolved", _("resolved")
        ARCHIVED = "archived", _("archived")

    class Origin(models.TextChoices):
        CITIZEN = "citizen", _("a citizen")
        ORGANISATION = "organisation", _("an organisation")
        STAFF = "staff", _("the campus team")

    title_ko = models.CharField(_("title (Korean)"), max_length=TITLE_MAX, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=TITLE_MAX, blank=True)
    description_ko = models.TextField(_("description (Korean)"), max_length=DESCRIPTION_MAX, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=DESCRIPTION_MAX, blank=True)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendas",
        verbose_name=_("theme"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendas",
        verbose_name=_("district"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    affected = models.TextField(_("who is affected"), max_length=2000, blank=True)
    origin = models.CharField(_("brought by"), max_length=12, choices=Origin, default=Origin.CITIZEN)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_agendas",
        verbose_name=_("proposed by"),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendas",
        verbose_name=_("on behalf of"),
    )
    sdg_goals = models.ManyToManyField(
        SdgGoal, blank=True, related_name="agendas", verbose_name=_("SDG goals")
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="agendas", verbose_name=_("SDG targets")
    )
    state = models.CharField(_("state"), max_length=16, choices=State, default=State.PROPOSED)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_agendas",
        verbose_name=_("merged into"),
    )
    term_count = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(_("proposed at"), default=timezone.now)
    updated = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("social problem")
        verbose_name_plural = _("social problems")
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title_ko="", title_en=""), name="agenda_has_a_title"),
            models.CheckConstraint(condition=~Q(merged_into=F("pk")), name="agenda_not_merged_into_itself"),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(state="archived"), name="merged_agenda_is_archived"
            ),
        ]
        indexes = [models.Index(fields=["campus", "state"], name="agenda_campus_state")]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return localised(self, "title")

    @property
    def description(self):
        return localised(self, "description")


class AgendaTerm(CampusScoped):
    """One entry of the similarity index: how often a normalised term occurs in an agenda."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=60)
    count = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agenda", "term"], name="agenda_term_once")]
        indexes = [models.Index(fields=["campus", "term"], name="agenda_term_lookup")]


class StateChange(CampusScoped):
    """A dated, public step in an agenda's history, with the explanation shown to everyone."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(_("from"), max_length=16, choices=Agenda.State, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=Agenda.State)
    explanation = models.TextField(_("explanation"), max_length=4000)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["changed_at", "pk"]


class Evidence(CampusScoped):
    """A link or a file that shows the problem is real."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="agendas/evidence/%Y/", blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(url="") & ~Q(file="")) | (~Q(url="") & Q(file="")),
                name="evidence_is_a_link_or_a_file",
            )
        ]
