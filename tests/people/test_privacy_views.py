import datetime
import json

import pytest
from django.contrib.messages import constants
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.people.models import ConsentRecord
from tests.factories import PASSWORD, ConsentRecordFactory

Purpose = ConsentRecord.Purpose
PAGES = ["people:consents", "people:my_data", "people:my_data_download", "people:delete_account"]


def consent(campus, user, purpose=Purpose.NEWSLETTER, **fields):
    with scopes_disabled():
        return ConsentRecordFactory(campus=campus, user=user, purpose=purpose, **fields)


def message_levels(response):
    return [message.level for message in response.context["messages"]]


@pytest.fixture
def person(campus, make_person):
    return make_person(campus, "participant", email="minji@example.org", name_ko="김민지")


@pytest.fixture
def someone_else(campus, make_person):
    return make_person(campus, "participant", email="other@example.org", name_ko="박서준")


@pytest.mark.parametrize("name", PAGES)
def test_privacy_page_anonymous_redirects_to_login(client, campus, name):
    response = client.get(campus_reverse(campus, name))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


def test_withdraw_consent_anonymous_redirects_to_login(client, campus, person):
    record = consent(campus, person)

    response = client.post(campus_reverse(campus, "people:withdraw_consent", pk=record.pk))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))
    record.refresh_from_db()
    assert record.is_active


def test_consents_page_lists_own_records_in_campus_time_zone(client, campus, person, someone_else):
    record = consent(campus, person, items="e-mail address, preferred language")
    consent(campus, someone_else, Purpose.RESEARCH, items="the other person's answers")
    with scopes_disabled():
        ConsentRecord.objects.filter(pk=record.pk).update(
            given_at=datetime.datetime(2025, 3, 1, 15, 30, tzinfo=datetime.UTC)
        )
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:consents"))

    assert response.status_code == 200
    assert response.context["records"] == [record]
    content = response.content.decode()
    assert "2025-03-02 00:30" in content  # 15:30 UTC is 00:30 the next day in Seoul
    assert "the other person&#x27;s answers" not in content


def test_consents_page_on_another_campus_shows_only_that_campus(client, campus, other_campus, person):
    consent(campus, person, Purpose.NEWSLETTER)
    there = consent(other_campus, person, Purpose.DIRECTORY)
    client.force_login(person)

    response = client.get(campus_reverse(other_campus, "people:consents"))

    assert response.status_code == 200
    assert response.context["records"] == [there]


def test_consents_page_offers_no_withdrawal_of_the_account_consent(client, campus, person):
    record = consent(campus, person, Purpose.ACCOUNT, retention_months=None)
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:consents"))

    assert campus_reverse(campus, "people:withdraw_consent", pk=record.pk) not in response.content.decode()


def test_give_consent_records_it_once_and_logs(client, campus, person):
    client.force_login(person)
    url = campus_reverse(campus, "people:consents")

    first = client.post(url, {"purpose": "newsletter"}, follow=True)
    client.post(url, {"purpose": "newsletter"})

    assert first.redirect_chain == [(url, 302)]
    assert message_levels(first) == [constants.SUCCESS]
    with scopes_disabled():
        records = ConsentRecord.objects.filter(user=person, purpose=Purpose.NEWSLETTER)
        assert records.count() == 1
        assert records.get().campus == campus
        assert ActivityLog.objects.filter(actor=person, action="consent.given").count() == 1


def test_give_consent_for_a_purpose_not_offered_is_refused(client, campus, person):
    client.force_login(person)

    response = client.post(campus_reverse(campus, "people:consents"), {"purpose": "account"}, follow=True)

    assert message_levels(response) == [constants.ERROR]
    with scopes_disabled():
        assert not ConsentRecord.objects.filter(user=person).exists()


def test_withdraw_consent_marks_it_withdrawn_and_logs(client, campus, person):
    record = consent(campus, person, Purpose.DIRECTORY)
    client.force_login(person)

    response = client.post(campus_reverse(campus, "people:withdraw_consent", pk=record.pk))

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    with scopes_disabled():
        assert ActivityLog.objects.filter(actor=person, action="consent.withdrawn").count() == 1


def test_withdraw_consent_of_another_person_is_not_found(client, campus, person, someone_else):
    theirs = consent(campus, someone_else)
    client.force_login(person)

    response = client.post(campus_reverse(campus, "people:withdraw_consent", pk=theirs.pk))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active


def test_withdraw_consent_of_the_account_is_not_found(client, campus, person):
    record = consent(campus, person, Purpose.ACCOUNT, retention_months=None)
    client.force_login(person)

    response = client.post(campus_reverse(campus, "people:withdraw_consent", pk=record.pk))

    assert response.status_code == 404


def test_withdraw_consent_from_another_campus_is_not_found(client, campus, other_campus, person):
    there = consent(other_campus, person)
    client.force_login(person)

    response = client.post(campus_reverse(campus, "people:withdraw_consent", pk=there.pk))

    assert response.status_code == 404


def test_withdraw_consent_by_get_is_not_allowed(client, campus, person):
    record = consent(campus, person)
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:withdraw_consent", pk=record.pk))

    assert response.status_code == 405


def test_my_data_page_summarises_what_is_held(client, campus, person):
    consent(campus, person)
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:my_data"))

    assert response.status_code == 200
    assert response.context["held"]["account"]["email"] == "minji@example.org"
    assert len(response.context["held"]["consents"]) == 1
    assert campus_reverse(campus, "people:my_data_download") in response.content.decode()


def test_my_data_download_is_a_json_attachment_of_own_data_only(client, campus, person, someone_else):
    consent(campus, someone_else, items="the other person's items")
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:my_data_download"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="opencampus-personal-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["name_ko"] == "김민지"
    text = response.content.decode()
    assert "other@example.org" not in text
    assert "박서준" not in text
    assert "the other person's items" not in text


def test_my_data_download_works_from_another_campus(client, other_campus, person):
    client.force_login(person)

    response = client.get(campus_reverse(other_campus, "people:my_data_download"))

    assert response.status_code == 200
    assert json.loads(response.content)["campus_roles"][0]["campus"] == "seoul"


def test_delete_account_page_explains_and_asks_for_the_password(client, campus, person):
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:delete_account"))

    assert response.status_code == 200
    assert "password" in response.context["form"].fields
    assert "data-confirm=" in response.content.decode()


def test_delete_account_wrong_password_keeps_the_form_with_an_error(client, campus, person):
    client.force_login(person)

    response = client.post(campus_reverse(campus, "people:delete_account"), {"password": "not my password"})

    assert response.status_code == 200
    assert response.context["form"].has_error("password", code="wrong_password")
    assert 'aria-invalid="true"' in response.content.decode()
    person.refresh_from_db()
    assert person.is_active
    assert person.email == "minji@example.org"


def test_delete_account_anonymises_logs_out_and_goes_home(client, campus, person):
    consent(campus, person)
    with scopes_disabled():
        consents_before = ConsentRecord.objects.count()
    client.force_login(person)

    response = client.post(
        campus_reverse(campus, "people:delete_account"), {"password": PASSWORD}, follow=True
    )

    assert response.redirect_chain == [(campus_reverse(campus, "core:home"), 302)]
    assert message_levels(response) == [constants.SUCCESS]
    assert not response.context["user"].is_authenticated
    person.refresh_from_db()
    assert person.email == f"deleted-{person.pk}@invalid.example"
    assert not person.is_active
    with scopes_disabled():
        assert ConsentRecord.objects.count() == consents_before
        assert ActivityLog.objects.filter(campus=campus, actor=person, action="person.deleted").exists()


def test_delete_account_then_logging_in_fails(client, campus, person):
    client.force_login(person)
    client.post(campus_reverse(campus, "people:delete_account"), {"password": PASSWORD})

    response = client.post(
        campus_reverse(campus, "people:login"), {"username": "minji@example.org", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert not response.context["form"].is_valid()
    assert "_auth_user_id" not in client.session


def test_profile_page_links_to_the_personal_data_pages(client, campus, person):
    client.force_login(person)

    response = client.get(campus_reverse(campus, "people:profile"))

    content = response.content.decode()
    for name in ("people:my_data", "people:consents", "people:delete_account"):
        assert campus_reverse(campus, name) in content
