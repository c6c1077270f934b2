from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped

from .agenda import Agenda

COMMENT_MAX = 4000


class Endorsement(CampusScoped):
    """One person's support for a problem; one per person."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="endorsements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="endorsements")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [models.UniqueConstraint(fields=["agenda", "user"], name="one_endorsement_per_person")]


class Follow(CampusScoped):
    """A person who gets an e-mail when the problem moves on."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_follows"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [models.UniqueConstraint(fields=["agenda", "user"], name="one_follow_per_person")]


class Comment(CampusScoped):
    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_comments",
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX)
    created = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created", "pk"]

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class CommentReport(CampusScoped):
    """Someone's report that a comment breaks the rules; the campus team resolves it."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("spam or advertising")
        OFFENSIVE = "offensive", _("offensive or hateful")
        PERSONAL_DATA = "personal_data", _("exposes personal data")
        OTHER = "other", _("something else")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason)
    detail = models.TextField(_("details"), max_length=1000, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created", "pk"]
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_person")]
