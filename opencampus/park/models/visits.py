import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped


def new_token():
    return secrets.token_urlsafe(24)


class TourSlot(CampusScoped):
    """A guided tour at a set time; ``capacity`` is how many visitors its guides can take."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("visitors the guides can take"), default=40)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="ko")
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guided_tours",
        verbose_name=_("guide"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("tour slot")
        verbose_name_plural = _("tour slots")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="tour_slot_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"


class VisitRequest(CampusScoped):
    """An institution asking to bring a group for a tour of the park."""

    class InstitutionKind(models.TextChoices):
        CENTRAL_GOVERNMENT = "central_government", _("central government")
        LOCAL_GOVERNMENT = "local_government", _("local government")
        DOMESTIC_BODY = "domestic_body", _("domestic body")
        OVERSEAS_BODY = "overseas_body", _("overseas body")
        SCHOOL = "school", _("school")
        CITIZENS_GROUP = "citizens_group", _("citizens' group")

    class State(models.TextChoices):
        REQUESTED = "requested", _("requested")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")
        VISITED = "visited", _("visited")
        NO_SHOW = "no_show", _("did not come")

    institution = models.CharField(_("institution"), max_length=200)
    institution_kind = models.CharField(_("kind of institution"), max_length=20, choices=InstitutionKind)
    country = models.CharField(_("country"), max_length=2, default="KR")
    contact_name = models.CharField(_("contact person"), max_length=100)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    group_size = models.PositiveIntegerField(_("group size"))
    language = models.CharField(_("tour language"), max_length=8, choices=settings.LANGUAGES, default="ko")
    preferred_dates = models.JSONField(_("preferred dates"), default=list, blank=True)
    topics = models.TextField(_("topics of interest"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_requests",
        verbose_name=_("requested by"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.REQUESTED)
    slot = models.ForeignKey(
        TourSlot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("tour"),
    )
    staff_note = models.TextField(_("note to the institution"), blank=True)
    headcount = models.PositiveIntegerField(_("visitors who came"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder drafted at"), null=True, blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")
        ordering = ["-created", "pk"]
        indexes = [models.Index(fields=["campus", "state"], name="visit_campus_state")]
        constraints = [
            models.CheckConstraint(condition=Q(group_size__gte=1), name="visit_group_not_empty"),
            models.CheckConstraint(
                condition=~Q(state__in=["confirmed", "visited", "no_show"]) | Q(slot__isnull=False),
                name="visit_confirmed_has_a_slot",
            ),
        ]

    def __str__(self):
        return self.institution


class VisitSurvey(CampusScoped):
    """The short survey a visiting group answers after the tour."""

    visit = models.OneToOneField(
        VisitRequest, on_delete=models.CASCADE, related_name="survey", verbose_name=_("visit")
    )
    rating = models.PositiveSmallIntegerField(_("overall, how useful was the visit? (1-5)"))
    most_useful = models.TextField(_("what was most useful"), blank=True)
    suggestions = models.TextField(_("what we could do better"), blank=True)
    would_recommend = models.BooleanField(_("would recommend a visit"), default=True)
    submitted = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit survey")
        verbose_name_plural = _("visit surveys")
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="survey_rating_1_to_5"),
        ]

    def __str__(self):
        return str(self.visit)
