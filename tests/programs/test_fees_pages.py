"""The campus team's fee pages: the list with totals, paying, un-paying, CSV, and each cohort's rates."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Engagement, FeeRecord
from tests.curriculum_helpers import make_cohort
from tests.programs.fee_helpers import deliver, engaged, fee_record
from tests.programs.helpers import actions, fresh, manage_url


@pytest.fixture
def cohort(campus):
    return make_cohort(campus, starts_on=timezone.localdate() - timedelta(weeks=4))


@pytest.fixture
def team(campus, make_person):
    return make_person(campus, "operator")


@pytest.fixture
def teacher(campus, make_person):
    return make_person(campus, "mentor", name_en="Kim Minji", name_ko="김민지")


@pytest.fixture
def record(cohort, teacher, team):
    return fee_record(cohort, teacher, team, days=3, title="Field study")


def test_the_fee_list_shows_records_and_totals_for_the_filter(
    client, campus, cohort, record, team, make_person
):
    lee = make_person(campus, "instructor", name_en="Lee Jisoo")
    fee_record(cohort, lee, team, title="Systems thinking")
    client.force_login(team)
    page = client.get(manage_url(campus, "fees")).content.decode()
    assert "Field study" in page
    assert "Systems thinking" in page
    assert 'data-total="due">KRW 1,200,000<' in page
    assert 'data-total="all">KRW 1,200,000<' in page
    page = client.get(manage_url(campus, "fees"), {"q": "jisoo"}).content.decode()
    assert "Field study" not in page
    assert 'data-total="due">KRW 300,000<' in page
    assert "q=jisoo" in page  # the CSV link and the payment form keep the filter


def test_korean_pages_show_won_with_thousands_separators(client, campus, record, make_person):
    korean = make_person(campus, "operator", preferred_language="ko")
    client.force_login(korean)
    page = client.get(manage_url(campus, "fees")).content.decode()
    assert "900,000원" in page
    assert "300,000원" in page


def test_ticked_fees_are_marked_paid_and_the_filter_is_kept(client, campus, cohort, record, team):
    client.force_login(team)
    today = timezone.localdate(timezone=campus.tz)
    response = client.post(
        manage_url(campus, "fees_pay") + "?state=due", {"pay-records": [record.pk], "pay-paid_on": today}
    )
    assert response.status_code == 302
    assert response.url == manage_url(campus, "fees") + "?state=due"
    assert (fresh(record).state, fresh(record).paid_on) == (FeeRecord.State.PAID, today)
    page = client.get(response.url).content.decode()
    assert "1 fee of KRW 900,000 in all is marked paid." in page


def test_a_payment_dated_in_the_future_is_refused_keeping_the_ticks(client, campus, record, team):
    client.force_login(team)
    tomorrow = timezone.localdate(timezone=campus.tz) + timedelta(days=1)
    response = client.post(
        manage_url(campus, "fees_pay"), {"pay-records": [record.pk], "pay-paid_on": tomorrow}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "A payment cannot be dated in the future" in page
    assert f'value="{record.pk}" form="pay-form" id="pay-{record.pk}"' in page
    assert "checked" in page.split(f'id="pay-{record.pk}"')[1].split(">")[0]
    assert f'value="{tomorrow}"' in page
    assert fresh(record).state == FeeRecord.State.DUE


def test_nothing_ticked_is_refused(client, campus, record, team):
    client.force_login(team)
    response = client.post(manage_url(campus, "fees_pay"), {"pay-paid_on": timezone.localdate()})
    assert response.status_code == 400
    assert "Choose the fee records that were paid." in response.content.decode()


def test_a_paid_fee_is_set_back_to_due_with_a_reason(client, campus, record, team):
    client.force_login(team)
    client.post(
        manage_url(campus, "fees_pay"), {"pay-records": [record.pk], "pay-paid_on": timezone.localdate()}
    )
    address = manage_url(campus, "fee_due", pk=record.pk)
    response = client.post(address, {f"due-{record.pk}-reason": ""})
    assert response.status_code == 400
    assert fresh(record).state == FeeRecord.State.PAID
    response = client.post(address, {f"due-{record.pk}-reason": "Wrong account"})
    assert response.status_code == 302
    assert fresh(record).state == FeeRecord.State.DUE
    assert actions(campus, "fee.") == ["fee.recorded", "fee.paid", "fee.set_due"]


def test_the_csv_download_holds_the_filtered_records(client, campus, cohort, record, team, make_person):
    fee_record(cohort, make_person(campus, "instructor", name_en="Lee Jisoo"), team, title="Systems thinking")
    client.force_login(team)
    response = client.get(manage_url(campus, "fees_export"), {"q": "minji"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="lecture-fees-seoul-')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffinstructor,")
    assert "\r\nKim Minji,person" in text
    assert ",Field study,3,300000,900000,to be paid,\r\n" in text
    assert "Systems thinking" not in text


def engagements_url(cohort, name="engagements", **kwargs):
    return manage_url(cohort.campus, name, slug=cohort.slug, **kwargs)


def test_the_cohort_engagements_show_state_days_rate_and_expected_amount(client, cohort, teacher, team):
    engaged(cohort, teacher, days=2, title="Workshop", state="invited", fee_per_day=250_000)
    fee_record(cohort, teacher, team, days=3, title="Field study")
    client.force_login(team)
    page = client.get(engagements_url(cohort)).content.decode()
    for text in (
        "Workshop",
        "Invited",
        "KRW 500,000",
        "Field study",
        "Delivered",
        "KRW 900,000",
        "To be paid",
    ):
        assert text in page
    assert "KRW 1,400,000" in page  # expected in all


def test_the_team_changes_a_rate_until_delivery(client, cohort, teacher, team):
    engagement = engaged(cohort, teacher, state="confirmed")
    client.force_login(team)
    address = engagements_url(cohort, "engagement_rate", pk=engagement.pk)
    field = f"rate-{engagement.pk}-fee_per_day"
    response = client.post(address, {field: "20,000,000"})
    assert response.status_code == 400
    assert "The fee per day is between 0 and KRW 10,000,000." in response.content.decode()
    assert 'value="20,000,000"' in response.content.decode()
    response = client.post(address, {field: "350,000"}, follow=True)
    assert "Kim Minji is paid KRW 350,000 per day for “Lecture”." in response.content.decode()
    assert fresh(engagement).fee_per_day == 350_000

    deliver(engagement, team)
    response = client.post(address, {field: "400000"})
    assert response.status_code == 400
    assert "its fee record holds the rate of KRW 350,000 per day" in response.content.decode()
    assert fresh(engagement).fee_per_day == 350_000


def test_the_list_and_the_rates_keep_their_query_count(client, campus, cohort, team, make_person):
    client.force_login(team)

    def count(address):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    fee_record(cohort, make_person(campus, "mentor"), team)
    engaged(cohort, make_person(campus, "instructor"), state="invited")
    one = count(manage_url(campus, "fees")), count(engagements_url(cohort))
    for _n in range(2):
        fee_record(cohort, make_person(campus, "mentor"), team)
        engaged(cohort, make_person(campus, "instructor"), state="invited")
    with scopes_disabled():
        assert FeeRecord.objects.count() == 3
        assert Engagement.objects.count() == 6
    assert (count(manage_url(campus, "fees")), count(engagements_url(cohort))) == one


def fee_pages(cohort, record, engagement):
    campus = cohort.campus
    return [
        manage_url(campus, "fees"),
        manage_url(campus, "fees_export"),
        engagements_url(cohort),
    ], [
        (manage_url(campus, "fees_pay"), {"pay-records": [record.pk], "pay-paid_on": timezone.localdate()}),
        (manage_url(campus, "fee_due", pk=record.pk), {f"due-{record.pk}-reason": "x"}),
        (
            engagements_url(cohort, "engagement_rate", pk=engagement.pk),
            {f"rate-{engagement.pk}-fee_per_day": "1"},
        ),
    ]


@pytest.fixture
def pages(cohort, record, teacher):
    return fee_pages(cohort, record, engaged(cohort, teacher, state="invited"))


def untouched(record):
    assert fresh(record).state == FeeRecord.State.DUE
    with scopes_disabled():
        assert not Engagement.objects.filter(fee_per_day=1).exists()


def test_anonymous_people_are_sent_to_log_in(client, campus, record, pages):
    login = campus_reverse(campus, "people:login")
    reads, writes = pages
    for address in reads:
        assert client.get(address).url.startswith(login), address
    for address, data in writes:
        assert client.post(address, data).url.startswith(login), address
    untouched(record)


@pytest.mark.parametrize("who", ["participant", "teacher", "other_operator"])
def test_people_outside_the_campus_team_are_refused(client, record, pages, request, who):
    client.force_login(request.getfixturevalue(who))
    reads, writes = pages
    for address in reads:
        assert client.get(address).status_code == 403, address
    for address, data in writes:
        assert client.post(address, data).status_code == 403, address
    untouched(record)


def test_another_campus_cannot_reach_this_campus_records_by_id(
    client, campus, cohort, record, other_campus, make_person
):
    theirs = make_person(other_campus, "operator")
    client.force_login(theirs)
    other_url = campus_reverse(other_campus, "programs_manage:fee_due", pk=record.pk)
    assert client.post(other_url, {f"due-{record.pk}-reason": "x"}).status_code == 404
    other_rate = campus_reverse(other_campus, "programs_manage:engagements", slug=cohort.slug)
    assert client.get(other_rate).status_code == 404
    response = client.post(
        campus_reverse(other_campus, "programs_manage:fees_pay"),
        {"pay-records": [record.pk], "pay-paid_on": timezone.localdate()},
    )
    assert response.status_code == 400  # not one of this campus's records to choose
    assert fresh(record).state == FeeRecord.State.DUE
