"""Endorsing, following, commenting and reporting comments on a problem's page."""

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.agendas.models import AgendaPolicy, Comment, CommentReport, Endorsement, Follow
from opencampus.agendas.models.participation import COMMENT_MAX
from opencampus.core.links import campus_reverse

from .helpers import actions, public_url, rows


@pytest.fixture
def citizen(campus, make_person):
    return make_person(campus)


@pytest.fixture
def comment(agenda, make_person, campus):
    with scopes_disabled():
        return Comment.objects.create(
            campus=campus, agenda=agenda, author=make_person(campus), body="Bins are full"
        )


def post(client, campus, name, agenda_or_comment, data=None):
    return client.post(public_url(campus, name, pk=agenda_or_comment.pk), data or {}, follow=True)


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("name", ["endorse", "unendorse", "follow", "unfollow", "comment"])
def test_actions_anonymous_are_sent_to_log_in_and_back_to_the_page(client, campus, agenda, name):
    response = client.post(public_url(campus, name, pk=agenda.pk), {"body": "hello"})

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))
    assert response.url.endswith(f"?next={public_url(campus, 'detail', pk=agenda.pk)}")
    assert rows(Endorsement) == rows(Comment) == []


def test_actions_on_another_campus_problem_are_not_found(
    client, campus, other_campus, make_agenda, other_operator
):
    foreign = make_agenda(on=other_campus)
    client.force_login(other_operator)

    for name in ("endorse", "follow", "comment"):
        assert client.post(public_url(campus, name, pk=foreign.pk), {"body": "x"}).status_code == 404
    assert rows(Endorsement) == rows(Comment) == []


def test_endorse_once_then_twice_is_refused(client, campus, agenda, citizen):
    client.force_login(citizen)

    first = post(client, campus, "endorse", agenda)
    second = post(client, campus, "endorse", agenda)

    assert shown_messages(first) == ["Thank you: you endorse this problem."]
    assert shown_messages(second) == ["You already endorse this problem."]
    assert [endorsement.user for endorsement in rows(Endorsement, agenda=agenda)] == [citizen]
    assert "1 endorsement" in second.content.decode()
    assert actions(campus, "agenda.") == ["agenda.endorsed"]


def test_unendorse_removes_it(client, campus, agenda, citizen):
    client.force_login(citizen)
    post(client, campus, "endorse", agenda)

    response = post(client, campus, "unendorse", agenda)
    again = post(client, campus, "unendorse", agenda)

    assert shown_messages(response) == ["You no longer endorse this problem."]
    assert shown_messages(again) == ["You do not endorse this problem."]
    assert rows(Endorsement, agenda=agenda) == []


def test_endorse_own_problem_is_refused_by_default(client, campus, make_agenda, citizen):
    own = make_agenda(proposed_by=citizen)
    client.force_login(citizen)

    response = post(client, campus, "endorse", own)

    assert shown_messages(response) == [
        "You proposed this problem; on this campus proposers do not endorse their own."
    ]
    assert rows(Endorsement, agenda=own) == []


def test_endorse_own_problem_is_allowed_when_the_campus_says_so(client, campus, make_agenda, citizen):
    own = make_agenda(proposed_by=citizen)
    with scopes_disabled():
        AgendaPolicy.objects.create(campus=campus, allow_self_endorsement=True)
    client.force_login(citizen)

    post(client, campus, "endorse", own)

    assert [endorsement.user for endorsement in rows(Endorsement, agenda=own)] == [citizen]


@pytest.mark.parametrize("name", ["endorse", "comment"])
def test_endorse_and_comment_on_an_archived_problem_are_refused(client, campus, make_agenda, citizen, name):
    archived = make_agenda(state="archived")
    client.force_login(citizen)

    response = client.post(public_url(campus, name, pk=archived.pk), {"body": "Still here"}, follow=True)

    assert "This problem is archived: it takes no more endorsements or comments." in response.content.decode()
    assert rows(Endorsement) == rows(Comment) == []


def test_follow_and_unfollow(client, campus, agenda, citizen):
    client.force_login(citizen)

    followed = post(client, campus, "follow", agenda)
    again = post(client, campus, "follow", agenda)
    assert [follow.user for follow in rows(Follow, agenda=agenda)] == [citizen]
    unfollowed = post(client, campus, "unfollow", agenda)

    assert shown_messages(followed) == ["You follow this problem: we will write to you when it moves on."]
    assert shown_messages(again) == ["You already follow this problem."]
    assert shown_messages(unfollowed) == ["You no longer follow this problem."]
    assert rows(Follow, agenda=agenda) == []


def test_comment_is_published_escaped_with_line_breaks(client, campus, agenda, citizen):
    client.force_login(citizen)

    response = post(client, campus, "comment", agenda, {"body": "  <script>alert(1)</script>\nSecond line  "})

    [comment] = rows(Comment, agenda=agenda)
    assert (comment.author, comment.body) == (citizen, "<script>alert(1)</script>\nSecond line")
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in content
    assert actions(campus, "agenda.") == ["agenda.commented"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("   ", "Write your comment before sending it."),
        ("x" * (COMMENT_MAX + 1), f"Ensure this value has at most {COMMENT_MAX} characters"),
    ],
)
def test_comment_empty_or_too_long_is_refused_and_kept(client, campus, agenda, citizen, body, message):
    client.force_login(citizen)

    response = client.post(public_url(campus, "comment", pk=agenda.pk), {"body": body})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["comment_form"]["body"].value() == body
    assert rows(Comment) == []


def test_report_a_comment_once(client, campus, comment, citizen):
    client.force_login(citizen)

    first = post(client, campus, "report", comment, {"reason": "offensive", "detail": "Insults"})
    second = post(client, campus, "report", comment, {"reason": "spam"})

    assert shown_messages(first) == ["Thank you: the moderators will look at this comment."]
    assert shown_messages(second) == ["You already reported this comment; the moderators will look at it."]
    assert "You reported this comment." in second.content.decode()
    [report] = rows(CommentReport, comment=comment)
    assert (report.reporter, report.reason, report.detail) == (citizen, "offensive", "Insults")
    assert actions(campus, "agenda.") == ["agenda.comment_reported"]


def test_report_own_comment_is_refused(client, campus, comment):
    client.force_login(comment.author)

    response = post(client, campus, "report", comment, {"reason": "spam"})

    assert shown_messages(response) == ["You cannot report your own comment."]
    assert rows(CommentReport) == []


def test_report_with_a_bad_reason_keeps_the_detail(client, campus, comment, citizen):
    client.force_login(citizen)

    response = client.post(
        public_url(campus, "report", pk=comment.pk), {"reason": "boring", "detail": "Too long"}
    )

    assert response.status_code == 400
    assert "Too long</textarea>" in response.content.decode()
    assert rows(CommentReport) == []


def test_report_a_hidden_comment_is_refused(client, campus, comment, citizen):
    with scopes_disabled():
        Comment.objects.filter(pk=comment.pk).update(hidden_at=timezone.now(), hidden_reason="spam")
    client.force_login(citizen)

    response = post(client, campus, "report", comment, {"reason": "spam"})

    assert shown_messages(response) == ["The moderators already hid this comment."]
    assert rows(CommentReport) == []


def test_report_a_comment_of_another_campus_is_not_found(client, campus, other_campus, make_agenda, citizen):
    with scopes_disabled():
        foreign = Comment.objects.create(campus=other_campus, agenda=make_agenda(on=other_campus), body="x")
    client.force_login(citizen)

    assert client.post(public_url(campus, "report", pk=foreign.pk), {"reason": "spam"}).status_code == 404
