from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.people.models import Organisation

from .call import Call
from .form import FormVersion, Question


class Application(CampusScoped):
    """One person's application to a call (alone or on behalf of their organisation).

    Its state changes only through ``calls.services.states.set_application_state``.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", _("withdrawn")
        INELIGIBLE = "ineligible", _("not eligible")
        ELIGIBLE = "eligible", _("eligible")
        ACCEPTED = "accepted", _("accepted")
        WAITLISTED = "waitlisted", _("on the waiting list")
        REJECTED = "rejected", _("not selected")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    form = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("on behalf of"),
    )
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    pending_state = models.CharField(
        _("staged decision"),
        max_length=20,
        choices=State,
        blank=True,
        help_text=_("A decision prepared by staff that takes effect when the round's decisions go out."),
    )
    waitlist_rank = models.PositiveIntegerField(
        _("place on the waiting list"),
        null=True,
        blank=True,
        help_text=_("1 is offered the next free place."),
    )
    eligibility = models.JSONField(_("eligibility check"), default=list, blank=True)
    screening_reason = models.TextField(_("screening reason"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    confirm_by = models.DateTimeField(_("confirm by"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "submitted_at", "pk"]
        constraints = [
            # One application per person and call: a double click or a second tab finds it.
            models.UniqueConstraint(fields=["call", "applicant"], name="one_application_per_person_and_call"),
        ]

    def __str__(self):
        return f"{self.call} · {self.applicant}"


def answer_upload_to(answer, filename):
    return f"calls/{answer.campus_id}/{answer.application.call_id}/{answer.application_id}/{filename}"


class Answer(CampusScoped):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(_("answer"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=answer_upload_to, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_answer_per_question"),
        ]

    def __str__(self):
        return f"{self.question.key}: {self.value}"
