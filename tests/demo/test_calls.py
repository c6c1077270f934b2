import pytest
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, AssignmentRun, Call, Review
from opencampus.calls.services.forms import current_form, questions_of
from opencampus.calls.services.scoring import calibrate_call


@pytest.mark.django_db
def test_pilot_call_of_2020_has_30_places_and_its_applications(demo):
    with scopes_disabled():
        call = Call.objects.get(campus__slug="seoul", slug="top-innovator-pilot-2020")
        states = set(call.applications.values_list("state", flat=True))

        assert call.places == 30
        assert call.closes_at.year == 2020
        assert call.applications.count() == 90
        assert states == {Application.State.SUBMITTED, Application.State.INELIGIBLE}
        assert all(application.answers.count() == 5 for application in call.applications.all()[:5])


@pytest.mark.django_db
def test_demo_forms_ask_for_the_fields_of_the_mentor_network(demo):
    with scopes_disabled():
        call = Call.objects.get(slug="top-innovator-pilot-2020")
        field = next(question for question in questions_of(current_form(call)) if question.key == "field")

        assert [choice["value"] for choice in field.choices] == [
            "environment",
            "manufacturing",
            "investment",
            "digital",
        ]


@pytest.mark.django_db
def test_citizen_course_call_is_published_for_the_portal(demo):
    with scopes_disabled():
        call = Call.objects.get(slug="citizen-innovator-2027")

        assert call.is_published
        assert not call.applications.exists()


@pytest.mark.django_db
def test_pilot_call_has_a_solved_assignment_and_scored_reviews(demo):
    with scopes_disabled():
        call = Call.objects.get(slug="top-innovator-pilot-2020")
        run = AssignmentRun.objects.get(call=call)
        reviewable = call.applications.filter(state=Application.State.SUBMITTED).count()

        assert run.status == "optimal"
        assert run.objective == pytest.approx(run.bound)
        assert Review.objects.filter(application__call=call).count() == 3 * reviewable
        assert Review.objects.filter(application__call=call, submitted_at__isnull=True).exists()
        assert len(calibrate_call(call=call).merit) == reviewable


@pytest.mark.django_db
def test_lab_residency_is_applied_for_by_organisations_and_the_demo_reviewer_has_work(demo):
    with scopes_disabled():
        call = Call.objects.get(slug="social-innovation-lab-2027")
        open_reviews = Review.objects.filter(
            application__call=call,
            reviewer__email="reviewer@demo.opencampus.example",
            submitted_at__isnull=True,
        )

        assert call.places == 19
        assert not call.applications.filter(organisation__isnull=True).exists()
        assert open_reviews.count() == 5
        assert call.review_phases.get().ends_at.year == 2026
