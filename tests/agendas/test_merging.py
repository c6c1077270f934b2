"""Merging a duplicate into the problem that stays: people, comments, evidence, tags and history."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.agendas.models import Agenda, AgendaTerm, Comment, Endorsement, Evidence, Follow, StateChange
from opencampus.agendas.services.errors import AgendaError
from opencampus.agendas.services.merging import merge_agendas
from tests.factories import UserFactory

from .helpers import actions, fresh, mails, manage_url, public_url, rows


@pytest.fixture
def pair(make_agenda):
    source = make_agenda(title_en="Bins overflow in the alley", description_en="Compost everywhere")
    target = make_agenda(title_en="Rubbish piles up", indexed=True)
    return source, target


def merge(source, target, actor, explanation="Same alley, same bins."):
    with scope(campus=source.campus):
        return merge_agendas(source=source, target=target, actor=actor, explanation=explanation)


def test_merge_moves_people_comments_evidence_and_tags(campus, pair, operator, goal_11, target_11_6):
    source, target = pair
    both, only_source = UserFactory(), UserFactory()
    with scopes_disabled():
        for person in (both, only_source):
            Endorsement.objects.create(campus=campus, agenda=source, user=person)
            Follow.objects.create(campus=campus, agenda=source, user=person)
        Endorsement.objects.create(campus=campus, agenda=target, user=both)
        Follow.objects.create(campus=campus, agenda=target, user=both)
        comment = Comment.objects.create(campus=campus, agenda=source, body="Me too")
        evidence = Evidence.objects.create(
            campus=campus, agenda=source, title="Photo", url="https://example.org/p"
        )
        source.sdg_targets.add(target_11_6)
        source.sdg_goals.add(goal_11)

    merge(source, target, operator)

    assert sorted(e.user.pk for e in rows(Endorsement, agenda=target)) == sorted([both.pk, only_source.pk])
    assert sorted(f.user.pk for f in rows(Follow, agenda=target)) == sorted([both.pk, only_source.pk])
    assert fresh(comment).agenda == target
    assert fresh(evidence).agenda == target
    with scopes_disabled():
        assert list(target.sdg_targets.all()) == [target_11_6]
        assert list(target.sdg_goals.all()) == [goal_11]


def test_merge_archives_the_source_and_writes_both_histories(campus, pair, operator):
    source, target = pair
    with scopes_disabled():
        StateChange.objects.create(
            campus=campus,
            agenda=source,
            from_state="proposed",
            to_state="under_review",
            explanation="Reviewed",
        )
        Agenda.objects.filter(pk=source.pk).update(state="under_review")

    merge(source, target, operator)

    source = fresh(source)
    assert (source.state, source.merged_into) == ("archived", target)
    first, merged = rows(StateChange, agenda=source)
    assert first.explanation == "Reviewed"
    assert (merged.from_state, merged.to_state) == ("under_review", "archived")
    assert public_url(campus, "detail", pk=target.pk) in merged.explanation
    assert "Same alley, same bins." in merged.explanation
    [note] = rows(StateChange, agenda=target)
    assert note.from_state == note.to_state == "proposed"
    assert "“Bins overflow in the alley” was merged into this problem." in note.explanation
    assert actions(campus, "agenda.") == ["agenda.merged", "agenda.merged_into"]


def test_merge_reindexes_the_target_with_what_it_gained(campus, pair, operator):
    source, target = pair

    merge(source, target, operator)

    assert {term.term for term in rows(AgendaTerm, agenda=target)} >= {"rubbish"}
    assert fresh(target).term_count > 0


def test_merge_tells_the_duplicate_s_followers_where_it_went(campus, pair, operator, make_person):
    source, target = pair
    follower = make_person(campus)
    with scopes_disabled():
        Follow.objects.create(campus=campus, agenda=source, user=follower)

    merge(source, target, operator)

    [mail] = mails(campus, reason="agenda.state_changed")
    assert mail.to == follower.email
    assert public_url(campus, "detail", pk=target.pk) in mail.body


def test_merge_refuses_what_cannot_be_merged(campus, other_campus, make_agenda, operator):
    kept = make_agenda()
    merged = make_agenda(state="archived", merged_into=kept)
    archived = make_agenda(state="archived")
    foreign = make_agenda(on=other_campus)
    source = make_agenda()

    for bad_source, bad_target in [
        (source, source),
        (merged, make_agenda()),
        (source, merged),
        (source, archived),
    ]:
        with pytest.raises(AgendaError):
            merge(bad_source, bad_target, operator)
    with pytest.raises(AgendaError), scopes_disabled():
        merge_agendas(source=source, target=foreign, actor=operator, explanation="x")
    with pytest.raises(AgendaError):
        merge(source, kept, operator, explanation="  ")

    assert fresh(source).merged_into is None


def test_merge_page_merges_and_shows_the_kept_problem(client, campus, pair, staff_member):
    source, target = pair
    client.force_login(staff_member)

    response = client.post(
        manage_url(campus, "merge", pk=source.pk),
        {"target": target.pk, "explanation": "Duplicate"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == public_url(campus, "detail", pk=target.pk)
    assert "is merged into this problem" in response.content.decode()
    assert fresh(source).merged_into == target


def test_merge_page_with_a_number_of_another_campus_keeps_the_text(
    client, campus, other_campus, agenda, make_agenda, staff_member
):
    foreign = make_agenda(on=other_campus)
    client.force_login(staff_member)

    response = client.post(
        manage_url(campus, "merge", pk=agenda.pk), {"target": foreign.pk, "explanation": "Same"}
    )

    assert response.status_code == 400
    assert "This campus has no problem with that number." in response.content.decode()
    assert response.context["merge_form"]["explanation"].value() == "Same"
    assert fresh(agenda).merged_into is None
