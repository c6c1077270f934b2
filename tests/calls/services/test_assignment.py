from collections import Counter

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, Application, AssignmentOverride, Review
from opencampus.calls.services.assignment import run_assignment
from opencampus.calls.services.conflicts import declare_conflict
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
)

SUBMITTED = Application.State.SUBMITTED


@pytest.fixture
def call(campus):
    with scopes_disabled():
        return CallFactory(campus=campus)


def make_applications(call, count, text="energy cooperative"):
    with scopes_disabled():
        applications = [ApplicationFactory(call=call, state=SUBMITTED) for _ in range(count)]
        question = QuestionFactory(
            section__form=applications[0].form, section__campus=call.campus, key="idea", kind="long_text"
        )
        for application in applications:
            Answer.objects.create(campus=call.campus, application=application, question=question, value=text)
    return applications


def make_reviewers(campus, make_person, expertise):
    reviewers = []
    for words in expertise:
        reviewer = make_person(campus, "reviewer")
        reviewer.profile.expertise = words
        reviewer.profile.save()
        reviewers.append(reviewer)
    return reviewers


def pairs(call):
    return set(Review.objects.filter(application__call=call).values_list("application_id", "reviewer_id"))


def test_each_application_gets_k_reviews_and_affinity_is_followed(call, operator, make_person):
    applications = make_applications(call, 4)
    expert, _music, _dance = make_reviewers(call.campus, make_person, ["energy", "music", "dance"])

    with scopes_disabled():
        run = run_assignment(call=call, actor=operator, reviews_per_application=2, max_load=4)
        assigned = pairs(call)

    assert run.status == "optimal"
    assert run.objective == pytest.approx(4.0)
    assert run.bound >= run.objective
    assert Counter(application for application, _ in assigned) == {a.pk: 2 for a in applications}
    assert {(a.pk, expert.pk) for a in applications} <= assigned


def test_reviewer_never_reviews_a_colleague(call, operator, make_person):
    (application,) = make_applications(call, 1)
    colleague, outsider = make_reviewers(call.campus, make_person, ["energy", "energy"])
    with scopes_disabled():
        organisation = OrganisationFactory(campus=call.campus)
        MembershipFactory(organisation=organisation, user=colleague, role="representative")
        MembershipFactory(organisation=organisation, user=application.applicant)

        run_assignment(call=call, actor=operator, reviews_per_application=1)

        assert pairs(call) == {(application.pk, outsider.pk)}


def test_declared_conflicts_pins_and_bans_are_respected(call, operator, make_person):
    first, second = make_applications(call, 2)
    a, b, c = make_reviewers(call.campus, make_person, ["energy", "energy", "music"])
    with scopes_disabled():
        declare_conflict(application=first, reviewer=a, actor=a)
        AssignmentOverride.objects.create(campus=call.campus, application=first, reviewer=c, kind="pin")
        AssignmentOverride.objects.create(campus=call.campus, application=second, reviewer=b, kind="forbid")

        run_assignment(call=call, actor=operator, reviews_per_application=2, max_load=2)
        assigned = pairs(call)

    assert (first.pk, a.pk) not in assigned
    assert (first.pk, c.pk) in assigned
    assert (second.pk, b.pk) not in assigned


def test_submitted_reviews_survive_a_rerun(call, operator, make_person):
    (application,) = make_applications(call, 1)
    low, _high = make_reviewers(call.campus, make_person, ["music", "energy"])
    with scopes_disabled():
        Review.objects.create(
            campus=call.campus, application=application, reviewer=low, submitted_at=timezone.now()
        )

        run_assignment(call=call, actor=operator, reviews_per_application=1, max_load=1)

        assert pairs(call) == {(application.pk, low.pk)}


def test_not_enough_capacity_is_reported_and_changes_nothing(call, operator, make_person):
    make_applications(call, 5)
    make_reviewers(call.campus, make_person, ["energy", "energy"])

    with scopes_disabled():
        run = run_assignment(call=call, actor=operator, reviews_per_application=2, max_load=3)

        assert run.status == "infeasible"
        assert "missing" in run.message
        assert pairs(call) == set()
