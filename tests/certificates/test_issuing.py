"""Issuing certificates: only to people who completed, once, by the campus's own team."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.certificates.models import Certificate
from opencampus.certificates.services.errors import CertificateError
from opencampus.certificates.services.issuing import issue_certificate, issue_certificates_to_completed
from opencampus.certificates.services.revocation import revoke_certificate
from opencampus.core.models import ActivityLog
from tests.curriculum_helpers import held_session, join

from .helpers import BASE_URL, graduates, mails


def test_a_graduate_gets_a_certificate_with_a_snapshot_a_log_entry_and_a_letter(
    campus, cohort, graduate, staff_member
):
    with scope(campus=campus):
        certificate = issue_certificate(graduate, by=staff_member, base_url=BASE_URL)

    assert (certificate.holder_name_ko, certificate.holder_name_en) == ("김민지", "Kim Minji")
    assert (certificate.cohort_name_en, certificate.track_name_en) == ("2020 pilot", "Top innovators")
    assert (certificate.starts_on, certificate.ends_on) == (cohort.starts_on, cohort.ends_on)
    assert certificate.attendance_rate == Decimal("100.0")
    assert (certificate.sessions_attended, certificate.sessions_counted) == (2, 2)
    assert certificate.issued_by == staff_member
    assert certificate.credential.count(".") == 2
    assert certificate.url == f"{BASE_URL}/c/seoul/certificates/{certificate.public_id}/"
    with scopes_disabled():
        entry = ActivityLog.objects.get(action="certificate.issued")
    assert (entry.actor, entry.object_id) == (staff_member, str(certificate.pk))
    [letter] = mails(campus, reason="certificate.issued")
    assert letter.to == "minji@example.org"
    assert letter.language == "en"
    assert letter.state == "draft"
    assert "you completed Top innovators (2020 pilot)" in letter.body
    assert f"{BASE_URL}/c/seoul/certificates/mine/" in letter.body
    assert certificate.url in letter.body


def test_the_letter_is_written_in_the_holders_language(campus, cohort, make_person, staff_member):
    korean = graduates(cohort, [make_person(campus, name_ko="이서연", preferred_language="ko")])[0]
    with scope(campus=campus):
        issue_certificate(korean, by=staff_member, base_url=BASE_URL)
    [letter] = mails(campus, reason="certificate.issued")
    assert letter.language == "ko"
    assert "이서연" in letter.body


def test_someone_who_has_not_completed_is_refused_with_the_reasons(campus, cohort, make_person, staff_member):
    participant = join(cohort, make_person(campus, name_en="Lee Jun"))
    held_session(cohort, title="Missed")
    with scope(campus=campus), pytest.raises(CertificateError) as refused:
        issue_certificate(participant, by=staff_member, base_url=BASE_URL)
    assert str(refused.value) == (
        "Lee Jun has not completed the course: Attendance 0% is below the 80% needed. "
        "No results presentation delivered yet."
    )
    with scopes_disabled():
        assert not Certificate.objects.exists()
    assert mails(campus) == []


def test_a_course_still_running_is_a_reason(campus, cohort, graduate, staff_member):
    held_session(cohort, starts_at=timezone.now() + timedelta(days=3), title="Still to come")
    with scope(campus=campus), pytest.raises(CertificateError, match="The course has not finished yet"):
        issue_certificate(graduate, by=staff_member, base_url=BASE_URL)


def test_a_second_certificate_is_refused_while_the_first_stands(campus, certificate, graduate, staff_member):
    with scope(campus=campus), pytest.raises(CertificateError, match="already holds a certificate"):
        issue_certificate(graduate, by=staff_member, base_url=BASE_URL)
    with scopes_disabled():
        assert Certificate.objects.count() == 1


def test_after_a_revocation_a_new_certificate_can_be_issued(campus, certificate, graduate, staff_member):
    with scope(campus=campus):
        revoke_certificate(certificate, by=staff_member, reason="Name misspelt")
        second = issue_certificate(graduate, by=staff_member, base_url=BASE_URL)
    assert second.public_id != certificate.public_id
    with scopes_disabled():
        assert Certificate.objects.filter(revoked_at__isnull=True).get() == second


def test_the_team_of_another_campus_cannot_issue_here(campus, graduate, other_operator):
    with scope(campus=campus), pytest.raises(CertificateError, match="belongs to Seoul Innovation Park"):
        issue_certificate(graduate, by=other_operator, base_url=BASE_URL)


def test_a_participant_cannot_issue_their_own(campus, graduate):
    with scope(campus=campus), pytest.raises(CertificateError, match="not on the campus team"):
        issue_certificate(graduate, by=graduate.user, base_url=BASE_URL)


def test_a_person_without_a_name_is_refused(campus, cohort, make_person, staff_member):
    nameless = graduates(cohort, [make_person(campus, name_ko="", name_en="", email="anon@example.org")])[0]
    with scope(campus=campus), pytest.raises(CertificateError, match=r"anon@example\.org has no name"):
        issue_certificate(nameless, by=staff_member, base_url=BASE_URL)


def test_bulk_issuing_reaches_everyone_who_completed_and_only_them(campus, cohort, make_person, staff_member):
    people = [make_person(campus, name_en=f"Graduate {n}") for n in range(3)]
    *done, nameless = graduates(
        cohort, [*people, make_person(campus, name_ko="", name_en="", email="x@example.org")]
    )
    late = join(cohort, make_person(campus, name_en="Absent"))
    with scope(campus=campus):
        issue_certificate(done[0], by=staff_member, base_url=BASE_URL)
        issued = issue_certificates_to_completed(cohort=cohort, by=staff_member, base_url=BASE_URL)
        again = issue_certificates_to_completed(cohort=cohort, by=staff_member, base_url=BASE_URL)

    assert sorted(c.holder_name_en for c in issued.certificates) == ["Graduate 1", "Graduate 2"]
    assert [(participant, str(reason)) for participant, reason in issued.skipped] == [
        (nameless, "x@example.org has no name on their account; ask them to add it to their profile first.")
    ]
    assert again.certificates == []
    with scopes_disabled():
        assert not Certificate.objects.filter(participant=late).exists()
        assert Certificate.objects.count() == 3
    assert len(mails(campus, reason="certificate.issued")) == 3


def test_bulk_issuing_needs_the_campus_team(campus, cohort, graduate, other_operator):
    with scope(campus=campus), pytest.raises(CertificateError):
        issue_certificates_to_completed(cohort=cohort, by=other_operator, base_url=BASE_URL)
