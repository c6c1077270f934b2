"""The mentoring pages: my mentees and my mentor, a mentorship with its sessions and forms; who may
read and do what, notes only for those they are meant for, refusals that keep what was typed."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity
from opencampus.mentors.models import MentoringSession
from tests import english

from .mentoring_setup import (
    actions,
    add_session,
    fresh,
    group_members,
    group_mentorship,
    mails,
    mentee_user,
    new_mentor,
    participant_mentorship,
    person,
)

State = MentoringSession.State
_english = english.english_pages


@pytest.fixture
def mentorship(campus):
    return participant_mentorship(campus)


def home(campus):
    return campus_reverse(campus, "mentors:mentoring")


def url(mentorship, name="mentorship", **kwargs):
    return campus_reverse(mentorship.campus, f"mentors:{name}", pk=mentorship.pk, **kwargs)


def as_(client, user):
    client.force_login(user)
    return client


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def cells(html):
    return re.findall(r"<td>([^<]*)</td>", html)


# My mentees, my mentor


def test_the_mentor_sees_each_mentee_with_the_next_session_and_counts(client, campus, mentorship):
    add_session(mentorship, days=-3, state=State.HELD)
    add_session(mentorship, days=-2, state=State.HELD)
    coming = add_session(mentorship, days=4, state=State.ACCEPTED)
    add_session(mentorship, days=6, state=State.REQUESTED)
    add_session(mentorship, days=1, state=State.CANCELLED)

    page = as_(client, mentorship.mentor.user).get(home(campus)).text

    assert "My mentees" in page
    assert url(mentorship) in page
    assert "Mina" in page
    next_session = timezone.localtime(coming.starts_at).strftime("%Y-%m-%d %H:%M")
    assert cells(page)[-4:] == [next_session, "2", "1", "1"]
    assert "My mentor:" not in page


def test_the_mentee_sees_their_mentor_with_the_e_mail_and_the_sessions(client, campus, mentorship):
    add_session(mentorship, days=2, topic="Budget questions")
    add_session(mentorship, days=-2, state=State.HELD, topic="First talk", private_notes="Mentor's secret")

    page = as_(client, mentee_user(mentorship)).get(home(campus)).text

    assert "My mentor: Mentor Kim" in page
    assert f"mailto:{mentorship.mentor.user.email}" in page
    assert "Seoul Upcycling Plaza" in page
    assert "Budget questions" in page
    assert "First talk" in page
    assert "Mentor&#x27;s secret" not in page
    assert "My mentees" not in page


def test_a_group_member_sees_the_group_mentor(client, campus):
    mentorship = group_mentorship(campus, group_name="Compost")

    page = as_(client, group_members(mentorship)[1]).get(home(campus)).text

    assert "My mentor: Mentor Kim" in page
    assert "Compost" in page


def test_a_proposed_match_links_to_the_answer_page_and_an_ended_one_is_earlier(client, campus):
    mentor = new_mentor(campus)
    participant_mentorship(campus, mentor=mentor, state="proposed", mentee_name="Jun")
    ended = participant_mentorship(campus, mentor=mentor, state="ended", mentee_name="Sora")

    page = as_(client, mentor.user).get(home(campus)).text

    assert campus_reverse(campus, "mentors:my_matches") in page
    assert "waiting for answers" in page
    assert "Earlier mentorships" in page
    assert url(ended) in page


def test_someone_without_a_mentorship_is_told_how_matches_come(client, campus):
    page = as_(client, new_mentor(campus).user).get(home(campus))

    assert page.status_code == 200
    assert "You have no mentorship yet." in page.text


def test_the_mentoring_page_is_for_mentors_and_participants(client, campus, staff_member, other_operator):
    response = client.get(home(campus))
    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))

    for someone in (staff_member, person(campus), person(campus, "participant"), other_operator):
        assert as_(client, someone).get(home(campus)).status_code == 403


# The mentorship's page: who reads what


@pytest.fixture
def held(mentorship):
    return add_session(
        mentorship,
        days=-1,
        state=State.HELD,
        topic="Market visit",
        private_notes="PRIVATE-only-mentor",
        shared_notes="SHARED-with-mentee",
        follow_ups="FOLLOW-UP-both",
        rating=4,
        rating_comment="Clear advice",
        rated_at=timezone.now(),
    )


def test_private_notes_are_only_for_the_mentor(client, mentorship, held, staff_member):
    mentor_page = as_(client, mentorship.mentor.user).get(url(mentorship)).text
    mentee_page = as_(client, mentee_user(mentorship)).get(url(mentorship)).text

    for text in ("PRIVATE-only-mentor", "SHARED-with-mentee", "FOLLOW-UP-both", "Rated 4 of 5"):
        assert text in mentor_page
    for text in ("SHARED-with-mentee", "FOLLOW-UP-both", "Rated 4 of 5"):
        assert text in mentee_page
    assert "PRIVATE-only-mentor" not in mentee_page


def test_the_campus_team_sees_sessions_and_ratings_but_no_notes(client, mentorship, held, operator):
    page = as_(client, operator).get(url(mentorship)).text

    assert "Market visit" in page
    assert "Clear advice" in page
    for text in ("PRIVATE-only-mentor", "SHARED-with-mentee", "FOLLOW-UP-both"):
        assert text not in page
    assert "Their notes are between the mentor and the mentee" in page
    assert "Ask for a session" not in page


def test_the_mentorship_page_is_refused_to_everyone_else(client, campus, mentorship, other_operator):
    response = client.get(url(mentorship))
    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))

    another_mentor = new_mentor(campus, name="Another mentor")
    for outsider in (person(campus, "participant"), another_mentor.user, other_operator):
        assert as_(client, outsider).get(url(mentorship)).status_code == 403
    assert as_(client, other_operator).get(f"/c/busan/mentors/mentoring/{mentorship.pk}/").status_code == 404


def test_the_campus_team_and_outsiders_cannot_act(client, campus, mentorship, staff_member):
    session = add_session(mentorship, days=2)
    posts = [
        url(mentorship, "session_request"),
        url(mentorship, "session_log"),
        url(mentorship, "session_accept", session=session.pk),
        url(mentorship, "session_decline", session=session.pk),
        url(mentorship, "session_cancel", session=session.pk),
        url(mentorship, "session_held", session=session.pk),
        url(mentorship, "session_rate", session=session.pk),
    ]
    data = {"request-topic": "Taken over", f"s{session.pk}-decline-reason": "No"}

    for address in posts:
        anonymous = client.post(address, data)
        assert anonymous.status_code == 302, address
        assert anonymous.url.startswith(campus_reverse(campus, "people:login")), address
    another_mentor = participant_mentorship(campus).mentor.user
    for outsider in (staff_member, person(campus, "participant"), another_mentor):
        for address in posts:
            assert as_(client, outsider).post(address, data).status_code == 403, address
    assert fresh(session).state == State.REQUESTED
    with scopes_disabled():
        assert MentoringSession.objects.count() == 1


def test_a_session_of_another_mentorship_is_not_found(client, campus, mentorship):
    other = participant_mentorship(campus)
    foreign = add_session(other, days=2)

    response = as_(client, mentorship.mentor.user).post(url(mentorship, "session_accept", session=foreign.pk))

    assert response.status_code == 404
    assert fresh(foreign).state == State.REQUESTED


# The mentorship's page: doing things


def request_data(starts_at, topic="Pilot plan", place="Lab 2", link=""):
    return {
        "request-starts_at": local(starts_at),
        "request-duration_minutes": "60",
        "request-place": place,
        "request-online_link": link,
        "request-topic": topic,
    }


def test_the_mentee_asks_for_a_session_on_the_page(client, campus, mentorship):
    starts_at = timezone.now() + timedelta(days=3)

    response = as_(client, mentee_user(mentorship)).post(
        url(mentorship, "session_request"), request_data(starts_at), follow=True
    )

    assert "The session is asked for; the other side is told." in response.text
    with scopes_disabled():
        session = MentoringSession.objects.get()
    assert (session.state, session.topic, session.place) == (State.REQUESTED, "Pilot plan", "Lab 2")
    assert local(session.starts_at) == local(starts_at)
    assert [to for to, _subject, _body in mails(campus)] == [mentorship.mentor.user.email]


def test_a_refused_request_shows_why_next_to_the_input_and_keeps_what_was_typed(client, campus, mentorship):
    other = participant_mentorship(campus, mentor=mentorship.mentor, mentee_name="Jun")
    taken = add_session(other, days=3, state=State.ACCEPTED)

    response = as_(client, mentorship.mentor.user).post(
        url(mentorship, "session_request"), request_data(taken.starts_at, topic="Our own plan")
    )

    assert response.status_code == 400
    assert "You already meet Jun from " in response.text
    assert 'value="Our own plan"' in response.text
    assert 'value="Lab 2"' in response.text
    with scopes_disabled():
        assert MentoringSession.objects.count() == 1


def test_a_request_without_place_or_link_is_refused_on_the_page(client, mentorship):
    data = request_data(timezone.now() + timedelta(days=3), place="")

    response = as_(client, mentee_user(mentorship)).post(url(mentorship, "session_request"), data)

    assert response.status_code == 400
    assert "Give a place or an online link (or both)." in response.text
    assert 'value="Pilot plan"' in response.text


def test_the_other_side_accepts_on_the_page(client, campus, mentorship):
    session = add_session(mentorship, days=2, requested_by=mentee_user(mentorship))
    mentor_client = as_(client, mentorship.mentor.user)
    assert "Accept" in mentor_client.get(url(mentorship)).text

    response = mentor_client.post(url(mentorship, "session_accept", session=session.pk), follow=True)

    assert "The session is accepted; the other side is told." in response.text
    assert fresh(session).state == State.ACCEPTED


def test_accepting_ones_own_request_is_refused_on_top_of_the_page(client, mentorship):
    session = add_session(mentorship, days=2)

    response = as_(client, mentorship.mentor.user).post(
        url(mentorship, "session_accept", session=session.pk), follow=True
    )

    assert "You asked for this session: the other side answers it." in response.text
    assert fresh(session).state == State.REQUESTED


def test_a_decline_needs_a_reason_and_the_reason_is_on_the_page(client, campus, mentorship):
    session = add_session(mentorship, days=2, topic="Evening talk")
    mina = as_(client, mentee_user(mentorship))
    address = url(mentorship, "session_decline", session=session.pk)

    refused = mina.post(address, {f"s{session.pk}-decline-reason": ""})
    assert refused.status_code == 400
    assert "This field is required." in refused.text
    mina.post(address, {f"s{session.pk}-decline-reason": "Exams that week."})

    assert fresh(session).state == State.DECLINED
    page = as_(client, mentorship.mentor.user).get(url(mentorship)).text
    assert "Declined by Mina: Exams that week." in page


def test_either_side_cancels_on_the_page(client, mentorship):
    session = add_session(mentorship, days=2, state=State.ACCEPTED)

    response = as_(client, mentee_user(mentorship)).post(
        url(mentorship, "session_cancel", session=session.pk),
        {f"s{session.pk}-cancel-reason": "Flu."},
        follow=True,
    )

    assert "The session is cancelled; the other side is told." in response.text
    assert "Cancelled by Mina: Flu." in response.text
    assert fresh(session).state == State.CANCELLED


def test_the_mentor_records_the_session_held_and_the_mentee_rates_it(client, campus, mentorship):
    session = add_session(mentorship, hours=-2, state=State.ACCEPTED)
    prefix = f"s{session.pk}"

    mentor_page = as_(client, mentorship.mentor.user).get(url(mentorship)).text
    assert "Record it as held" in mentor_page
    client.post(
        url(mentorship, "session_held", session=session.pk),
        {
            f"{prefix}-held-private_notes": "Tired",
            f"{prefix}-held-shared_notes": "Read it",
            f"{prefix}-held-follow_ups": "",
        },
    )
    assert fresh(session).state == State.HELD

    mina = as_(client, mentee_user(mentorship))
    assert "Rate the session" in mina.get(url(mentorship)).text
    mina.post(
        url(mentorship, "session_rate", session=session.pk),
        {f"{prefix}-rate-rating": "5", f"{prefix}-rate-comment": "Great"},
    )

    session = fresh(session)
    assert (session.private_notes, session.shared_notes, session.rating, session.rating_comment) == (
        "Tired",
        "Read it",
        5,
        "Great",
    )
    assert actions(campus) == ["mentor.session_held", "mentor.session_rated"]


def test_a_forged_rating_of_a_session_to_come_is_refused_with_the_reason(client, mentorship):
    session = add_session(mentorship, days=2, state=State.ACCEPTED)

    response = as_(client, mentee_user(mentorship)).post(
        url(mentorship, "session_rate", session=session.pk), {f"s{session.pk}-rate-rating": "5"}
    )

    assert response.status_code == 400
    assert "Only a held session is rated." in response.text
    assert fresh(session).rating is None


def test_the_mentor_logs_a_meeting_they_had_and_the_mentee_cannot(client, mentorship):
    data = {
        "log-starts_at": local(timezone.now() - timedelta(days=1)),
        "log-duration_minutes": "45",
        "log-place": "",
        "log-online_link": "",
        "log-topic": "Coffee chat",
        "log-private_notes": "",
        "log-shared_notes": "Nice to meet you",
        "log-follow_ups": "",
    }

    refused = as_(client, mentee_user(mentorship)).post(url(mentorship, "session_log"), data)
    assert refused.status_code == 400
    assert "Only the mentor logs a meeting they had." in refused.text
    as_(client, mentorship.mentor.user).post(url(mentorship, "session_log"), data)

    with scopes_disabled():
        session = MentoringSession.objects.get()
    assert (session.state, session.topic, session.duration_minutes) == (State.HELD, "Coffee chat", 45)


def test_an_ended_mentorship_shows_its_history_without_forms(client, campus):
    mentorship = participant_mentorship(campus, state="ended")
    add_session(mentorship, days=-5, state=State.HELD, topic="Old talk")

    page = as_(client, mentorship.mentor.user).get(url(mentorship)).text

    assert "Old talk" in page
    assert "Ask for a session" not in page
    assert "Log a meeting you already had" not in page


# Constant queries


def fill(mentorship, count):
    """``count`` sessions of each kind: held and rated, asked for by the mentee, and declined."""
    mina = mentee_user(mentorship)
    for n in range(count):
        add_session(mentorship, days=-(n + 1), state=State.HELD, rating=4, rated_at=timezone.now())
        add_session(mentorship, days=n + 1, state=State.REQUESTED, requested_by=mina)
        declined = add_session(mentorship, days=n + 1, hours=2, state=State.DECLINED)
        with scopes_disabled():
            log_activity(
                campus=mentorship.campus,
                actor=mina,
                action="mentor.session_declined",
                subject=declined,
                data={"reason": "Busy"},
            )
    return mentorship


def count_queries(client, address):
    client.get(address)  # warm the session and role caches alike
    with CaptureQueriesContext(connection) as captured:
        client.get(address)
    return len(captured)


def test_the_mentorship_page_reads_as_many_rows_for_three_sessions_as_for_one(
    client, campus, django_assert_num_queries
):
    one, three = fill(participant_mentorship(campus), 1), fill(participant_mentorship(campus), 3)

    for side in (lambda mentorship: mentorship.mentor.user, mentee_user):
        expected = count_queries(as_(client, side(one)), url(one))
        as_(client, side(three)).get(url(three))
        with django_assert_num_queries(expected):
            client.get(url(three))


def test_the_mentoring_page_reads_as_many_rows_for_three_mentorships_as_for_one(
    client, campus, django_assert_num_queries
):
    small, big = new_mentor(campus), new_mentor(campus)
    fill(participant_mentorship(campus, mentor=small), 1)
    for _ in range(3):
        fill(participant_mentorship(campus, mentor=big), 2)

    expected = count_queries(as_(client, small.user), home(campus))
    as_(client, big.user).get(home(campus))
    with django_assert_num_queries(expected):
        client.get(home(campus))


def test_the_mentee_page_reads_as_many_rows_for_three_sessions_as_for_one(
    client, campus, django_assert_num_queries
):
    one, three = fill(participant_mentorship(campus), 1), fill(group_mentorship(campus), 3)

    expected = count_queries(as_(client, mentee_user(one)), home(campus))
    as_(client, group_members(three)[0]).get(home(campus))
    with django_assert_num_queries(expected):
        client.get(home(campus))
