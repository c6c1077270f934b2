import json

import pytest
from django.contrib.auth import authenticate
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.core.services.activity import log_activity
from opencampus.people.models import CampusRole, ConsentRecord, Membership, Profile
from opencampus.people.services.accounts import grant_role, sign_up
from opencampus.people.services.personal_data import (
    delete_account,
    export_personal_data,
    give_consent,
    withdraw_consent,
)
from tests.factories import PASSWORD, ConsentRecordFactory, MembershipFactory, OrganisationFactory

Purpose = ConsentRecord.Purpose


def make_message(campus, recipient, state=OutboxMessage.State.SENT, **fields):
    return OutboxMessage.objects.create(
        campus=campus,
        recipient=recipient,
        to=recipient.email if recipient else fields.pop("to"),
        subject=fields.pop("subject", "Your application"),
        body="Hello",
        language="ko",
        state=state,
        **fields,
    )


@pytest.fixture
def person(campus):
    with scopes_disabled():
        return sign_up(campus=campus, email="minji@example.org", password=PASSWORD, name_ko="김민지")


@pytest.fixture
def someone_else(campus, make_person):
    """Another person on the same campus, with roles, a profile, a consent, a membership and mail."""
    other = make_person(campus, "participant", "resident", email="other@example.org", name_ko="박서준")
    Profile.objects.filter(user=other).update(bio_ko="서준의 소개")
    with scopes_disabled():
        ConsentRecordFactory(campus=campus, user=other, purpose=Purpose.RESEARCH, items="survey answers")
        MembershipFactory(organisation=OrganisationFactory(campus=campus), user=other)
        make_message(campus, other, subject="For the other person")
        log_activity(campus=campus, actor=other, action="profile.edited", subject=other)
    return other


def test_export_personal_data_holds_the_persons_own_records(campus, person):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=campus, name_en="Fab Lab Seoul")
        MembershipFactory(organisation=organisation, user=person, role=Membership.Role.MANAGER)
        give_consent(campus=campus, user=person, purpose=Purpose.NEWSLETTER)
        make_message(campus, person, subject="Welcome")

    data = export_personal_data(user=person)

    assert data["account"]["email"] == "minji@example.org"
    assert data["account"]["name_ko"] == "김민지"
    assert "password" not in json.dumps(data)
    assert data["profile"]["bio_ko"] == ""
    assert data["campus_roles"] == [
        {"campus": "seoul", "role": "public", "granted": data["campus_roles"][0]["granted"]}
    ]
    assert data["memberships"][0]["organisation"]["name_en"] == "Fab Lab Seoul"
    assert data["memberships"][0]["role"] == "manager"
    assert {consent["purpose"] for consent in data["consents"]} == {"account", "newsletter"}
    assert {entry["action"] for entry in data["activity"]} == {"person.signed_up", "consent.given"}
    assert [message["subject"] for message in data["messages"]] == ["Welcome"]
    json.dumps(data)  # ready to serialise as is


def test_export_personal_data_includes_nothing_of_another_person(campus, person, someone_else):
    with scopes_disabled():
        CampusRole.objects.create(campus=campus, user=person, role=CampusRole.Role.OPERATOR)
        # An operator's own action on someone else must not carry that person into the export.
        grant_role(campus=campus, user=someone_else, role=CampusRole.Role.MENTOR, actor=person)

    exported = json.dumps(export_personal_data(user=person), ensure_ascii=False)

    assert "minji@example.org" in exported
    assert "other@example.org" not in exported
    assert "박서준" not in exported
    assert "서준의 소개" not in exported
    assert "survey answers" not in exported
    assert "For the other person" not in exported
    assert "role.granted" in exported


def test_export_personal_data_covers_every_campus(campus, other_campus, person):
    with scopes_disabled():
        CampusRole.objects.create(campus=other_campus, user=person, role=CampusRole.Role.MENTOR)
        give_consent(campus=other_campus, user=person, purpose=Purpose.DIRECTORY)

    data = export_personal_data(user=person)

    assert {(role["campus"], role["role"]) for role in data["campus_roles"]} == {
        ("seoul", "public"),
        ("busan", "mentor"),
    }
    assert ("busan", "directory") in {(consent["campus"], consent["purpose"]) for consent in data["consents"]}


def test_export_personal_data_includes_mail_to_the_address_without_a_recipient(campus, person):
    with scopes_disabled():
        make_message(campus, None, to="MINJI@example.org", subject="Before you signed up")

    data = export_personal_data(user=person)

    assert [message["subject"] for message in data["messages"]] == ["Before you signed up"]


def test_give_consent_twice_while_active_keeps_one_record(campus, person):
    with scopes_disabled():
        first = give_consent(campus=campus, user=person, purpose=Purpose.NEWSLETTER)
        second = give_consent(campus=campus, user=person, purpose=Purpose.NEWSLETTER)

        assert first == second
        assert ConsentRecord.objects.filter(user=person, purpose=Purpose.NEWSLETTER).count() == 1
        assert ActivityLog.objects.filter(action="consent.given").count() == 1


def test_give_consent_uses_the_terms_defined_in_code(campus, person):
    with scopes_disabled(), translation.override("en"):
        consent = give_consent(campus=campus, user=person, purpose=Purpose.RESEARCH)

    assert consent.retention_months == 36
    assert "survey answers" in consent.items


def test_give_consent_stores_the_items_in_the_language_they_were_read(campus, person):
    with scopes_disabled(), translation.override("ko"):
        consent = give_consent(campus=campus, user=person, purpose=Purpose.RESEARCH)

    assert consent.items == "역할, 프로그램 참여 내역, 출석, 설문 응답"


def test_give_consent_after_withdrawal_records_a_new_consent(campus, person):
    with scopes_disabled():
        first = give_consent(campus=campus, user=person, purpose=Purpose.NEWSLETTER)
        withdraw_consent(consent=first, actor=person)
        second = give_consent(campus=campus, user=person, purpose=Purpose.NEWSLETTER)

    assert second.pk != first.pk
    assert second.is_active


def test_withdraw_consent_sets_the_date_and_logs(campus, person):
    with scopes_disabled():
        consent = give_consent(campus=campus, user=person, purpose=Purpose.DIRECTORY)

        assert withdraw_consent(consent=consent, actor=person) is True
        assert withdraw_consent(consent=consent, actor=person) is False

        consent.refresh_from_db()
        assert consent.withdrawn_at is not None
        assert ActivityLog.objects.filter(action="consent.withdrawn").count() == 1


def test_withdraw_consent_of_the_account_is_refused(campus, person):
    with scopes_disabled():
        account_consent = ConsentRecord.objects.get(user=person, purpose=Purpose.ACCOUNT)

        with pytest.raises(ValueError, match="delete the account"):
            withdraw_consent(consent=account_consent, actor=person)


def can_log_in(rf, email, password):
    return authenticate(rf.post("/"), username=email, password=password) is not None


def test_delete_account_anonymises_the_person(rf, campus, person):
    assert can_log_in(rf, "minji@example.org", PASSWORD)

    delete_account(user=person, campus=campus)

    person.refresh_from_db()
    assert person.email == f"deleted-{person.pk}@invalid.example"
    assert person.name_ko == person.name_en == ""
    assert not person.has_usable_password()
    assert not person.is_active
    assert person.preferred_language == "ko"
    assert not can_log_in(rf, "minji@example.org", PASSWORD)
    assert not can_log_in(rf, person.email, PASSWORD)


def test_delete_account_removes_profile_roles_and_memberships(campus, other_campus, person):
    with scopes_disabled():
        CampusRole.objects.create(campus=other_campus, user=person, role=CampusRole.Role.MENTOR)
        MembershipFactory(organisation=OrganisationFactory(campus=campus), user=person)

    delete_account(user=person, campus=campus)

    with scopes_disabled():
        assert not Profile.objects.filter(user=person).exists()
        assert not CampusRole.objects.filter(user=person).exists()
        assert not Membership.objects.filter(user=person).exists()


def test_delete_account_keeps_aggregate_rows(campus, person):
    with scopes_disabled():
        give_consent(campus=campus, user=person, purpose=Purpose.RESEARCH)
        consents_before = ConsentRecord.objects.count()
        activity_before = ActivityLog.objects.filter(actor=person).count()

    delete_account(user=person, campus=campus)

    with scopes_disabled():
        assert ConsentRecord.objects.count() == consents_before
        assert not ConsentRecord.objects.filter(user=person).exists()
        assert not ConsentRecord.objects.filter(withdrawn_at__isnull=True, user__isnull=True).exists()
        assert ActivityLog.objects.filter(actor=person).count() == activity_before + 1
        assert ActivityLog.objects.filter(actor=person, action="person.deleted").exists()


def test_delete_account_removes_the_name_from_activity_about_the_person(campus, person):
    delete_account(user=person, campus=campus)

    with scopes_disabled():
        reprs = set(ActivityLog.objects.values_list("object_repr", flat=True))
    assert not any("김민지" in text or "minji@example.org" in text for text in reprs)


def test_delete_account_anonymises_mail_and_discards_drafts(campus, person):
    with scopes_disabled():
        sent = make_message(campus, person)
        draft = make_message(campus, person, state=OutboxMessage.State.DRAFT)
        queued = make_message(campus, person, state=OutboxMessage.State.QUEUED)

    delete_account(user=person, campus=campus)

    with scopes_disabled():
        sent.refresh_from_db()
        draft.refresh_from_db()
        queued.refresh_from_db()
        deletion = ActivityLog.objects.get(action="person.deleted")
    assert sent.recipient is None
    assert sent.to == person.email == f"deleted-{person.pk}@invalid.example"
    assert sent.state == OutboxMessage.State.SENT
    assert draft.state == OutboxMessage.State.DISCARDED
    assert draft.to == person.email
    assert queued.state == OutboxMessage.State.DISCARDED
    assert deletion.data == {"consents_withdrawn": 1, "messages_discarded": 2}


def test_delete_account_leaves_other_people_alone(campus, person, someone_else):
    delete_account(user=person, campus=campus)

    someone_else.refresh_from_db()
    assert someone_else.email == "other@example.org"
    assert someone_else.is_active
    with scopes_disabled():
        assert CampusRole.objects.filter(user=someone_else).count() == 2
        assert ConsentRecord.objects.filter(user=someone_else, withdrawn_at__isnull=True).count() == 1
        assert OutboxMessage.objects.get(subject="For the other person").recipient == someone_else
        assert ActivityLog.objects.get(action="profile.edited").object_repr == str(someone_else)
