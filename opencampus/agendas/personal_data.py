"""Social problems in a person's data download and in an account's deletion."""

from .models import Agenda, Comment, CommentReport, Endorsement, Evidence, Follow


def _iso(value):
    return value.isoformat() if value is not None else None


def _agenda(agenda):
    return {
        "campus": agenda.campus.slug,
        "id": agenda.pk,
        "title_ko": agenda.title_ko,
        "title_en": agenda.title_en,
    }


def collect(sender, *, user, **kwargs):
    return {
        "social_problems_proposed": [
            {
                **_agenda(agenda),
                "description_ko": agenda.description_ko,
                "description_en": agenda.description_en,
                "place": agenda.place,
                "affected": agenda.affected,
                "origin": agenda.origin,
                "state": agenda.state,
                "proposed_at": _iso(agenda.created),
            }
            for agenda in Agenda.objects.filter(proposed_by=user).select_related("campus").order_by("pk")
        ],
        "social_problem_endorsements": [
            {"problem": _agenda(item.agenda), "at": _iso(item.created)}
            for item in Endorsement.objects.filter(user=user).select_related("agenda__campus").order_by("pk")
        ],
        "social_problems_followed": [
            {"problem": _agenda(item.agenda), "since": _iso(item.created)}
            for item in Follow.objects.filter(user=user).select_related("agenda__campus").order_by("pk")
        ],
        "social_problem_comments": [
            {
                "problem": _agenda(comment.agenda),
                "comment": comment.body,
                "at": _iso(comment.created),
                "hidden_at": _iso(comment.hidden_at),
                "hidden_reason": comment.hidden_reason,
            }
            for comment in Comment.objects.filter(author=user).select_related("agenda__campus").order_by("pk")
        ],
        "comment_reports": [
            {
                "problem": _agenda(report.comment.agenda),
                "reason": report.reason,
                "detail": report.detail,
                "at": _iso(report.created),
                "resolved_at": _iso(report.resolved_at),
            }
            for report in CommentReport.objects.filter(reporter=user)
            .select_related("comment__agenda__campus")
            .order_by("pk")
        ],
    }


def erase(sender, *, user, email, **kwargs):
    """Drop the person's endorsements, follows and reports; keep what they wrote, without them.

    Proposals, comments and evidence stay on the public record (others endorsed and answered
    them) but no longer point to the account, as when a person row is deleted (``SET_NULL``).
    """
    Endorsement.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    CommentReport.objects.filter(reporter=user).delete()
    Agenda.objects.filter(proposed_by=user).update(proposed_by=None)
    Comment.objects.filter(author=user).update(author=None)
    Evidence.objects.filter(added_by=user).update(added_by=None)
