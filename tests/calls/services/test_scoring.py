import pytest
from django_scopes import scopes_disabled

from opencampus.calls.models import Application, Criterion, Review
from opencampus.calls.services.scoring import ReviewError, calibrate_call, review_total, save_review
from tests.factories import ApplicationFactory, CallFactory


@pytest.fixture
def call(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        Criterion.objects.create(
            campus=campus, call=call, name_en="Impact", weight=2, scale_min=1, scale_max=5
        )
        Criterion.objects.create(
            campus=campus, call=call, name_en="Feasibility", weight=1, scale_min=0, scale_max=10
        )
    return call


def criteria(call):
    return {criterion.name_en: criterion for criterion in Criterion.objects.filter(call=call)}


def test_review_total_maps_each_criterion_onto_its_scale(call):
    with scopes_disabled():
        by_name = criteria(call)
        values = {by_name["Impact"].pk: 5, by_name["Feasibility"].pk: 0}

        assert review_total(values, list(by_name.values())) == pytest.approx(100 * 2 / 3)


def test_submitting_needs_every_criterion(call, make_person):
    reviewer = make_person(call.campus, "reviewer")
    with scopes_disabled():
        application = ApplicationFactory(call=call, state=Application.State.SUBMITTED)
        review = Review.objects.create(campus=call.campus, application=application, reviewer=reviewer)
        impact = criteria(call)["Impact"]

        save_review(review=review, values={impact.pk: 4}, comment="draft", actor=reviewer, submit=False)
        with pytest.raises(ReviewError):
            save_review(review=review, values={impact.pk: 4}, comment="x", actor=reviewer, submit=True)

        assert review.submitted_at is None
        assert review.scores.get().value == 4


def test_score_outside_the_scale_is_refused(call, make_person):
    reviewer = make_person(call.campus, "reviewer")
    with scopes_disabled():
        application = ApplicationFactory(call=call, state=Application.State.SUBMITTED)
        review = Review.objects.create(campus=call.campus, application=application, reviewer=reviewer)
        impact = criteria(call)["Impact"]

        with pytest.raises(ReviewError, match="1"):
            save_review(review=review, values={impact.pk: 9}, comment="", actor=reviewer, submit=False)


def test_calibration_removes_a_harsh_reviewers_bias(call, make_person):
    harsh, fair = make_person(call.campus, "reviewer"), make_person(call.campus, "reviewer")
    with scopes_disabled():
        by_name = criteria(call)
        applications = [ApplicationFactory(call=call, state=Application.State.SUBMITTED) for _ in range(3)]
        # The harsh reviewer gives one point less on Impact everywhere; both agree on the order.
        for application, impact in zip(applications, [3, 4, 5], strict=True):
            for reviewer, offset in ((fair, 0), (harsh, -1)):
                review = Review.objects.create(campus=call.campus, application=application, reviewer=reviewer)
                values = {by_name["Impact"].pk: max(1, impact + offset), by_name["Feasibility"].pk: 5}
                save_review(review=review, values=values, comment="", actor=reviewer, submit=True)

        result = calibrate_call(call=call)

    assert result.connected
    assert result.bias[harsh.pk] < result.bias[fair.pk]
    merits = [result.merit[application.pk] for application in applications]
    assert merits == sorted(merits)
