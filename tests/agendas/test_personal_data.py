"""Social problems in a person's data download and in the deletion of their account."""

import pytest
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda, Comment, CommentReport, Endorsement, Evidence, Follow
from opencampus.people.services.personal_data import delete_account, export_personal_data

from .helpers import fresh, rows


@pytest.fixture
def person(campus, make_person):
    return make_person(campus)


@pytest.fixture
def traces(campus, person, make_agenda, make_person):
    """What ``person`` left: a proposal with evidence, an endorsement, a follow, a comment, a report."""
    own = make_agenda(proposed_by=person, title_en="My problem")
    other = make_agenda(title_en="Their problem")
    with scopes_disabled():
        evidence = Evidence.objects.create(
            campus=campus, agenda=own, title="Photo", url="https://example.org", added_by=person
        )
        Endorsement.objects.create(campus=campus, agenda=other, user=person)
        Follow.objects.create(campus=campus, agenda=own, user=person)
        comment = Comment.objects.create(campus=campus, agenda=other, author=person, body="Me too")
        theirs = Comment.objects.create(campus=campus, agenda=other, author=make_person(campus), body="Spam")
        CommentReport.objects.create(
            campus=campus, comment=theirs, reporter=person, reason="spam", detail="ads"
        )
    return {"own": own, "other": other, "comment": comment, "evidence": evidence}


def test_export_lists_proposals_endorsements_follows_comments_and_reports(person, traces):
    data = export_personal_data(user=person)

    assert [item["title_en"] for item in data["social_problems_proposed"]] == ["My problem"]
    assert [item["problem"]["title_en"] for item in data["social_problem_endorsements"]] == ["Their problem"]
    assert [item["problem"]["title_en"] for item in data["social_problems_followed"]] == ["My problem"]
    assert [item["comment"] for item in data["social_problem_comments"]] == ["Me too"]
    assert [(item["reason"], item["detail"]) for item in data["comment_reports"]] == [("spam", "ads")]


def test_delete_account_drops_support_and_reports_and_keeps_words_without_the_person(campus, person, traces):
    with scopes_disabled():
        delete_account(user=person, campus=campus)

    assert (
        rows(Endorsement, user=person)
        == rows(Follow, user=person)
        == rows(CommentReport, reporter=person)
        == []
    )
    assert fresh(traces["own"]).proposed_by is None
    assert fresh(traces["comment"]).author is None
    assert fresh(traces["comment"]).body == "Me too"
    assert fresh(traces["evidence"]).added_by is None
    assert rows(Agenda, pk=traces["own"].pk)
