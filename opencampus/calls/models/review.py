from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

from .application import Application
from .call import Call


class ReviewPhase(CampusScoped):
    """A review round as data: its dates and what reviewers may see and do in it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="review_phases")
    name_ko = models.CharField(_("name (Korean)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    is_blind = models.BooleanField(
        _("blind"),
        default=True,
        help_text=_("Reviewers see no names, organisations, e-mail or file metadata."),
    )
    can_see_other_reviews = models.BooleanField(
        _("reviewers see the other reviews after submitting their own"), default=False
    )
    can_change_decisions = models.BooleanField(_("staff may change decisions"), default=False)
    reviews_per_application = models.PositiveSmallIntegerField(
        _("reviews per application"), default=3, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("review phase")
        verbose_name_plural = _("review phases")
        ordering = ["call", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="review_phase_ends_after_start"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")


class Criterion(CampusScoped):
    """A weighted rubric criterion with its own scale and guidance."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveIntegerField(_("position"), default=0)
    name_ko = models.CharField(_("name (Korean)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    guidance_ko = models.TextField(_("guidance (Korean)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    scale_min = models.SmallIntegerField(_("lowest score"), default=1)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=F("scale_min")), name="criterion_scale_is_a_range"
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localised(self, "name")

    @property
    def guidance(self):
        return localised(self, "guidance")


class ReviewerPair(CampusScoped):
    """Base for records about one application and one reviewer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class Conflict(ReviewerPair):
    class Source(models.TextChoices):
        DECLARED = "declared", _("declared by the reviewer")
        ORGANISATION = "organisation", _("shared organisation")
        STAFF = "staff", _("recorded by staff")

    source = models.CharField(_("source"), max_length=20, choices=Source)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="one_conflict_per_pair")
        ]


class Bid(ReviewerPair):
    """How much a reviewer wants to review an application (adds to the affinity)."""

    class Level(models.IntegerChoices):
        NOT_WILLING = -1, _("rather not")
        WILLING = 1, _("willing")
        EAGER = 2, _("eager")

    level = models.SmallIntegerField(_("preference"), choices=Level)

    class Meta:
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_bid_per_pair")]


class AssignmentOverride(ReviewerPair):
    """An operator's pin (must review) or ban (must not review) that every solver run respects."""

    class Kind(models.TextChoices):
        PIN = "pin", _("must review")
        FORBID = "forbid", _("must not review")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)

    class Meta:
        verbose_name = _("assignment override")
        verbose_name_plural = _("assignment overrides")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="one_override_per_pair")
        ]


class Review(ReviewerPair):
    """An assigned review: created by the assignment, filled in and submitted by the reviewer."""

    comment = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="one_review_per_pair")
        ]

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class Score(CampusScoped):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.SmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]


class AssignmentRun(CampusScoped):
    """One run of the reviewer-assignment solver, kept for the record."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="assignment_runs")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=20)
    objective = models.FloatField(_("objective"), null=True)
    bound = models.FloatField(_("bound"), null=True)
    gap = models.FloatField(_("gap"), null=True)
    message = models.TextField(_("message"), blank=True)
    parameters = models.JSONField(_("parameters"), default=dict)
    seconds = models.FloatField(_("seconds"), default=0)

    class Meta:
        verbose_name = _("assignment run")
        verbose_name_plural = _("assignment runs")
        ordering = ["-created", "-pk"]
