"""The raw-data administration lists and opens every social-problem record."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from opencampus.agendas.models import Comment, CommentReport, Endorsement, Evidence, Follow, StateChange
from tests.factories import UserFactory

MODELS = [
    "theme",
    "district",
    "agendapolicy",
    "agenda",
    "endorsement",
    "follow",
    "comment",
    "commentreport",
    "sdggoal",
    "sdgtarget",
]


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_admin_lists_and_opens_the_records(client, campus, agenda, theme, district, target_11_6, superuser):
    with scopes_disabled():
        Evidence.objects.create(campus=campus, agenda=agenda, title="Photo", url="https://example.org")
        StateChange.objects.create(campus=campus, agenda=agenda, to_state="under_review", explanation="x")
        Endorsement.objects.create(campus=campus, agenda=agenda, user=superuser)
        Follow.objects.create(campus=campus, agenda=agenda, user=superuser)
        comment = Comment.objects.create(campus=campus, agenda=agenda, body="Hi")
        CommentReport.objects.create(campus=campus, comment=comment, reporter=superuser, reason="spam")
    client.force_login(superuser)

    for model in MODELS:
        assert client.get(reverse(f"admin:agendas_{model}_changelist")).status_code == 200, model
    assert client.get(reverse("admin:agendas_agenda_change", args=[agenda.pk])).status_code == 200
    assert client.get(reverse("admin:agendas_sdgtarget_change", args=[target_11_6.pk])).status_code == 200
