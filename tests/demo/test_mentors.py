"""The demo's mentor network: leaders in the plan's four fields who are also the instructor pool,
the 2020 pilot's groups matched and mentored, a participants' round waiting to be computed, and
the pilot's lecture fees."""

import pytest
from django.db import transaction
from django.db.models import Sum

from opencampus.mentors.models import MatchingRound, MentoringSession, MentorProfile, Mentorship
from opencampus.mentors.services.matching import compute_matching
from opencampus.people.models import CampusRole, User
from opencampus.programs.models import FeeRecord


@pytest.mark.django_db
def test_the_network_covers_the_four_fields_and_every_mentor_may_teach(seoul):
    mentors = MentorProfile.objects.filter(campus=seoul, state=MentorProfile.State.ACTIVE)
    assert mentors.count() == 24
    for field in ("environment", "manufacturing", "investment", "digital"):
        assert mentors.filter(fields__code=field).count() >= 5, field
    assert all(mentor.bio_ko and mentor.bio_en and mentor.affiliation for mentor in mentors)
    holders = set(CampusRole.objects.filter(campus=seoul, role="mentor").values_list("user_id", flat=True))
    assert set(mentors.values_list("user_id", flat=True)) <= holders
    assert mentors.filter(user__email="mentor@demo.opencampus.example").exists()


@pytest.mark.django_db
def test_the_pilots_groups_were_matched_stably_and_met_their_mentors(seoul):
    groups = MatchingRound.objects.get(cohort__slug="top-innovators-2020", mentee_kind="groups")
    assert groups.state == MatchingRound.State.PUBLISHED
    assert groups.published_method == MatchingRound.Method.STABLE
    assert groups.published_run.results["stable"]["blocking_pairs"] == []
    mentorships = Mentorship.objects.filter(round=groups)
    assert mentorships.count() == groups.mentees.count() > 0
    assert set(mentorships.values_list("state", flat=True)) == {Mentorship.State.ACTIVE}
    sessions = MentoringSession.objects.filter(mentorship__round=groups)
    assert sessions.count() == 3 * mentorships.count()
    assert not sessions.filter(rating=None).exists()
    assert sessions.exclude(private_notes="").exclude(shared_notes="").count() == sessions.count()


@pytest.mark.django_db
def test_the_participants_round_waits_for_the_campus_team_and_computes(seoul):
    participants = MatchingRound.objects.get(cohort__slug="top-innovators-2020", mentee_kind="participants")
    assert participants.state == MatchingRound.State.RANKING
    assert not participants.runs.exists()
    assert all(mentee.preferences.exists() for mentee in participants.mentees.all())

    with transaction.atomic():
        run = compute_matching(
            round=participants, actor=User.objects.get(email="staff@demo.opencampus.example")
        )
        stable, max_fit = run.results["stable"], run.results["max_fit"]
        assert stable["blocking_pairs"] == []
        assert stable["matched"] == max_fit["matched"] == participants.mentees.count()
        assert max_fit["total_fit"] >= stable["total_fit"]
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_pilots_lecture_fees_match_the_plans_line(seoul):
    fees = FeeRecord.objects.filter(campus=seoul, engagement__session__cohort__slug="top-innovators-2020")
    # The plan: 300,000 won a day, 16 days, 2 instructors = 9,600 thousand won.
    assert fees.aggregate(total=Sum("amount"))["total"] == 9_600_000
    assert set(fees.values_list("fee_per_day", flat=True)) == {300_000}
    assert fees.filter(state=FeeRecord.State.DUE).exists()
    assert fees.filter(state=FeeRecord.State.PAID).exists()
