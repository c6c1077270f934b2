"""Mentoring sessions: asked for by either side of an active mentorship, answered by the other,
recorded as held by the mentor and rated by the mentee; every refusal says why."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from opencampus.mentors.models import MentoringSession, Mentorship
from opencampus.mentors.services import mentoring
from opencampus.mentors.services.errors import MentorsError

from .mentoring_setup import (
    BASE_URL,
    actions,
    add_session,
    fresh,
    group_members,
    group_mentorship,
    in_scope,
    mails,
    mentee_user,
    new_mentor,
    participant_mentorship,
    person,
    withdraw,
)

State = MentoringSession.State


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def mentorship(campus):
    return participant_mentorship(campus)


def at(days=0, hours=0, minutes=0):
    """A moment from now, on the minute (as the form gives it)."""
    moment = timezone.now() + timedelta(days=days, hours=hours, minutes=minutes)
    return moment.replace(second=0, microsecond=0)


def ask(mentorship, actor, *, starts_at=None, minutes=60, place="Lab 2", online_link="", topic="Pilot plan"):
    with in_scope(mentorship.campus):
        return mentoring.request_session(
            mentorship=mentorship,
            actor=actor,
            starts_at=starts_at or at(days=2),
            duration_minutes=minutes,
            place=place,
            online_link=online_link,
            topic=topic,
            base_url=BASE_URL,
        )


def refusal(call, *args, **kwargs):
    with pytest.raises(MentorsError) as refused:
        call(*args, **kwargs)
    return refused.value


def answer(action, session, actor, reason=""):
    """``accept``, ``decline`` or ``cancel`` ``session`` as ``actor``."""
    with in_scope(session.campus):
        if action == "accept":
            return mentoring.accept_session(session=session, actor=actor, base_url=BASE_URL)
        call = mentoring.decline_session if action == "decline" else mentoring.cancel_session
        return call(session=session, actor=actor, reason=reason, base_url=BASE_URL)


def held(session, actor, private_notes="", shared_notes="", follow_ups=""):
    with in_scope(session.campus):
        return mentoring.record_held(
            session=session,
            actor=actor,
            private_notes=private_notes,
            shared_notes=shared_notes,
            follow_ups=follow_ups,
        )


def rate(session, actor, rating=4, comment=""):
    with in_scope(session.campus):
        return mentoring.rate_session(session=session, actor=actor, rating=rating, comment=comment)


def log_held(mentorship, actor, *, starts_at=None, **notes):
    with in_scope(mentorship.campus):
        return mentoring.log_held_session(
            mentorship=mentorship,
            actor=actor,
            starts_at=starts_at or at(days=-1),
            duration_minutes=90,
            place="",
            online_link="",
            topic="Walk through the market",
            private_notes=notes.get("private_notes", ""),
            shared_notes=notes.get("shared_notes", ""),
            follow_ups=notes.get("follow_ups", ""),
        )


# Asking for a session


def test_the_mentee_asks_for_a_session_and_the_mentor_is_mailed(campus, mentorship):
    mina = mentee_user(mentorship)

    session = ask(mentorship, mina, online_link="https://meet.example.org/pilot", place="")

    session = fresh(session)
    assert (session.state, session.requested_by, session.topic) == (State.REQUESTED, mina, "Pilot plan")
    assert session.online_link == "https://meet.example.org/pilot"
    ((to, subject, body),) = mails(campus)
    assert to == mentorship.mentor.user.email
    assert subject.startswith("Mina asks for a mentoring session on ")
    assert "https://meet.example.org/pilot" in body
    assert f"{BASE_URL}/c/{campus.slug}/mentors/mentoring/{mentorship.pk}/" in body
    assert actions(campus) == ["mentor.session_requested"]


def test_the_mentor_asks_and_every_active_group_member_is_mailed(campus):
    mentorship = group_mentorship(campus, members=("Ana", "Ben", "Cho"))
    ana, ben, cho = group_members(mentorship)
    withdraw(cho)

    ask(mentorship, mentorship.mentor.user)

    assert sorted(to for to, _subject, _body in mails(campus)) == sorted([ana.email, ben.email])


def test_any_active_group_member_asks_for_the_group(campus):
    mentorship = group_mentorship(campus)
    ben = group_members(mentorship)[1]

    session = ask(mentorship, ben)

    assert fresh(session).requested_by == ben
    assert [to for to, _subject, _body in mails(campus)] == [mentorship.mentor.user.email]


def test_a_request_needs_a_place_or_an_online_link(mentorship):
    error = refusal(ask, mentorship, mentee_user(mentorship), place=" ", online_link="")

    assert (error.field, error.message) == ("place", "Give a place or an online link (or both).")


def test_an_online_link_must_be_a_web_address(mentorship):
    error = refusal(ask, mentorship, mentee_user(mentorship), online_link="javascript:alert(1)")

    assert error.field == "online_link"


def test_a_request_needs_a_topic(mentorship):
    error = refusal(ask, mentorship, mentee_user(mentorship), topic="   ")

    assert (error.field, error.message) == ("topic", "Say what the session is about.")


def test_a_request_in_the_past_is_refused(mentorship):
    error = refusal(ask, mentorship, mentee_user(mentorship), starts_at=at(minutes=-5))

    assert error.field == "starts_at"
    assert "at a time to come" in error.message
    with scopes_disabled():
        assert not MentoringSession.objects.exists()


@pytest.mark.parametrize("minutes", [5, 8 * 60 + 1])
def test_a_session_lasts_ten_minutes_to_eight_hours(mentorship, minutes):
    error = refusal(ask, mentorship, mentee_user(mentorship), minutes=minutes)

    assert (error.field, error.message) == ("duration_minutes", "A session lasts from 10 to 480 minutes.")


def test_someone_who_is_not_in_the_mentorship_cannot_ask(campus, mentorship):
    another_mentor = new_mentor(campus, name="Another mentor")
    participant_mentorship(campus, mentor=another_mentor)
    outsider = person(campus, "participant")

    for actor in (another_mentor.user, outsider):
        error = refusal(ask, mentorship, actor)
        assert error.message == "Only the mentor and the mentee arrange the sessions of a mentorship."
    with scopes_disabled():
        assert not MentoringSession.objects.exists()


def test_a_withdrawn_participant_is_no_longer_the_mentee(mentorship):
    mina = mentee_user(mentorship)
    withdraw(mina)

    error = refusal(ask, fresh(mentorship), mina)

    assert "Only the mentor and the mentee" in error.message


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("ended", "This mentorship has ended: no new session can be arranged."),
        ("proposed", "Sessions are arranged once both sides have accepted the match."),
        ("change", "A change of this match was asked for: no new session until the campus team decides."),
    ],
)
def test_only_an_active_mentorship_takes_new_sessions(campus, state, message):
    mentorship = participant_mentorship(campus, state=state)

    assert refusal(ask, mentorship, mentorship.mentor.user).message == message
    assert refusal(log_held, mentorship, mentorship.mentor.user).message == message


def test_an_overlapping_session_of_the_same_mentor_names_the_mentee_met(campus, mentorship):
    mentor = mentorship.mentor
    other = participant_mentorship(campus, mentor=mentor, mentee_name="Jun")
    start = timezone.localtime(at(days=2, hours=1), campus.tz).replace(hour=10, minute=0)
    add_session(other, starts_at=start, duration_minutes=90, state=State.ACCEPTED)

    error = refusal(ask, mentorship, mentor.user, starts_at=start + timedelta(minutes=30))

    day = start.strftime("%Y-%m-%d")
    assert (error.field, error.message) == ("starts_at", f"You already meet Jun from {day} 10:00 to 11:30.")


def test_the_mentee_is_not_told_whom_else_the_mentor_meets(campus, mentorship):
    other = participant_mentorship(campus, mentor=mentorship.mentor, mentee_name="Jun")
    start = at(days=2)
    add_session(other, starts_at=start, duration_minutes=60)

    error = refusal(ask, mentorship, mentee_user(mentorship), starts_at=start - timedelta(minutes=30))

    assert "Jun" not in error.message
    assert error.message.startswith("Your mentor is not free from ")


def test_the_mentee_is_told_they_already_meet_their_mentor_then(mentorship):
    start = at(days=2)
    add_session(mentorship, starts_at=start, duration_minutes=60)

    error = refusal(ask, mentorship, mentee_user(mentorship), starts_at=start + timedelta(minutes=59))

    assert error.message.startswith("You already meet Mentor Kim from ")


def test_cancelled_declined_and_back_to_back_sessions_do_not_overlap(campus, mentorship):
    start = at(days=2)
    add_session(mentorship, starts_at=start, state=State.CANCELLED)
    add_session(mentorship, starts_at=start, state=State.DECLINED)
    add_session(mentorship, starts_at=start - timedelta(minutes=60), duration_minutes=60)

    session = ask(mentorship, mentee_user(mentorship), starts_at=start)

    assert fresh(session).state == State.REQUESTED


def test_another_mentors_sessions_do_not_overlap(campus, mentorship):
    other = participant_mentorship(campus)
    start = at(days=2)
    add_session(other, starts_at=start)

    assert fresh(ask(mentorship, mentee_user(mentorship), starts_at=start)).state == State.REQUESTED


def test_a_request_whose_time_passed_unanswered_does_not_block_logging_the_meeting(mentorship):
    start = at(days=-1)
    add_session(mentorship, starts_at=start, requested_by=mentee_user(mentorship))

    session = log_held(mentorship, mentorship.mentor.user, starts_at=start)

    assert fresh(session).state == State.HELD


# Answering


def test_the_other_side_accepts_and_the_asker_is_mailed(campus, mentorship):
    session = ask(mentorship, mentee_user(mentorship))

    answer("accept", session, mentorship.mentor.user)

    assert fresh(session).state == State.ACCEPTED
    to, subject, _body = mails(campus)[-1]
    assert to == mentee_user(mentorship).email
    assert subject.startswith("Your mentoring session on ")
    assert subject.endswith(" is accepted")
    assert actions(campus) == ["mentor.session_requested", "mentor.session_accepted"]


def test_the_asker_cannot_answer_their_own_request(mentorship):
    session = ask(mentorship, mentee_user(mentorship))

    for action in ("accept", "decline"):
        error = refusal(answer, action, session, mentee_user(mentorship), reason="Busy")
        assert error.message == "You asked for this session: the other side answers it."
    assert fresh(session).state == State.REQUESTED


def test_an_answered_request_cannot_be_answered_again(mentorship):
    session = ask(mentorship, mentorship.mentor.user)
    answer("accept", session, mentee_user(mentorship))

    error = refusal(answer, "decline", session, mentee_user(mentorship), reason="Changed my mind")

    assert error.message == "This session is accepted: there is no request to answer."


def test_a_request_whose_time_passed_cannot_be_accepted(mentorship):
    session = add_session(mentorship, days=-1)

    error = refusal(answer, "accept", session, mentee_user(mentorship))

    assert error.message == "The time of this session has passed; ask for a new one."


def test_declining_needs_a_reason_which_the_asker_gets(campus, mentorship):
    session = ask(mentorship, mentorship.mentor.user)
    mina = mentee_user(mentorship)

    error = refusal(answer, "decline", session, mina, reason="  ")
    assert error.field == "reason"
    answer("decline", session, mina, reason="I am at a workshop that day.")

    assert fresh(session).state == State.DECLINED
    to, subject, body = mails(campus)[-1]
    assert to == mentorship.mentor.user.email
    assert "was declined" in subject
    assert "I am at a workshop that day." in body


def test_either_side_cancels_before_the_start_and_the_other_side_is_mailed(campus, mentorship):
    mina, mentor = mentee_user(mentorship), mentorship.mentor.user
    asked = ask(mentorship, mina)
    accepted = ask(mentorship, mentor, starts_at=at(days=5))
    answer("accept", accepted, mina)

    answer("cancel", asked, mina)
    answer("cancel", accepted, mentor, reason="I am ill.")

    assert (fresh(asked).state, fresh(accepted).state) == (State.CANCELLED, State.CANCELLED)
    (to_mentor, subject, _body), (to_mina, _subject, body) = mails(campus)[-2:]
    assert (to_mentor, to_mina) == (mentor.email, mina.email)
    assert subject.endswith("is cancelled")
    assert "I am ill." in body


def test_a_session_that_has_begun_or_is_held_cannot_be_cancelled(mentorship):
    begun = add_session(mentorship, hours=-1, state=State.ACCEPTED)
    held = add_session(mentorship, days=-2, state=State.HELD)

    assert refusal(answer, "cancel", begun, mentee_user(mentorship)).message == (
        "This session has begun: it can no longer be cancelled."
    )
    assert refusal(answer, "cancel", held, mentee_user(mentorship)).message == (
        "This session is held: it cannot be cancelled."
    )


def test_someone_outside_cannot_answer_or_cancel(campus, mentorship):
    session = ask(mentorship, mentee_user(mentorship))
    outsider = new_mentor(campus, name="Another mentor").user

    for action in ("accept", "decline", "cancel"):
        assert (
            "Only the mentor and the mentee" in refusal(answer, action, session, outsider, reason="x").message
        )
    assert fresh(session).state == State.REQUESTED


# Held sessions and notes


def test_the_mentor_records_an_accepted_session_as_held_once_its_time_came(campus, mentorship):
    session = add_session(mentorship, hours=-2, state=State.ACCEPTED)

    held(
        session,
        mentorship.mentor.user,
        private_notes="Seems tired. ",
        shared_notes="Read the council's report.",
        follow_ups="Mina: call the market.",
    )

    session = fresh(session)
    assert session.state == State.HELD
    assert (session.private_notes, session.shared_notes, session.follow_ups) == (
        "Seems tired.",
        "Read the council's report.",
        "Mina: call the market.",
    )
    held(session, mentorship.mentor.user, private_notes="Better now.")
    assert fresh(session).private_notes == "Better now."
    assert actions(campus) == ["mentor.session_held", "mentor.session_notes_edited"]


def test_a_session_to_come_or_not_accepted_is_not_recorded_as_held(mentorship):
    coming = add_session(mentorship, days=1, state=State.ACCEPTED)
    asked = add_session(mentorship, days=-1, state=State.REQUESTED)

    assert refusal(held, coming, mentorship.mentor.user).message == (
        "This session has not begun yet: record it once it took place."
    )
    assert refusal(held, asked, mentorship.mentor.user).message == (
        "This session is requested: only an accepted session is recorded as held."
    )


def test_the_mentee_does_not_record_sessions(mentorship):
    session = add_session(mentorship, hours=-2, state=State.ACCEPTED)

    assert refusal(held, session, mentee_user(mentorship)).message == (
        "Only the mentor records a session as held."
    )
    assert refusal(log_held, mentorship, mentee_user(mentorship)).message == (
        "Only the mentor logs a meeting they had."
    )


def test_the_mentor_logs_a_meeting_already_had_as_held(campus, mentorship):
    session = log_held(mentorship, mentorship.mentor.user, shared_notes="Good start.")

    session = fresh(session)
    assert (session.state, session.duration_minutes, session.shared_notes) == (State.HELD, 90, "Good start.")
    assert actions(campus) == ["mentor.session_logged"]
    assert mails(campus) == []


def test_a_held_log_for_a_time_to_come_is_refused(mentorship):
    error = refusal(log_held, mentorship, mentorship.mentor.user, starts_at=at(hours=2))

    assert error.field == "starts_at"
    assert error.message.startswith("A held session has already begun")


def test_a_held_log_may_not_overlap_another_session(mentorship):
    start = at(days=-1)
    add_session(mentorship, starts_at=start, state=State.HELD)

    error = refusal(log_held, mentorship, mentorship.mentor.user, starts_at=start + timedelta(minutes=10))

    assert error.message.startswith("You already meet Mina from ")


# Ratings


def test_the_mentee_rates_a_held_session_and_may_change_it_for_fourteen_days(campus, mentorship):
    session = add_session(mentorship, days=-1, state=State.HELD)
    mina = mentee_user(mentorship)

    rate(session, mina, rating=4, comment=" Very helpful ")
    first = fresh(session)
    assert (first.rating, first.rating_comment) == (4, "Very helpful")
    rate(session, mina, rating=5)
    assert (fresh(session).rating, fresh(session).rated_at) == (5, first.rated_at)

    with scopes_disabled():
        MentoringSession.objects.filter(pk=session.pk).update(rated_at=timezone.now() - timedelta(days=15))
    error = refusal(rate, fresh(session), mina, rating=1)
    assert error.message.startswith("A rating can be changed for 14 days; this one was given on ")
    assert fresh(session).rating == 5
    assert actions(campus) == ["mentor.session_rated", "mentor.session_rating_changed"]


def test_the_mentor_does_not_rate(mentorship):
    session = add_session(mentorship, days=-1, state=State.HELD)

    error = refusal(rate, session, mentorship.mentor.user)

    assert (error.field, error.message) == ("rating", "The mentee rates a session, not the mentor.")


@pytest.mark.parametrize("state", [State.REQUESTED, State.ACCEPTED, State.DECLINED, State.CANCELLED])
def test_only_a_held_session_is_rated(mentorship, state):
    session = add_session(mentorship, days=-1, state=state)

    assert refusal(rate, session, mentee_user(mentorship)).message == "Only a held session is rated."


@pytest.mark.parametrize("rating", [0, 6])
def test_a_rating_is_from_one_to_five(mentorship, rating):
    session = add_session(mentorship, days=-1, state=State.HELD)

    assert (
        refusal(rate, session, mentee_user(mentorship), rating=rating).message
        == "Rate the session from 1 to 5."
    )


def test_a_group_has_one_rating_per_session_given_by_any_member(campus):
    mentorship = group_mentorship(campus)
    ana, ben = group_members(mentorship)
    session = add_session(mentorship, days=-1, state=State.HELD)

    rate(session, ana, rating=3)
    rate(session, ben, rating=4, comment="We agree now.")

    session = fresh(session)
    assert (session.rating, session.rating_comment) == (4, "We agree now.")


def test_an_ended_mentorship_keeps_its_sessions(mentorship):
    session = add_session(mentorship, days=-1, state=State.HELD)
    with scopes_disabled():
        Mentorship.objects.filter(pk=mentorship.pk).update(state=Mentorship.State.ENDED)

    rate(fresh(session), mentee_user(mentorship), rating=5)

    assert fresh(session).rating == 5
