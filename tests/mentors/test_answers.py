"""Answers to a published match: accepting, asking for a change, and the team reassigning or keeping."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.mentors.models import Mentorship
from opencampus.mentors.services.answers import accept_match, ask_for_change, keep_match, reassign_mentee
from opencampus.mentors.services.errors import MentorsError
from opencampus.mentors.services.matching import compute_matching, publish_result
from tests import english
from tests.factories import MentorshipFactory, ParticipantFactory

from .matching_helpers import (
    actions,
    group_of,
    join,
    make_cohort,
    make_mentor,
    manage_url,
    outbox,
    public_url,
    start_round,
)

_english = english.english_pages
State = Mentorship.State


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, name_en="Spring cohort")


@pytest.fixture
def operator(campus, make_person):
    return make_person(campus, "operator", preferred_language="en")


@pytest.fixture
def match(campus, cohort, operator):
    """A published round: Ana is proposed to Kim; Lee, with room, stands by."""
    campus.contact_email = "team@campus.example"
    campus.save()
    ana = join(cohort, name_en="Ana")
    kim = make_mentor(campus, name_en="Kim", capacity=1)
    round = start_round(cohort, operator)
    with scope(campus=campus):
        run = compute_matching(round=round, actor=operator)
        publish_result(run=run, method="stable", actor=operator)
    lee = make_mentor(campus, name_en="Lee", capacity=1)
    with scopes_disabled():
        mentorship = Mentorship.objects.select_related("mentor__user", "mentee__participant__user").get()
    return {"round": round, "ana": ana, "kim": kim, "lee": lee, "mentorship": mentorship}


def fresh(mentorship):
    with scopes_disabled():
        return Mentorship.objects.select_related("mentor__user", "mentee__participant__user", "campus").get(
            pk=mentorship.pk
        )


def test_the_match_is_active_once_both_sides_accept(campus, match):
    mentorship = match["mentorship"]
    with scope(campus=campus):
        accept_match(mentorship=mentorship, actor=match["kim"].user)
        assert fresh(mentorship).state == State.PROPOSED
        accept_match(mentorship=fresh(mentorship), actor=match["ana"].user)
    mentorship = fresh(mentorship)
    assert mentorship.state == State.ACTIVE
    assert mentorship.mentor_accepted_at is not None
    assert mentorship.mentee_accepted_at is not None
    assert actions(campus)[-2:] == ["mentor.match_accepted", "mentor.match_accepted"]
    with scope(campus=campus), pytest.raises(MentorsError, match="already accepted"):
        accept_match(mentorship=mentorship, actor=match["kim"].user)


def test_any_active_group_member_answers_for_the_group(campus, cohort, operator):
    first, second = join(cohort), join(cohort)
    group_of(cohort, first, second)
    kim = make_mentor(campus)
    round = start_round(cohort, operator, kind="groups")
    with scope(campus=campus):
        publish_result(run=compute_matching(round=round, actor=operator), method="stable", actor=operator)
        mentorship = fresh(Mentorship.objects.get())
        accept_match(mentorship=mentorship, actor=second.user)
        accept_match(mentorship=fresh(mentorship), actor=kim.user)
    assert fresh(mentorship).state == State.ACTIVE


def test_people_outside_the_match_cannot_answer_it(campus, cohort, match):
    with scope(campus=campus), pytest.raises(MentorsError, match="Only the mentor and the mentee"):
        accept_match(mentorship=match["mentorship"], actor=join(cohort).user)
    assert fresh(match["mentorship"]).mentee_accepted_at is None


def test_asking_for_a_change_needs_a_reason_and_tells_the_campus_contact(campus, match):
    mentorship = match["mentorship"]
    sent_before = len(outbox(campus))
    with scope(campus=campus):
        with pytest.raises(MentorsError) as refusal:
            ask_for_change(mentorship=mentorship, actor=match["ana"].user, reason="  ")
        assert refusal.value.field == "reason"
        ask_for_change(mentorship=mentorship, actor=match["ana"].user, reason="We work in different fields.")
    mentorship = fresh(mentorship)
    assert (mentorship.state, mentorship.change_requested_by) == (State.CHANGE_REQUESTED, match["ana"].user)
    letter = outbox(campus)[-1]
    assert len(outbox(campus)) == sent_before + 1
    assert letter.to == "team@campus.example"
    assert "We work in different fields." in letter.body
    with scope(campus=campus), pytest.raises(MentorsError, match="the campus team decides first"):
        accept_match(mentorship=mentorship, actor=match["kim"].user)


def change_asked(campus, match, by="ana"):
    with scope(campus=campus):
        ask_for_change(mentorship=match["mentorship"], actor=match[by].user, reason="Other topics")
    return fresh(match["mentorship"])


def test_reassigning_ends_the_match_and_proposes_a_mentor_with_room(campus, operator, match):
    mentorship = change_asked(campus, match)
    with scope(campus=campus):
        proposed = reassign_mentee(mentorship=mentorship, mentor=match["lee"], actor=operator)
    old = fresh(mentorship)
    assert (old.state, old.ended_at is not None) == (State.ENDED, True)
    assert (proposed.mentor, proposed.mentee, proposed.state) == (match["lee"], old.mentee, State.PROPOSED)
    recipients = [letter.to for letter in outbox(campus)[-3:]]
    assert recipients == [match["kim"].user.email, match["lee"].user.email, match["ana"].user.email]
    assert actions(campus)[-1] == "mentor.mentee_reassigned"


def test_reassigning_to_a_mentor_without_room_is_refused(campus, cohort, operator, match):
    mentorship = change_asked(campus, match)
    with scopes_disabled():
        MentorshipFactory(mentor=match["lee"], mentee__round__cohort=make_cohort(campus))
    with scope(campus=campus), pytest.raises(MentorsError) as refusal:
        reassign_mentee(mentorship=mentorship, mentor=match["lee"], actor=operator)
    assert refusal.value.message == "Lee has no room: they already mentor 1 of 1."
    assert refusal.value.field == "mentor"
    assert fresh(mentorship).state == State.CHANGE_REQUESTED


@pytest.mark.parametrize(("accepted", "back_to"), [(False, State.PROPOSED), (True, State.ACTIVE)])
def test_keeping_a_match_returns_it_to_where_the_answers_left_it(campus, operator, match, accepted, back_to):
    if accepted:
        with scope(campus=campus):
            accept_match(mentorship=match["mentorship"], actor=match["kim"].user)
            accept_match(mentorship=fresh(match["mentorship"]), actor=match["ana"].user)
    mentorship = change_asked(campus, match, by="kim")
    with scope(campus=campus):
        keep_match(mentorship=mentorship, actor=operator)
    mentorship = fresh(mentorship)
    assert (mentorship.state, mentorship.change_requested_by, mentorship.change_reason) == (back_to, None, "")
    assert outbox(campus)[-1].to == match["kim"].user.email
    assert actions(campus)[-1] == "mentor.match_kept"


# Pages


def test_my_mentoring_lists_matches_on_both_sides_and_rankings_to_give(
    client, campus, cohort, operator, match
):
    kim = match["kim"]
    newcomers = make_cohort(campus, name_en="Autumn cohort")
    with scopes_disabled():
        ParticipantFactory(cohort=newcomers, user=kim.user)
    autumn = start_round(newcomers, operator)
    client.force_login(kim.user)
    page = client.get(public_url(campus, "my_matches")).content.decode()
    assert "Ana" in page
    assert public_url(campus, "match_accept", pk=match["mentorship"].pk) in page
    with scopes_disabled():
        mine = autumn.mentees.get()
    assert public_url(campus, "matching_rank_mentors", pk=mine.pk) in page
    assert public_url(campus, "matching_rank_mentees", pk=autumn.pk, mentor=kim.pk) in page
    client.force_login(match["ana"].user)
    page = client.get(public_url(campus, "my_matches")).content.decode()
    assert "Kim" in page


def test_accepting_and_asking_for_a_change_on_the_match_page(client, campus, match):
    mentorship = match["mentorship"]
    client.force_login(match["ana"].user)
    address = public_url(campus, "match", pk=mentorship.pk)
    assert "Accept the match" in client.get(address).content.decode()
    client.post(public_url(campus, "match_accept", pk=mentorship.pk))
    assert fresh(mentorship).mentee_accepted_at is not None
    response = client.post(public_url(campus, "match_change", pk=mentorship.pk), {"reason": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    client.post(public_url(campus, "match_change", pk=mentorship.pk), {"reason": "Other topics"})
    assert fresh(mentorship).state == State.CHANGE_REQUESTED


@pytest.mark.parametrize("who", ["stranger", "other_operator", "operator"])
def test_only_the_two_sides_answer_and_others_see_nothing_or_only_look(
    client, campus, cohort, match, request, who
):
    mentorship = match["mentorship"]
    user = join(cohort).user if who == "stranger" else request.getfixturevalue(who)
    client.force_login(user)
    looks = client.get(public_url(campus, "match", pk=mentorship.pk)).status_code
    assert looks == (200 if who == "operator" else 403)
    assert client.post(public_url(campus, "match_accept", pk=mentorship.pk)).status_code == 403
    assert (
        client.post(public_url(campus, "match_change", pk=mentorship.pk), {"reason": "x"}).status_code == 403
    )
    assert fresh(mentorship).state == State.PROPOSED


def test_answer_pages_send_anonymous_people_to_log_in(client, campus, match):
    login = campus_reverse(campus, "people:login")
    pk = match["mentorship"].pk
    for address in (public_url(campus, "my_matches"), public_url(campus, "match", pk=pk)):
        assert client.get(address).url.startswith(login)
    for name in ("match_accept", "match_change"):
        assert client.post(public_url(campus, name, pk=pk)).url.startswith(login)


def test_the_team_reassigns_from_the_round_page_and_sees_the_capacity_error(
    client, campus, operator, match, make_person
):
    mentorship = change_asked(campus, match)
    round = match["round"]
    client.force_login(operator)
    page = client.get(manage_url(campus, "matching_round", pk=round.pk)).content.decode()
    assert "Other topics" in page
    address = manage_url(campus, "matching_reassign", pk=round.pk, mentorship=mentorship.pk)
    prefix = f"reassign-{mentorship.pk}"
    with scopes_disabled():
        MentorshipFactory(mentor=match["lee"], mentee__round__cohort=make_cohort(campus))
    response = client.post(address, {f"{prefix}-mentor": match["lee"].pk})
    assert response.status_code == 400
    assert "Lee has no room: they already mentor 1 of 1." in response.content.decode()
    spare = make_mentor(campus, name_en="Moon")
    assert client.post(address, {f"{prefix}-mentor": spare.pk}).status_code == 302
    with scopes_disabled():
        assert Mentorship.objects.get(mentee=mentorship.mentee, state=State.PROPOSED).mentor == spare
    client.force_login(make_person(campus, "participant"))
    keep = manage_url(campus, "matching_keep", pk=round.pk, mentorship=mentorship.pk)
    assert client.post(keep).status_code == 403
