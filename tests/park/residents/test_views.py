"""The campus team's residents pages: permissions, the list, a residency's page, quotas and the import."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opencampus.core.models import OutboxMessage
from opencampus.park.models import Residency
from opencampus.people.models import Organisation
from tests.factories import MembershipFactory, OrganisationFactory, ResidencyFactory, SpaceFactory

from .test_import import GOOD, csv_text

BASE = "/c/seoul/manage/residents"
PAGES = ["/", "/new/", "/quota/", "/import/", "/import/template.csv"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_people_are_sent_to_log_in(client, campus, page):
    response = client.get(BASE + page)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_people_outside_the_team_are_refused(client, campus, participant, page):
    client.force_login(participant)

    assert client.get(BASE + page).status_code == 403


def test_operator_of_another_campus_is_refused(client, campus, other_operator):
    client.force_login(other_operator)

    assert client.get(BASE + "/").status_code == 403


def test_residency_of_another_campus_is_not_found(client, campus, staff_member, other_campus):
    foreign = ResidencyFactory(organisation__campus=other_campus)
    client.force_login(staff_member)

    assert client.get(f"{BASE}/{foreign.pk}/").status_code == 404
    assert client.post(f"{BASE}/{foreign.pk}/state/", {"state": "leaving"}).status_code == 404
    assert Residency.objects.get(pk=foreign.pk).state == "resident"


def test_state_change_needs_the_team(client, residency, participant):
    client.force_login(participant)

    assert client.post(f"{BASE}/{residency.pk}/state/", {"state": "leaving"}).status_code == 403
    assert Residency.objects.get(pk=residency.pk).state == "resident"


def test_list_shows_spaces_term_fee_quota_and_hours_booked(client, residency, staff_member, book, campus):
    start = timezone.localtime(timezone=campus.tz).replace(day=1, hour=9, minute=0, second=0, microsecond=0)
    book(residency.organisation, start, start.replace(hour=21))
    client.force_login(staff_member)

    response = client.get(BASE + "/")

    text = response.text
    assert "Sunlight Co-op" in text
    assert "Studio" in text
    assert "KRW 300,000" in text
    assert "12 / 10" in text
    assert "over quota" in text


def test_list_filters_by_state_category_and_name(client, residency, staff_member, campus):
    ResidencyFactory(
        organisation__campus=campus, organisation__name_en="Moon Lab", organisation__category="digital"
    )
    ResidencyFactory(organisation__campus=campus, organisation__name_en="Old Friends", state="left")
    client.force_login(staff_member)

    current = client.get(BASE + "/").text
    left = client.get(BASE + "/?state=left").text
    digital = client.get(BASE + "/?category=digital").text
    named = client.get(BASE + "/?q=sunlight").text

    assert "Old Friends" not in current
    assert "Moon Lab" in current
    assert "Old Friends" in left
    assert "Moon Lab" not in left
    assert "Moon Lab" in digital
    assert "Sunlight Co-op" not in digital
    assert "Sunlight Co-op" in named
    assert "Moon Lab" not in named


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("page", ["/", "/quota/"])
def test_list_and_quota_run_same_queries_for_one_and_three_residencies(
    client, residency, staff_member, campus, page, book
):
    client.force_login(staff_member)
    now = timezone.now()
    book(residency.organisation, now, now + timezone.timedelta(hours=1))
    one = queries_for(client, BASE + page)
    for other in ResidencyFactory.create_batch(2, organisation__campus=campus):
        other.spaces.set([SpaceFactory(campus=campus)])
        book(other.organisation, now, now + timezone.timedelta(hours=1))

    assert queries_for(client, BASE + page) == one


def test_staff_create_a_residency_for_an_existing_organisation(client, campus, staff_member, room):
    organisation = OrganisationFactory(campus=campus, name_en="New Tenant")
    client.force_login(staff_member)

    form = client.get(BASE + "/new/")
    response = client.post(
        BASE + "/new/",
        {
            "organisation": organisation.pk,
            "state": "resident",
            "spaces": [room.pk],
            "starts_on": "2026-09-01",
            "ends_on": "",
            "monthly_fee": "250000",
            "monthly_booking_hours": "15",
            "note": "",
        },
    )

    assert "New Tenant" in form.text
    residency = Residency.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}/{residency.pk}/"
    assert (residency.state, residency.monthly_booking_hours) == ("resident", 15)
    assert list(residency.spaces.all()) == [room]


def test_create_form_keeps_what_was_typed_on_a_bad_term(client, campus, staff_member):
    organisation = OrganisationFactory(campus=campus)
    client.force_login(staff_member)

    response = client.post(
        BASE + "/new/",
        {
            "organisation": organisation.pk,
            "state": "applied",
            "starts_on": "2026-09-01",
            "ends_on": "2026-08-01",
            "monthly_fee": "123456",
            "monthly_booking_hours": "15",
        },
    )

    assert response.status_code == 200
    assert "The term must end after it starts." in response.text
    assert 'value="123456"' in response.text
    assert not Residency.objects.exists()


def test_create_form_does_not_offer_spaces_of_another_campus(client, campus, staff_member, other_campus):
    organisation = OrganisationFactory(campus=campus)
    foreign = SpaceFactory(campus=other_campus)
    client.force_login(staff_member)

    response = client.post(
        BASE + "/new/",
        {
            "organisation": organisation.pk,
            "state": "applied",
            "spaces": [foreign.pk],
            "starts_on": "2026-09-01",
            "monthly_fee": "0",
            "monthly_booking_hours": "15",
        },
    )

    assert response.status_code == 200
    assert not Residency.objects.exists()


def test_staff_edit_a_residency(client, residency, staff_member, campus):
    other_room = SpaceFactory(campus=campus, name_en="Loft")
    client.force_login(staff_member)

    page = client.get(f"{BASE}/{residency.pk}/")
    response = client.post(
        f"{BASE}/{residency.pk}/",
        {
            "spaces": [other_room.pk],
            "starts_on": residency.starts_on.isoformat(),
            "ends_on": "2030-12-31",
            "monthly_fee": "310000",
            "monthly_booking_hours": "12",
            "note": "Moved upstairs",
        },
    )

    assert "Mark as leaving" in page.text
    assert response.status_code == 302
    residency.refresh_from_db()
    assert (residency.ends_on, residency.monthly_fee, residency.note) == (
        date(2030, 12, 31),
        310000,
        "Moved upstairs",
    )
    assert list(residency.spaces.all()) == [other_room]


def test_staff_change_the_state_with_a_button(client, residency, staff_member):
    MembershipFactory(organisation=residency.organisation, role="representative")
    client.force_login(staff_member)

    response = client.post(f"{BASE}/{residency.pk}/state/", {"state": "leaving"}, follow=True)

    assert Residency.objects.get(pk=residency.pk).state == "leaving"
    assert "The residency is now leaving." in response.text
    assert OutboxMessage.objects.filter(reason="residency.leaving").count() == 1


def test_a_state_out_of_order_is_shown_as_an_error(client, residency, staff_member):
    client.force_login(staff_member)

    response = client.post(f"{BASE}/{residency.pk}/state/", {"state": "applied"}, follow=True)

    assert "cannot become applied" in response.text
    assert Residency.objects.get(pk=residency.pk).state == "resident"


def test_quota_page_shows_the_chosen_month_and_marks_over_quota(client, residency, staff_member, book, at):
    book(residency.organisation, at("2026-07-01 08:00"), at("2026-07-01 20:00"))
    client.force_login(staff_member)

    july = client.get(BASE + "/quota/?month=2026-07").text
    august = client.get(BASE + "/quota/?month=2026-08").text

    assert "July 2026" in july
    assert "over-quota" in july
    assert "-2 (over quota)" in july
    assert "over-quota" not in august


def test_import_checks_then_imports_without_a_second_upload(client, campus, staff_member):
    client.force_login(staff_member)

    checked = client.post(BASE + "/import/", {"file": SimpleUploadedFile("r.csv", GOOD.encode("cp949"))})
    assert "create account for new e-mail sam@example.org" in checked.text
    assert not Organisation.objects.exists()

    imported = client.post(BASE + "/import/", {"token": checked.context["token"]}, follow=True)

    assert Organisation.objects.filter(campus=campus, slug="maru").exists()
    assert "1 organisations created" in imported.text


def test_import_shows_problems_and_offers_no_import_button(client, campus, staff_member):
    client.force_login(staff_member)

    response = client.post(
        BASE + "/import/",
        {
            "file": SimpleUploadedFile(
                "r.csv", csv_text({"organisation_slug": "x", "category": "xyz"}).encode()
            )
        },
    )

    assert "unknown category “xyz”" in response.text
    assert response.context["token"] == ""
    assert 'name="token"' not in response.text


def test_import_refuses_a_changed_or_foreign_token(client, campus, staff_member, make_person):
    client.force_login(staff_member)
    checked = client.post(BASE + "/import/", {"file": SimpleUploadedFile("r.csv", GOOD.encode())})
    other = make_person(campus, "staff")
    client.force_login(other)

    foreign = client.post(BASE + "/import/", {"token": checked.context["token"]}, follow=True)
    tampered = client.post(BASE + "/import/", {"token": checked.context["token"] + "x"}, follow=True)

    assert "made for someone else" in foreign.text
    assert "expired or was changed" in tampered.text
    assert not Organisation.objects.exists()


def test_import_refuses_a_file_that_is_too_large(client, campus, staff_member):
    client.force_login(staff_member)
    big = b"organisation_slug\n" + b"a" * (2 * 1024 * 1024)

    response = client.post(BASE + "/import/", {"file": SimpleUploadedFile("r.csv", big)})

    assert "larger than 2 MB" in response.text


def test_template_download_is_a_csv_with_the_header(client, campus, staff_member):
    client.force_login(staff_member)

    response = client.get(BASE + "/import/template.csv")

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").startswith("organisation_slug,name_ko,name_en,category")
