from datetime import timedelta

from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.models import OutboxMessage
from opencampus.programs.models import Session
from tests.curriculum_helpers import held_session, join, mark

# The host the test client talks to, so links in credentials resolve in tests.
BASE_URL = "http://testserver"


def graduates(cohort, people):
    """``people`` join ``cohort`` and complete it: they attend every session held in it and present
    (a lecture and a results presentation are held first if the cohort has no session yet)."""
    with scopes_disabled():
        sessions = list(Session.objects.filter(cohort=cohort))
    if not sessions:
        sessions = [
            held_session(cohort, title="Lecture", starts_at=timezone.now() - timedelta(days=14)),
            held_session(cohort, kind=Session.Kind.PRESENTATION, title="Results"),
        ]
    participants = [join(cohort, person) for person in people]
    for participant in participants:
        for session in sessions:
            mark(session, participant, presented=session.kind == Session.Kind.PRESENTATION)
    return participants


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def mails(campus, **filters):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(campus=campus, **filters).order_by("pk"))


def tamper(token, part=1):
    """``token`` with one character of one part changed (1: the payload)."""
    parts = token.split(".")
    middle = len(parts[part]) // 2
    replacement = "A" if parts[part][middle] != "A" else "B"
    parts[part] = parts[part][:middle] + replacement + parts[part][middle + 1 :]
    return ".".join(parts)
