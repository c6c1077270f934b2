from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.park.models import VisitRequest, VisitSurvey
from tests.factories import TourSlotFactory, VisitRequestFactory

from .helpers import fresh, mails

State = VisitRequest.State


def request_url(campus):
    return campus_reverse(campus, "visits:request")


def status_url(visit):
    return campus_reverse(visit.campus, "visits:status", token=visit.token)


def in_days(days):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def answers(**changes):
    return {
        "institution": "Jeonju City Hall",
        "institution_kind": "local_government",
        "country": "KR",
        "contact_name": "Lee Jiwoo",
        "contact_email": "lee@jeonju.example",
        "contact_phone": "063-000-0000",
        "group_size": "25",
        "language": "en",
        "preferred_date_1": in_days(14),
        "preferred_date_2": in_days(15),
        "topics": "Energy transition, Fab Lab",
        "consent": "on",
        **changes,
    }


def only_visit(campus):
    with scopes_disabled():
        return VisitRequest.objects.get(campus=campus)


def test_anyone_can_request_a_visit_and_gets_a_private_status_link(client, campus):
    response = client.post(request_url(campus), answers())

    visit = only_visit(campus)
    assert response.status_code == 302
    assert response.url == campus_reverse(campus, "visits:received", token=visit.token)
    assert visit.requested_by is None
    assert visit.preferred_dates == [in_days(14), in_days(15)]
    assert (visit.group_size, visit.language, visit.state) == (25, "en", State.REQUESTED)
    [mail] = mails(campus)
    assert (mail.to, mail.language) == ("lee@jeonju.example", "en")

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert f"/c/seoul/visits/{visit.token}/" in thanks.content.decode()
    assert thanks["X-Robots-Tag"].startswith("noindex")


def test_the_form_is_prefilled_for_people_signed_in(client, campus, participant):
    client.force_login(participant)
    form = client.get(request_url(campus)).context["form"]
    assert form.initial["contact_email"] == participant.email

    client.post(request_url(campus), answers(contact_email=participant.email))
    assert only_visit(campus).requested_by == participant


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"preferred_date_1": timezone.localdate().isoformat()}, "preferred_date_1"),
        ({"preferred_date_3": "2001-01-01"}, "preferred_date_3"),
        ({"group_size": "0"}, "group_size"),
        ({"country": "other", "other_country": "f1"}, "other_country"),
        ({"consent": ""}, "consent"),
        ({"contact_email": "not-an-address"}, "contact_email"),
    ],
)
def test_bad_answers_are_explained_and_kept(client, campus, changes, field):
    response = client.post(request_url(campus), answers(**changes))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert form["institution"].value() == "Jeonju City Hall"
    with scopes_disabled():
        assert not VisitRequest.objects.exists()


def test_another_country_is_typed_as_its_code(client, campus):
    client.post(request_url(campus), answers(country="other", other_country="br"))
    assert only_visit(campus).country == "BR"


def test_a_group_larger_than_any_tour_is_told_to_split(client, campus):
    with scopes_disabled():
        TourSlotFactory(campus=campus, capacity=40)
    response = client.post(request_url(campus), answers(group_size="41"))
    assert "at most 40 visitors" in str(response.context["form"].errors["group_size"])


def test_the_status_page_shows_state_tour_and_note(client, campus, confirmed):
    with scopes_disabled():
        VisitRequest.objects.filter(pk=confirmed.pk).update(staff_note="Meet at the main gate")

    response = client.get(status_url(confirmed))

    page = response.content.decode()
    assert response.status_code == 200
    assert confirmed.institution in page
    assert "Meet at the main gate" in page
    assert "survey_form" in response.context
    assert response.context["survey_form"] is None


def test_unknown_tokens_and_other_campus_tokens_are_not_found(client, campus, foreign_visit):
    assert client.get(campus_reverse(campus, "visits:status", token="nope")).status_code == 404
    response = client.get(campus_reverse(campus, "visits:status", token=foreign_visit.token))
    assert response.status_code == 404
    assert "Busan Office" not in response.content.decode()
    assert client.get(campus_reverse(campus, "visits:received", token=foreign_visit.token)).status_code == 404


def test_after_the_visit_the_status_page_takes_the_survey_once(client, campus, confirmed):
    with scopes_disabled():
        VisitRequest.objects.filter(pk=confirmed.pk).update(state=State.VISITED, headcount=9)
    url = status_url(confirmed)
    assert client.get(url).context["survey_form"] is not None

    bad = client.post(url, {"rating": "9", "most_useful": "Fab Lab"})
    assert bad.status_code == 200
    assert "rating" in bad.context["survey_form"].errors
    assert bad.context["survey_form"]["most_useful"].value() == "Fab Lab"

    assert (
        client.post(url, {"rating": "5", "most_useful": "Fab Lab", "would_recommend": "on"}).status_code
        == 302
    )
    again = client.post(url, {"rating": "1"})
    assert again.status_code == 302

    with scopes_disabled():
        survey = VisitSurvey.objects.get(visit=confirmed)
    assert (survey.rating, survey.would_recommend) == (5, True)
    assert client.get(url).context["survey_form"] is None
    assert fresh(confirmed).state == State.VISITED


def test_one_address_cannot_flood_the_outbox_and_keeps_what_it_typed(client, campus):
    for _ in range(3):
        assert client.post(request_url(campus), answers()).status_code == 302

    response = client.post(request_url(campus), answers(institution="Jeonju Youth Centre"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "We already received 3 requests from this address today" in page
    assert 'value="Jeonju Youth Centre"' in page
    with scopes_disabled():
        assert VisitRequest.objects.filter(campus=campus).count() == 3


def test_a_burst_of_requests_from_many_addresses_is_slowed_down(client, campus):
    with scopes_disabled():
        VisitRequestFactory.create_batch(60, campus=campus)

    response = client.post(request_url(campus), answers())

    assert "too many requests right now" in response.content.decode()
