"""Feedback: only on sessions held and attended, 1 to 5, changeable until the cohort ends, anonymous."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Attendance, Feedback, Participant
from opencampus.programs.services.feedback import FeedbackError, give_feedback, summarise_feedback
from tests.curriculum_helpers import join, mark


@pytest.fixture
def lecture(session_at):
    return session_at(timezone.now() - timedelta(days=2), title="Commons")


def rate(campus, participant, session, rating, comment="", now=None):
    with scope(campus=campus):
        return give_feedback(
            participant=participant, session=session, rating=rating, comment=comment, now=now
        )


def refused(campus, participant, session, rating=4, now=None):
    with pytest.raises(FeedbackError) as error:
        rate(campus, participant, session, rating, now=now)
    return str(error.value)


def test_someone_who_attended_rates_once_and_may_change_it(campus, lecture, member):
    mark(lecture, member, Attendance.State.LATE)
    rate(campus, member, lecture, 3, " Too fast ")
    rate(campus, member, lecture, 5, "Better on second thought")
    with scopes_disabled():
        assert list(Feedback.objects.values_list("rating", "comment")) == [(5, "Better on second thought")]


@pytest.mark.parametrize("state", [None, Attendance.State.ABSENT, Attendance.State.EXCUSED])
def test_someone_who_did_not_attend_cannot_rate(campus, lecture, member, state):
    if state:
        mark(lecture, member, state, reason="Ill")
    assert (
        refused(campus, member, lecture)
        == "Only participants who attended a session can give feedback on it."
    )


def test_a_session_still_to_come_cannot_be_rated(campus, session_at, member):
    later = session_at(timezone.now() + timedelta(days=1))
    mark(later, member)
    assert refused(campus, member, later) == "Feedback opens once the session has been held."


@pytest.mark.parametrize("rating", [0, 6])
def test_ratings_run_from_1_to_5(campus, lecture, member, rating):
    mark(lecture, member)
    assert refused(campus, member, lecture, rating) == "Rate the session from 1 to 5."


def test_after_the_cohort_ends_feedback_is_closed(campus, cohort, lecture, member):
    mark(lecture, member)
    after = timezone.now() + timedelta(weeks=7)
    assert refused(campus, member, lecture, now=after).startswith("The cohort ended on ")


def test_a_participant_who_left_cannot_rate(campus, lecture, member):
    mark(lecture, member)
    with scopes_disabled():
        Participant.objects.filter(pk=member.pk).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate()
        )
    assert refused(campus, member, lecture) == "You left the cohort, so your record is read-only."


def test_staff_see_count_mean_distribution_and_comments_without_names(
    client, campus, cohort, lecture, staff_member, make_person
):
    given = [(5, "Inspiring"), (4, ""), (4, "Good examples"), (2, "Too long")]
    for rating, comment in given:
        participant = join(cohort, make_person(campus, name_en=f"Rater {rating}{comment[:3]}"))
        mark(lecture, participant)
        rate(campus, participant, lecture, rating, comment)
    with scope(campus=campus):
        summary = summarise_feedback(lecture)
    assert (summary.count, summary.mean) == (4, 3.75)
    assert summary.distribution == [(5, 1, 25.0), (4, 2, 50.0), (3, 0, 0.0), (2, 1, 25.0), (1, 0, 0.0)]
    assert summary.comments == [(5, "Inspiring"), (4, "Good examples"), (2, "Too long")]

    client.force_login(staff_member)
    page = client.get(
        campus_reverse(campus, "attendance_manage:feedback", cohort=cohort.slug, pk=lecture.pk)
    ).content.decode()
    assert "4 ratings, mean 3.75 of 5" in page
    assert "Good examples" in page
    assert "Rater" not in page


def test_the_feedback_page_says_it_is_anonymous_and_saves(client, campus, lecture, member):
    mark(lecture, member)
    client.force_login(member.user)
    url = campus_reverse(campus, "participation:feedback", pk=lecture.pk)
    page = client.get(url).content.decode()
    assert "Your feedback is anonymous" in page

    assert client.post(url, {"rating": "9"}).status_code == 400
    response = client.post(url, {"rating": "4", "comment": "Clear"})
    assert response.status_code == 302
    with scopes_disabled():
        assert Feedback.objects.get().rating == 4
    assert "You rated it 4/5." in client.get(campus_reverse(campus, "participation:home")).content.decode()


def test_the_feedback_page_refuses_someone_who_was_absent(client, campus, lecture, member):
    mark(lecture, member, Attendance.State.ABSENT)
    client.force_login(member.user)
    url = campus_reverse(campus, "participation:feedback", pk=lecture.pk)
    response = client.post(url, {"rating": "4"})
    assert response.status_code == 400
    assert "Only participants who attended" in response.content.decode()
    with scopes_disabled():
        assert not Feedback.objects.exists()
