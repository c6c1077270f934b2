"""Absolute addresses for mails; views pass the host they were reached at, other callers a default."""

from opencampus.core.links import campus_reverse

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def agenda_link(agenda, base_url=DEFAULT_BASE_URL, name="agendas:detail"):
    return base_url.rstrip("/") + campus_reverse(agenda.campus, name, pk=agenda.pk)
