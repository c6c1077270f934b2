"""The campus team's pages: verdicts with reasons, issuing one or all, revoking with a reason."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from opencampus.certificates.models import Certificate
from opencampus.certificates.services.issuing import issue_certificates_to_completed
from opencampus.core.links import campus_reverse
from tests.curriculum_helpers import join, make_cohort

from .helpers import BASE_URL, fresh, graduates, mails


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"certificates_manage:{name}", **kwargs)


def pages(campus, cohort):
    return [url(campus, "cohorts"), url(campus, "cohort", cohort=cohort.slug)]


def posts(campus, cohort, graduate, certificate):
    return [
        url(campus, "issue", cohort=cohort.slug, participant=graduate.pk),
        url(campus, "issue_all", cohort=cohort.slug),
        url(campus, "revoke", cohort=cohort.slug, public_id=certificate.public_id),
    ]


# Who may come in


def test_anonymous_people_are_sent_to_log_in(client, campus, cohort, graduate, certificate):
    login = campus_reverse(campus, "people:login")
    for address in pages(campus, cohort):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login)
    for address in posts(campus, cohort, graduate, certificate):
        response = client.post(address, {f"revoke-{certificate.pk}-reason": "x"})
        assert response.status_code == 302, address
        assert response.url.startswith(login)
    assert fresh(certificate).revoked_at is None


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_people_without_a_team_role_here_are_forbidden(
    client, campus, cohort, graduate, certificate, request, person
):
    client.force_login(request.getfixturevalue(person))
    for address in pages(campus, cohort):
        assert client.get(address).status_code == 403, address
    for address in posts(campus, cohort, graduate, certificate):
        assert client.post(address, {f"revoke-{certificate.pk}-reason": "x"}).status_code == 403, address
    assert fresh(certificate).revoked_at is None
    with scopes_disabled():
        assert Certificate.objects.count() == 1


def test_another_campus_records_are_not_found(client, campus, operator, foreign_certificate):
    client.force_login(operator)
    with scopes_disabled():
        busan_cohort = foreign_certificate.participant.cohort
        holder = foreign_certificate.participant
    assert client.get(url(campus, "cohort", cohort=busan_cohort.slug)).status_code == 404
    assert client.post(url(campus, "issue_all", cohort=busan_cohort.slug)).status_code == 404
    assert (
        client.post(url(campus, "issue", cohort=busan_cohort.slug, participant=holder.pk)).status_code == 404
    )
    revoke = url(campus, "revoke", cohort=busan_cohort.slug, public_id=foreign_certificate.public_id)
    assert client.post(revoke, {f"revoke-{foreign_certificate.pk}-reason": "x"}).status_code == 404
    assert "Busan pilot" not in client.get(url(campus, "cohorts")).content.decode()
    assert fresh(foreign_certificate).revoked_at is None


def test_a_participant_of_another_cohort_is_not_found_under_this_one(
    client, campus, cohort, staff_member, make_person
):
    other = make_cohort(campus, slug="citizens", name_en="Citizens 2021")
    stranger = graduates(other, [make_person(campus, name_en="Stranger")])[0]
    client.force_login(staff_member)
    assert client.post(url(campus, "issue", cohort=cohort.slug, participant=stranger.pk)).status_code == 404


# The pages


def test_the_cohort_list_counts_participants_and_certificates(
    client, campus, cohort, certificate, staff_member
):
    client.force_login(staff_member)
    response = client.get(url(campus, "cohorts"))
    [listed] = response.context["cohorts"]
    assert (listed.participant_count, listed.certificate_count) == (1, 1)
    assert url(campus, "cohort", cohort=cohort.slug) in response.content.decode()


def test_the_cohort_page_shows_each_verdict_with_its_reasons(
    client, campus, cohort, graduate, staff_member, make_person
):
    join(cohort, make_person(campus, name_en="Absent Person"))
    client.force_login(staff_member)
    response = client.get(url(campus, "cohort", cohort=cohort.slug))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kim Minji" in page
    assert "Absent Person" in page
    assert "Attendance 0% is below the 80% needed." in page
    assert "No results presentation delivered yet." in page
    assert "Issue 1 certificate to everyone who completed" in page
    assert url(campus, "issue", cohort=cohort.slug, participant=graduate.pk) in page
    assert "minji@example.org" not in page


def test_issuing_one_from_the_page(client, campus, cohort, graduate, staff_member):
    client.force_login(staff_member)
    response = client.post(url(campus, "issue", cohort=cohort.slug, participant=graduate.pk), follow=True)
    assert "Certificate issued to Kim Minji." in response.content.decode()
    with scopes_disabled():
        certificate = Certificate.objects.get()
    assert certificate.url == f"{BASE_URL}/c/seoul/certificates/{certificate.public_id}/"
    assert len(mails(campus, reason="certificate.issued")) == 1


def test_issuing_twice_from_the_page_explains_why_not(
    client, campus, cohort, graduate, certificate, staff_member
):
    client.force_login(staff_member)
    response = client.post(url(campus, "issue", cohort=cohort.slug, participant=graduate.pk))
    assert response.status_code == 400
    assert "Kim Minji already holds a certificate for this cohort" in response.content.decode()


def test_issuing_to_someone_who_has_not_completed_names_the_reasons(
    client, campus, cohort, graduate, staff_member, make_person
):
    absent = join(cohort, make_person(campus, name_en="Absent Person"))
    client.force_login(staff_member)
    response = client.post(url(campus, "issue", cohort=cohort.slug, participant=absent.pk))
    assert response.status_code == 400
    assert "Absent Person has not completed the course: Attendance 0% is below the 80% needed." in (
        response.content.decode()
    )


def test_issuing_to_everyone_who_completed(client, campus, cohort, staff_member, make_person):
    graduates(cohort, [make_person(campus, name_en=f"Graduate {n}") for n in range(3)])
    join(cohort, make_person(campus, name_en="Absent Person"))
    client.force_login(staff_member)
    response = client.post(url(campus, "issue_all", cohort=cohort.slug), follow=True)
    assert "3 certificates issued; their letters wait in the outbox." in response.content.decode()
    response = client.post(url(campus, "issue_all", cohort=cohort.slug), follow=True)
    assert "Everyone who completed the course already holds a certificate." in response.content.decode()
    with scopes_disabled():
        assert Certificate.objects.count() == 3


def test_revoking_needs_a_reason_and_keeps_what_was_typed(client, campus, cohort, certificate, staff_member):
    client.force_login(staff_member)
    address = url(campus, "revoke", cohort=cohort.slug, public_id=certificate.public_id)
    response = client.post(address, {f"revoke-{certificate.pk}-reason": "   "})
    assert response.status_code == 400
    assert "Give the reason for revoking" in response.content.decode()
    assert fresh(certificate).revoked_at is None

    response = client.post(address, {f"revoke-{certificate.pk}-reason": "Issued by mistake"}, follow=True)
    assert "The certificate is revoked." in response.content.decode()
    assert fresh(certificate).revocation_reason == "Issued by mistake"

    response = client.post(address, {f"revoke-{certificate.pk}-reason": "Again"})
    assert response.status_code == 400
    assert "This certificate was already revoked on" in response.content.decode()


def test_a_long_reason_is_refused_with_the_text_kept(client, campus, cohort, certificate, staff_member):
    client.force_login(staff_member)
    address = url(campus, "revoke", cohort=cohort.slug, public_id=certificate.public_id)
    typed = "A very long reason " * 40
    response = client.post(address, {f"revoke-{certificate.pk}-reason": typed})
    assert response.status_code == 400
    assert typed.strip() in response.content.decode()
    assert fresh(certificate).revoked_at is None


def cohort_with(campus, make_person, slug, count, staff_member):
    cohort = make_cohort(campus, slug=slug)
    graduates(cohort, [make_person(campus, name_en=f"{slug} {n}") for n in range(count)])
    with scope(campus=campus):
        issue_certificates_to_completed(cohort=cohort, by=staff_member, base_url=BASE_URL)
    return cohort


def test_the_cohort_page_costs_the_same_queries_with_3_or_300_participants(
    client, campus, make_person, staff_member
):
    small = cohort_with(campus, make_person, "small", 3, staff_member)
    large = cohort_with(campus, make_person, "large", 300, staff_member)
    client.force_login(staff_member)
    client.get(url(campus, "cohort", cohort=small.slug))
    with CaptureQueriesContext(connection) as three:
        assert client.get(url(campus, "cohort", cohort=small.slug)).status_code == 200
    with CaptureQueriesContext(connection) as three_hundred:
        response = client.get(url(campus, "cohort", cohort=large.slug))
    assert len(response.context["rows"]) == 300
    assert len(response.context["certificates"]) == 300
    assert len(three_hundred) == len(three)
