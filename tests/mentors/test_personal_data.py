"""The mentor network, matching and mentoring in a person's data download and an account's deletion."""

import pytest
from django_scopes import scopes_disabled

from opencampus.mentors.models import (
    Mentee,
    MenteePreference,
    MentorInvitation,
    MentorPreference,
    MentorProfile,
)
from opencampus.people.services.personal_data import delete_account, export_personal_data
from tests.factories import (
    GroupMemberFactory,
    MatchingRoundFactory,
    MenteeFactory,
    MentoringSessionFactory,
    MentorshipFactory,
    ParticipantFactory,
    WorkingGroupFactory,
)

from .network_helpers import environment_fixture, fresh, make_mentor_fixture  # noqa: F401 (fixtures)


@pytest.fixture
def mentor(make_mentor, campus, make_person):
    person = make_person(campus, "mentor", email="mina@example.org")
    profile = make_mentor(user=person, vetting_note="Strong references.", keywords="zero waste")
    with scopes_disabled():
        MentorInvitation.objects.create(
            campus=campus,
            email="mina@example.org",
            token="t" * 43,
            accepted_by=person,
            accepted_at=profile.created,
        )
    return profile


@pytest.fixture
def mentee_person(campus, make_person):
    return make_person(campus, "participant", email="jun@example.org")


@pytest.fixture
def mentorship(campus, mentor, mentee_person, environment):
    with scopes_disabled():
        matching = MatchingRoundFactory(cohort__track__campus=campus, campus=campus)
        participant = ParticipantFactory(cohort=matching.cohort, campus=campus, user=mentee_person)
        mentee = MenteeFactory(round=matching, participant=participant, keywords="community energy")
        mentee.fields.add(environment)
        MenteePreference.objects.create(campus=campus, mentee=mentee, mentor=mentor, rank=1)
        MentorPreference.objects.create(
            campus=campus, round=mentee.round, mentor=mentor, mentee=mentee, rank=2
        )
        mentorship = MentorshipFactory(mentor=mentor, mentee=mentee, campus=campus, round=mentee.round)
        MentoringSessionFactory(
            mentorship=mentorship,
            topic="Pitch deck",
            private_notes="Seems tired.",
            shared_notes="Shorten the deck.",
            rating=5,
            rating_comment="Very useful.",
        )
    return mentorship


def test_the_download_holds_the_mentors_profile_rankings_and_all_their_notes(mentor, mentorship):
    data = export_personal_data(user=mentor.user)

    [profile] = data["mentor_profiles"]
    assert (profile["campus"], profile["state"], profile["fields"]) == ("seoul", "active", ["environment"])
    assert (profile["keywords"], profile["vetting_note"]) == ("zero waste", "Strong references.")
    assert [item["email"] for item in data["mentor_invitations"]] == ["mina@example.org"]
    assert [item["rank"] for item in data["mentee_rankings"]] == [2]
    assert [item["as"] for item in data["mentorships"]] == ["mentor"]
    [session] = data["mentoring_sessions"]
    assert (session["as"], session["private_notes"], session["shared_notes"]) == (
        "mentor",
        "Seems tired.",
        "Shorten the deck.",
    )
    assert data["mentee_wishes"] == []


def test_the_download_holds_the_mentees_wishes_rankings_and_shared_notes_only(mentee_person, mentorship):
    data = export_personal_data(user=mentee_person)

    [wish] = data["mentee_wishes"]
    assert (wish["fields"], wish["keywords"]) == (["environment"], "community energy")
    assert [item["rank"] for item in data["mentor_rankings"]] == [1]
    assert [item["as"] for item in data["mentorships"]] == ["mentee"]
    [session] = data["mentoring_sessions"]
    assert (session["as"], session["shared_notes"], session["rating"], session["rating_comment"]) == (
        "mentee",
        "Shorten the deck.",
        5,
        "Very useful.",
    )
    assert "private_notes" not in session
    assert data["mentor_profiles"] == []


def test_a_group_members_download_holds_the_groups_sessions(campus, make_person, mentor):
    member = make_person(campus, "participant")
    with scopes_disabled():
        group = WorkingGroupFactory(cohort__track__campus=campus, campus=campus)
        GroupMemberFactory(group=group, participant=ParticipantFactory(cohort=group.cohort, user=member))
        mentee = MenteeFactory(round__cohort=group.cohort, campus=campus, participant=None, group=group)
        MentoringSessionFactory(
            mentorship=MentorshipFactory(mentor=mentor, mentee=mentee, campus=campus, round=mentee.round),
            shared_notes="Map the stakeholders.",
            private_notes="Group dynamics are tense.",
        )

    [session] = export_personal_data(user=member)["mentoring_sessions"]

    assert session["shared_notes"] == "Map the stakeholders."
    assert "private_notes" not in session


def test_deleting_a_mentor_anonymises_the_profile_and_keeps_the_mentorship(campus, mentor, mentorship):
    delete_account(user=mentor.user, campus=campus)

    profile = fresh(mentor)
    assert (profile.state, profile.is_listed, profile.bio_en, profile.keywords, profile.vetting_note) == (
        MentorProfile.State.INACTIVE,
        False,
        "",
        "",
        "",
    )
    with scopes_disabled():
        session = mentorship.sessions.get()
        assert fresh(mentorship).mentor == profile
        assert (session.private_notes, session.shared_notes) == ("", "Shorten the deck.")
        assert not MentorPreference.objects.exists()
        assert MenteePreference.objects.exists()  # the mentee's own ranking stays
        invitation = MentorInvitation.objects.get()
    assert invitation.email == fresh(mentor.user).email
    assert invitation.email.startswith("deleted-")


def test_deleting_a_mentee_removes_their_comment_and_rankings_but_keeps_the_rating(
    campus, mentee_person, mentorship
):
    delete_account(user=mentee_person, campus=campus)

    with scopes_disabled():
        session = mentorship.sessions.get()
        assert (session.rating, session.rating_comment) == (5, "")
        assert not MenteePreference.objects.exists()
        assert MentorPreference.objects.exists()
        assert Mentee.objects.get().keywords == ""
