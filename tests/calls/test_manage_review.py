import itertools
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.calls.models import (
    Answer,
    Application,
    AssignmentOverride,
    AssignmentRun,
    Conflict,
    Criterion,
    Review,
    ReviewPhase,
    Score,
)
from opencampus.calls.services.conflicts import declare_conflict
from opencampus.core.links import campus_reverse
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
)

SUBMITTED = Application.State.SUBMITTED
NUMBERS = itertools.count(1)


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


@pytest.fixture
def call(campus):
    with scopes_disabled():
        return CallFactory(campus=campus, slug="pilot")


@pytest.fixture
def team(operator):
    operator.preferred_language = "en"
    operator.save(update_fields=["preferred_language"])
    return operator


def make_applications(call, count, text="energy cooperative"):
    with scopes_disabled():
        applications = [
            ApplicationFactory(call=call, campus=call.campus, state=SUBMITTED) for _ in range(count)
        ]
        question = QuestionFactory(
            section__form=applications[0].form, section__campus=call.campus, kind="long_text"
        )
        for application in applications:
            Answer.objects.create(campus=call.campus, application=application, question=question, value=text)
    return applications


def make_reviewers(campus, make_person, count, expertise="energy"):
    reviewers = []
    for _ in range(count):
        reviewer = make_person(campus, "reviewer", email=f"reviewer{next(NUMBERS)}@example.org")
        reviewer.profile.expertise = expertise
        reviewer.profile.save()
        reviewers.append(reviewer)
    return reviewers


def pairs(call):
    with scopes_disabled():
        return set(Review.objects.filter(application__call=call).values_list("application_id", "reviewer_id"))


def make_criterion(call, **fields):
    with scopes_disabled():
        return Criterion.objects.create(campus=call.campus, call=call, **{"name_en": "Impact", **fields})


def make_phase(call, **fields):
    now = timezone.now()
    defaults = {
        "name_en": "First round",
        "starts_at": now - timedelta(days=1),
        "ends_at": now + timedelta(days=7),
        "reviews_per_application": 2,
    }
    with scopes_disabled():
        return ReviewPhase.objects.create(campus=call.campus, call=call, **{**defaults, **fields})


def get_urls(campus, call):
    return [
        url(campus, "review_setup", slug=call.slug),
        url(campus, "new_phase", slug=call.slug),
        url(campus, "new_criterion", slug=call.slug),
        url(campus, "review_assignment", slug=call.slug),
        url(campus, "review_conflicts", slug=call.slug),
    ]


def post_urls(campus, call, phase, criterion, override):
    return [
        url(campus, "new_phase", slug=call.slug),
        url(campus, "edit_phase", slug=call.slug, pk=phase.pk),
        url(campus, "delete_phase", slug=call.slug, pk=phase.pk),
        url(campus, "new_criterion", slug=call.slug),
        url(campus, "delete_criterion", slug=call.slug, pk=criterion.pk),
        url(campus, "move_criterion", slug=call.slug, pk=criterion.pk),
        url(campus, "run_assignment", slug=call.slug),
        url(campus, "add_override", slug=call.slug),
        url(campus, "delete_override", slug=call.slug, pk=override.pk),
        url(campus, "review_conflicts", slug=call.slug),
    ]


@pytest.fixture
def setup(call, make_person):
    (application,) = make_applications(call, 1)
    (reviewer,) = make_reviewers(call.campus, make_person, 1)
    phase = make_phase(call)
    criterion = make_criterion(call)
    with scopes_disabled():
        override = AssignmentOverride.objects.create(
            campus=call.campus, application=application, reviewer=reviewer, kind="forbid"
        )
    return phase, criterion, override


def nothing_changed(call, phase, criterion, override):
    with scopes_disabled():
        assert ReviewPhase.objects.filter(pk=phase.pk).exists()
        assert Criterion.objects.filter(pk=criterion.pk).exists()
        assert AssignmentOverride.objects.filter(pk=override.pk).exists()
        assert not AssignmentRun.objects.exists()
        assert not Conflict.objects.exists()


# Who may come in


def test_pages_send_anonymous_people_to_login(client, campus, call, setup):
    login = campus_reverse(campus, "people:login")
    for address in get_urls(campus, call) + post_urls(campus, call, *setup):
        response = client.post(address) if address not in get_urls(campus, call) else client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login)
    nothing_changed(call, *setup)


@pytest.fixture
def reviewer_person(campus, make_person):
    return make_person(campus, "reviewer")


@pytest.mark.parametrize("person", ["participant", "reviewer_person", "other_operator"])
def test_pages_forbid_people_without_a_team_role_here(client, campus, call, setup, request, person):
    client.force_login(request.getfixturevalue(person))

    for address in get_urls(campus, call):
        assert client.get(address).status_code == 403, address
    for address in post_urls(campus, call, *setup):
        assert client.post(address).status_code == 403, address
    nothing_changed(call, *setup)


def test_another_campus_call_is_not_found(client, campus, other_campus, staff_member):
    with scopes_disabled():
        CallFactory(campus=other_campus, slug="theirs")
    client.force_login(staff_member)

    assert client.get(url(campus, "review_setup", slug="theirs")).status_code == 404
    assert client.get(url(campus, "review_assignment", slug="theirs")).status_code == 404


def test_another_calls_phase_is_not_found(client, campus, call, team):
    with scopes_disabled():
        other = CallFactory(campus=campus, slug="other")
    phase = make_phase(other)
    client.force_login(team)

    assert client.get(url(campus, "edit_phase", slug=call.slug, pk=phase.pk)).status_code == 404
    assert client.post(url(campus, "delete_phase", slug=call.slug, pk=phase.pk)).status_code == 404


# Phases


def phase_data(**fields):
    return {
        "name_ko": "1차 심사",
        "name_en": "First round",
        "starts_at": "2020-08-01T09:00",
        "ends_at": "2020-08-15T18:00",
        "reviews_per_application": "3",
        "is_blind": "on",
        **fields,
    }


def test_adding_a_phase_reads_dates_in_campus_time(client, campus, call, team):
    client.force_login(team)

    response = client.post(url(campus, "new_phase", slug=call.slug), phase_data(can_see_other_reviews="on"))

    assert response.status_code == 302
    with scopes_disabled():
        phase = ReviewPhase.objects.get(call=call)
    assert phase.starts_at == datetime(2020, 8, 1, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
    assert phase.is_blind
    assert phase.can_see_other_reviews
    assert not phase.can_change_decisions
    assert phase.reviews_per_application == 3
    setup_page = client.get(url(campus, "review_setup", slug=call.slug))
    assert "2020-08-01 09:00" in setup_page.text


def test_a_phase_ending_before_it_starts_is_refused_and_values_kept(client, campus, call, team):
    client.force_login(team)

    response = client.post(
        url(campus, "new_phase", slug=call.slug),
        phase_data(name_en="Second round", ends_at="2020-07-01T09:00", reviews_per_application="0"),
    )

    assert response.status_code == 200
    assert "The phase must end after it starts." in response.text
    assert "Second round" in response.text
    assert "2020-07-01T09:00" in response.text
    assert response.context["form"].errors.keys() == {"ends_at", "reviews_per_application"}
    with scopes_disabled():
        assert not ReviewPhase.objects.exists()


def test_editing_and_deleting_a_phase(client, campus, call, team):
    phase = make_phase(call)
    client.force_login(team)

    client.post(url(campus, "edit_phase", slug=call.slug, pk=phase.pk), phase_data(name_en="Final round"))
    with scopes_disabled():
        phase.refresh_from_db()
    assert phase.name_en == "Final round"
    assert not phase.can_see_other_reviews

    client.post(url(campus, "delete_phase", slug=call.slug, pk=phase.pk))
    with scopes_disabled():
        assert not ReviewPhase.objects.exists()


# Rubric


def criterion_data(**fields):
    return {
        "name_ko": "파급력",
        "name_en": "Impact",
        "guidance_en": "Who gains?",
        "weight": "2",
        **fields,
    } | {
        "scale_min": fields.get("scale_min", "1"),
        "scale_max": fields.get("scale_max", "5"),
    }


def test_adding_criteria_puts_them_last(client, campus, call, team):
    client.force_login(team)

    client.post(url(campus, "new_criterion", slug=call.slug), criterion_data())
    client.post(
        url(campus, "new_criterion", slug=call.slug), criterion_data(name_en="Feasibility", weight="1.5")
    )

    with scopes_disabled():
        names = list(
            Criterion.objects.filter(call=call).order_by("position").values_list("name_en", "weight")
        )
    assert [(name, float(weight)) for name, weight in names] == [("Impact", 2.0), ("Feasibility", 1.5)]
    page = client.get(url(campus, "review_setup", slug=call.slug))
    assert "Who gains?" in page.text
    assert "(57%)" in page.text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"weight": "0"}, "weight"),
        ({"scale_min": "5", "scale_max": "5"}, "scale_max"),
        ({"name_ko": "", "name_en": ""}, "name_ko"),
    ],
)
def test_an_invalid_criterion_is_refused_and_values_kept(client, campus, call, team, fields, field):
    client.force_login(team)

    response = client.post(
        url(campus, "new_criterion", slug=call.slug), criterion_data(**{"guidance_en": "Keep me", **fields})
    )

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Keep me" in response.text
    with scopes_disabled():
        assert not Criterion.objects.exists()


def test_moving_criteria(client, campus, call, team):
    first = make_criterion(call, name_en="First", position=0)
    second = make_criterion(call, name_en="Second", position=1)
    third = make_criterion(call, name_en="Third", position=2)
    client.force_login(team)

    client.post(url(campus, "move_criterion", slug=call.slug, pk=third.pk), {"direction": "up"})
    client.post(
        url(campus, "move_criterion", slug=call.slug, pk=first.pk), {"direction": "up"}
    )  # already first

    with scopes_disabled():
        order = list(Criterion.objects.filter(call=call).order_by("position", "pk"))
    assert order == [first, third, second]


def scored(call, criterion, make_person):
    reviewer = make_person(call.campus, "reviewer")
    with scopes_disabled():
        application = ApplicationFactory(call=call, campus=call.campus, state=SUBMITTED)
        review = Review.objects.create(campus=call.campus, application=application, reviewer=reviewer)
        Score.objects.create(campus=call.campus, review=review, criterion=criterion, value=3)


def test_a_criterion_with_scores_keeps_its_scale_and_cannot_be_deleted(
    client, campus, call, team, make_person
):
    criterion = make_criterion(call)
    scored(call, criterion, make_person)
    client.force_login(team)

    edit = client.post(
        url(campus, "edit_criterion", slug=call.slug, pk=criterion.pk), criterion_data(scale_max="10")
    )
    reworded = client.post(
        url(campus, "edit_criterion", slug=call.slug, pk=criterion.pk),
        criterion_data(name_en="Social impact"),
    )
    delete = client.post(url(campus, "delete_criterion", slug=call.slug, pk=criterion.pk), follow=True)

    assert edit.status_code == 200
    assert "scale cannot change" in edit.text
    assert reworded.status_code == 302
    assert "cannot be deleted" in delete.text
    with scopes_disabled():
        criterion.refresh_from_db()
        assert criterion.scale_max == 5
        assert criterion.name_en == "Social impact"
        assert Score.objects.count() == 1


# Assignment


def test_assignment_page_defaults_to_the_phases_k_and_an_even_load(client, campus, call, team, make_person):
    make_applications(call, 4)
    make_reviewers(campus, make_person, 3)
    make_phase(call, reviews_per_application=2)
    client.force_login(team)

    response = client.get(url(campus, "review_assignment", slug=call.slug))

    form = response.context["run_form"]
    assert form.initial["reviews_per_application"] == 2
    assert form.initial["max_load"] == 4  # ceil(4 * 2 / 3) + 1
    assert form.initial["min_load"] == 0


def test_running_the_assignment_creates_reviews_and_shows_progress(client, campus, call, team, make_person):
    applications = make_applications(call, 3)
    make_reviewers(campus, make_person, 3)
    client.force_login(team)

    response = client.post(
        url(campus, "run_assignment", slug=call.slug),
        {"reviews_per_application": "2", "min_load": "1", "max_load": "3"},
        follow=True,
    )

    assert len(pairs(call)) == 6
    with scopes_disabled():
        run = AssignmentRun.objects.get()
    assert run.status == "optimal"
    assert run.actor == team
    html = response.text
    assert "Reviewers are assigned" in html
    assert "optimal" in html
    assert response.context["k"] == 2
    assert [application.assigned for application in response.context["applications"]] == [2, 2, 2]
    assert sum(row["assigned"] for row in response.context["reviewer_rows"]) == 6
    assert {application.pk for application in response.context["applications"]} == {
        a.pk for a in applications
    }


def test_infeasible_assignment_says_how_much_capacity_is_missing(client, campus, call, team, make_person):
    make_applications(call, 5)
    make_reviewers(campus, make_person, 2)
    client.force_login(team)

    response = client.post(
        url(campus, "run_assignment", slug=call.slug),
        {"reviews_per_application": "2", "min_load": "0", "max_load": "3"},
        follow=True,
    )

    assert pairs(call) == set()
    html = response.text
    assert 'role="alert"' in html
    assert "The last run found no assignment" in html
    assert "(4 missing)" in html
    messages = [str(message) for message in response.context["messages"]]
    assert messages[0].startswith("No assignment was made")


def test_invalid_parameters_are_refused_and_kept(client, campus, call, team):
    client.force_login(team)

    response = client.post(
        url(campus, "run_assignment", slug=call.slug),
        {"reviews_per_application": "3", "min_load": "9", "max_load": "4", "one_per_organisation": "on"},
    )

    assert response.status_code == 200
    assert "max_load" in response.context["run_form"].errors
    assert 'value="9"' in response.text
    with scopes_disabled():
        assert not AssignmentRun.objects.exists()


def test_pins_and_bans_are_honoured_by_a_rerun(client, campus, call, team, make_person):
    first, second = make_applications(call, 2)
    energy, _other = make_reviewers(campus, make_person, 2)
    (music,) = make_reviewers(campus, make_person, 1, expertise="music")
    with scopes_disabled():
        music.email = "music@example.org"
        music.save()
    client.force_login(team)
    parameters = {"reviews_per_application": "1", "min_load": "0", "max_load": "2"}

    client.post(url(campus, "run_assignment", slug=call.slug), parameters)
    assert (first.pk, music.pk) not in pairs(call)

    pin = client.post(
        url(campus, "add_override", slug=call.slug),
        {"kind": "pin", "email": "MUSIC@example.org", "application": first.pk},
    )
    ban = client.post(
        url(campus, "add_override", slug=call.slug),
        {"kind": "forbid", "email": energy.email, "application": second.pk},
    )
    client.post(url(campus, "run_assignment", slug=call.slug), parameters)

    assert pin.status_code == ban.status_code == 302
    assigned = pairs(call)
    assert (first.pk, music.pk) in assigned
    assert (second.pk, energy.pk) not in assigned
    page = client.get(url(campus, "review_assignment", slug=call.slug))
    assert len(page.context["overrides"]) == 2

    with scopes_disabled():
        override = AssignmentOverride.objects.get(kind="pin")
    client.post(url(campus, "delete_override", slug=call.slug, pk=override.pk))
    with scopes_disabled():
        assert list(AssignmentOverride.objects.values_list("kind", flat=True)) == ["forbid"]


def test_an_override_for_an_unknown_reviewer_or_application_is_refused_and_kept(
    client, campus, call, team, make_person, other_campus
):
    (application,) = make_applications(call, 1)
    with scopes_disabled():
        foreign = ApplicationFactory(
            call=CallFactory(campus=other_campus), campus=other_campus, state=SUBMITTED
        )
    make_person(campus, "participant", email="not-a-reviewer@example.org")
    client.force_login(team)

    response = client.post(
        url(campus, "add_override", slug=call.slug),
        {"kind": "pin", "email": "not-a-reviewer@example.org", "application": foreign.pk},
    )

    assert response.status_code == 200
    errors = response.context["override_form"].errors
    assert errors.keys() == {"email", "application"}
    assert "not-a-reviewer@example.org" in response.text
    with scopes_disabled():
        assert not AssignmentOverride.objects.exists()
    assert application.pk != foreign.pk


def test_pinning_a_conflict_is_refused(client, campus, call, team, make_person):
    (application,) = make_applications(call, 1)
    (reviewer,) = make_reviewers(campus, make_person, 1)
    with scopes_disabled():
        declare_conflict(application=application, reviewer=reviewer, actor=reviewer)
    client.force_login(team)

    response = client.post(
        url(campus, "add_override", slug=call.slug),
        {"kind": "pin", "email": reviewer.email, "application": application.pk},
    )

    assert response.status_code == 200
    assert "conflict of interest" in response.text
    with scopes_disabled():
        assert not AssignmentOverride.objects.exists()


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def test_assignment_page_query_count_does_not_grow(client, campus, call, team, make_person):
    make_phase(call)
    client.force_login(team)
    address = url(campus, "review_assignment", slug=call.slug)

    def grow(count):
        applications = make_applications(call, count)
        reviewers = make_reviewers(campus, make_person, count, expertise=f"topic{count}")
        with scopes_disabled():
            for application in applications:
                for reviewer in reviewers:
                    Review.objects.create(campus=campus, application=application, reviewer=reviewer)
                    AssignmentOverride.objects.create(
                        campus=campus, application=application, reviewer=reviewer, kind="pin"
                    )

    grow(1)
    with scopes_disabled():
        AssignmentRun.objects.create(campus=campus, call=call, status="optimal", parameters={})
    one = count_queries(client, address)
    grow(3)
    with scopes_disabled():
        Review.objects.filter(application__call=call).update(submitted_at=timezone.now())
        AssignmentRun.objects.create(campus=campus, call=call, status="infeasible", message="x (1 missing)")
    three = count_queries(client, address)

    assert one == three


def test_progress_lists_a_page_of_applications(client, campus, call, team):
    with scopes_disabled():
        for _ in range(51):
            ApplicationFactory(call=call, campus=campus, state=SUBMITTED)
    client.force_login(team)

    first = client.get(url(campus, "review_assignment", slug=call.slug))
    second = client.get(url(campus, "review_assignment", slug=call.slug), {"page": 2})

    assert len(first.context["applications"]) == 50
    assert len(second.context["applications"]) == 1


# Conflicts


def test_conflicts_list_declared_and_organisation_conflicts(client, campus, call, team, make_person):
    first, second = make_applications(call, 2)
    declared, colleague = make_reviewers(campus, make_person, 2)
    organisation = OrganisationFactory(campus=campus, name_en="Energy Co-op")
    with scopes_disabled():
        MembershipFactory(organisation=organisation, user=colleague)
        MembershipFactory(organisation=organisation, user=second.applicant)
        declare_conflict(application=first, reviewer=declared, note="My cousin", actor=declared)
    client.force_login(team)

    response = client.get(url(campus, "review_conflicts", slug=call.slug))

    rows = {(row["application"].pk, row["reviewer"].pk): row for row in response.context["rows"]}
    assert rows.keys() == {(first.pk, declared.pk), (second.pk, colleague.pk)}
    assert rows[first.pk, declared.pk]["conflict"].note == "My cousin"
    assert rows[second.pk, colleague.pk]["conflict"] is None
    assert "My cousin" in response.text
    assert "Shared organisation" in response.text


def test_staff_record_a_conflict_and_the_unsubmitted_review_goes(
    client, campus, call, staff_member, make_person
):
    (application,) = make_applications(call, 1)
    (reviewer,) = make_reviewers(campus, make_person, 1)
    with scopes_disabled():
        Review.objects.create(campus=campus, application=application, reviewer=reviewer)
    client.force_login(staff_member)

    response = client.post(
        url(campus, "review_conflicts", slug=call.slug),
        {"email": reviewer.email, "application": application.pk, "note": "Board member"},
    )

    assert response.status_code == 302
    assert pairs(call) == set()
    with scopes_disabled():
        conflict = Conflict.objects.get()
    assert conflict.source == Conflict.Source.STAFF
    assert conflict.note == "Board member"


def test_recording_a_conflict_for_an_unknown_reviewer_keeps_the_values(client, campus, call, team):
    (application,) = make_applications(call, 1)
    client.force_login(team)

    response = client.post(
        url(campus, "review_conflicts", slug=call.slug),
        {"email": "nobody@example.org", "application": application.pk, "note": "Keep this note"},
    )

    assert response.status_code == 200
    assert "Keep this note" in response.text
    with scopes_disabled():
        assert not Conflict.objects.exists()


CAPACITY = (
    "%(needed)s reviews are needed but the reviewers can take at most %(capacity)s (%(missing)s missing)."
)


def test_infeasible_assignment_is_explained_in_each_operators_language(client, campus, call, make_person):
    make_applications(call, 5)
    make_reviewers(campus, make_person, 2)
    korean = make_person(campus, "operator", preferred_language="ko")
    english = make_person(campus, "operator", preferred_language="en")
    client.force_login(korean)

    ran = client.post(
        url(campus, "run_assignment", slug=call.slug),
        {"reviews_per_application": "2", "min_load": "0", "max_load": "3"},
        follow=True,
    )
    client.force_login(english)
    english_page = client.get(url(campus, "review_assignment", slug=call.slug))

    with scopes_disabled():
        run = AssignmentRun.objects.get(call=call)
    assert run.message.startswith("infeasible: needs 10 reviews")  # the solver's English, kept
    assert run.parameters["notices"] == [
        {"code": "capacity", "params": {"needed": 10, "capacity": 6, "missing": 4}}
    ]
    korean_text = "심사가 10건 필요하지만 심사위원이 맡을 수 있는 심사는 최대 6건입니다(4건 부족)."
    assert korean_text in ran.text
    assert "needs 10 reviews" not in ran.text
    assert korean_text in str(next(iter(ran.context["messages"])))
    assert "10 reviews are needed but the reviewers can take at most 6 (4 missing)." in english_page.text
    assert "needs 10 reviews" not in english_page.text


def test_a_run_recorded_without_notices_shows_its_message(client, campus, call, team):
    with scopes_disabled():
        AssignmentRun.objects.create(
            campus=campus, call=call, status="infeasible", message="infeasible: old reason (3 missing)"
        )
    client.force_login(team)

    response = client.get(url(campus, "review_assignment", slug=call.slug))

    assert "infeasible: old reason (3 missing)" in response.text
