"""A session's times as pages, messages and mails show them: in the campus's time zone."""

from datetime import timedelta

from django.utils import formats, timezone


def ends_at(session):
    return session.starts_at + timedelta(minutes=session.duration_minutes)


def shown_time(moment, campus):
    return formats.date_format(timezone.localtime(moment, campus.tz), "Y-m-d H:i")


def shown_span(starts_at, ends, campus):
    """``2030-05-01 10:00-11:00`` (with an en dash), or both dates when the session runs past midnight."""
    start, end = shown_time(starts_at, campus), shown_time(ends, campus)
    if start[:10] == end[:10]:
        end = end[11:]
    return f"{start}\N{EN DASH}{end}"
