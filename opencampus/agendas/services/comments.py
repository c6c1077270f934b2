"""Comments on a problem and their moderation: reports by anyone, hiding by the campus team."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Comment, CommentReport
from ..models.participation import COMMENT_MAX
from .errors import AgendaError
from .states import actor_or_none
from .support import ensure_open_for_participation

HIDDEN_REASON_MAX = Comment._meta.get_field("hidden_reason").max_length
REPORT_DETAIL_MAX = CommentReport._meta.get_field("detail").max_length


def check_length(text, limit):
    if len(text) > limit:
        raise AgendaError(
            _("The text is %(length)s characters long; at most %(limit)s fit.")
            % {"length": len(text), "limit": limit}
        )


def add_comment(*, agenda, author, body):
    ensure_open_for_participation(agenda)
    body = (body or "").strip()
    if not body:
        raise AgendaError(_("Write your comment before sending it."))
    check_length(body, COMMENT_MAX)
    comment = Comment.objects.create(campus=agenda.campus, agenda=agenda, author=author, body=body)
    log_activity(
        campus=agenda.campus,
        actor=author,
        action="agenda.commented",
        subject=agenda,
        data={"comment": comment.pk},
    )
    return comment


def report_comment(*, comment, reporter, reason, detail=""):
    """Report ``comment`` to the moderators; once per person, never one's own comment."""
    if comment.author_id == reporter.pk:
        raise AgendaError(_("You cannot report your own comment."))
    if comment.is_hidden:
        raise AgendaError(_("The moderators already hid this comment."))
    if reason not in CommentReport.Reason.values:
        raise AgendaError(_("Choose why you report this comment."))
    detail = (detail or "").strip()
    check_length(detail, REPORT_DETAIL_MAX)
    try:
        with transaction.atomic():
            report = CommentReport.objects.create(
                campus=comment.campus, comment=comment, reporter=reporter, reason=reason, detail=detail
            )
    except IntegrityError:
        raise AgendaError(_("You already reported this comment; the moderators will look at it.")) from None
    log_activity(
        campus=comment.campus,
        actor=reporter,
        action="agenda.comment_reported",
        subject=comment.agenda,
        data={"comment": comment.pk, "reason": reason},
    )
    return report


def open_reports(comment):
    return CommentReport.objects.filter(comment=comment, resolved_at__isnull=True)


@transaction.atomic
def hide_comment(*, comment, actor, reason):
    """Hide ``comment`` behind the reason everyone sees; its open reports are resolved with it."""
    reason = (reason or "").strip()
    if not reason:
        raise AgendaError(_("Give the reason for hiding: it is shown in place of the comment."))
    check_length(reason, HIDDEN_REASON_MAX)
    if comment.is_hidden:
        raise AgendaError(_("This comment is already hidden."))
    now = timezone.now()
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = now, actor_or_none(actor), reason
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    resolved = open_reports(comment).update(resolved_at=now, resolved_by=actor_or_none(actor))
    log_activity(
        campus=comment.campus,
        actor=actor,
        action="agenda.comment_hidden",
        subject=comment.agenda,
        data={"comment": comment.pk, "reason": reason, "reports_resolved": resolved},
    )
    return comment


def unhide_comment(*, comment, actor):
    if not comment.is_hidden:
        raise AgendaError(_("This comment is not hidden."))
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = None, None, ""
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    log_activity(
        campus=comment.campus,
        actor=actor,
        action="agenda.comment_unhidden",
        subject=comment.agenda,
        data={"comment": comment.pk},
    )
    return comment


def resolve_reports(*, comment, actor):
    """Close the open reports on ``comment`` and leave it visible; returns how many were open."""
    resolved = open_reports(comment).update(resolved_at=timezone.now(), resolved_by=actor_or_none(actor))
    if not resolved:
        raise AgendaError(_("This comment has no open reports."))
    log_activity(
        campus=comment.campus,
        actor=actor,
        action="agenda.reports_resolved",
        subject=comment.agenda,
        data={"comment": comment.pk, "reports_resolved": resolved},
    )
    return resolved
