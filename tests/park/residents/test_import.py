"""CSV import of resident organisations and members: the dry run, the import, and a second import."""

import csv
import io
from datetime import date

import pytest

from opencampus.park.models import Residency
from opencampus.park.services.resident_import import (
    COLUMNS,
    MAX_ROWS,
    ResidentImportError,
    decode,
    plan_import,
    read_rows,
    run_import,
    template_csv,
)
from opencampus.people.models import CampusRole, Membership, Organisation, User
from tests.factories import MembershipFactory, UserFactory

BASE = {
    "organisation_slug": "maru",
    "name_ko": "마루 협동조합",
    "name_en": "Maru Co-op",
    "category": "social_economy",
    "kind": "",
    "email": "hello@maru.example.org",
    "website": "maru.example.org",
    "residency_state": "resident",
    "starts_on": "2026-03-01",
    "ends_on": "2028-02-28",
    "monthly_fee": "350,000",
    "monthly_booking_hours": "30",
}


def csv_text(*rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def member(email, role="member", listed="no", name="", **columns):
    return {
        "organisation_slug": "maru",
        "member_email": email,
        "member_role": role,
        "member_listed": listed,
        "member_name": name,
        **columns,
    }


GOOD = csv_text(
    {**BASE, **member("Jiwoo@example.org", "representative", "yes", "박지우")},
    member("sam@example.org", "manager", name="Sam Lee"),
)


def test_dry_run_reports_what_would_happen_and_saves_nothing(campus):
    report = plan_import(campus=campus, text=GOOD)

    assert report.is_clean
    first, second = report.rows
    assert (first.number, second.number) == (2, 3)
    assert first.actions == [
        "create organisation",
        "create residency (resident)",
        "create account for new e-mail jiwoo@example.org",
        "add member (representative)",
    ]
    assert second.actions == ["create account for new e-mail sam@example.org", "add member (manager)"]
    assert not Organisation.objects.exists()
    assert not User.objects.filter(email="sam@example.org").exists()


def test_dry_run_lists_every_problem_of_every_row(campus):
    text = csv_text(
        {**BASE, **member("jiwoo@example.org", "representative"), "category": "xyz", "ends_on": "2026-01-01"},
        member("not-an-email", listed="maybe"),
        member("sam@example.org", role="boss", name_ko="다른 이름"),
        {"organisation_slug": "nameless", "member_email": "x@example.org"},
    )

    report = plan_import(campus=campus, text=text)

    problems = {row.number: row.problems for row in report.rows}
    assert not report.is_clean
    assert "category: unknown category “xyz”; use one of:" in problems[2][0]
    assert "ends_on: ends_on is on or before starts_on." in problems[2]
    assert "member_email: Enter a valid email address." in problems[3]
    assert "member_listed: member_listed must be yes or no." in problems[3]
    assert problems[4][0].startswith(
        "member_role: member_role must be one of: representative, manager, member"
    )
    assert "name_ko differs from row 2 of the same organisation." in problems[4]
    assert "A new organisation needs name_ko or name_en." in problems[5]
    assert "An organisation with members needs at least one member_role representative." in problems[5]
    assert not Organisation.objects.exists()


def test_run_refuses_a_file_with_problems(campus, staff_member):
    text = csv_text({**BASE, "category": "xyz"})

    report = run_import(campus=campus, actor=staff_member, text=text)

    assert report.problem_count == 1
    assert not Organisation.objects.exists()


def test_import_creates_organisation_residency_accounts_and_members(campus, staff_member):
    report = run_import(campus=campus, actor=staff_member, text=GOOD)

    assert dict(report.counts) == {
        "organisations_created": 1,
        "residencies_created": 1,
        "accounts_created": 2,
        "members_added": 2,
    }
    organisation = Organisation.objects.get(campus=campus, slug="maru")
    assert organisation.kind == "resident"
    assert organisation.website == "https://maru.example.org"
    residency = Residency.objects.get(organisation=organisation)
    assert (residency.state, residency.starts_on, residency.monthly_fee) == (
        "resident",
        date(2026, 3, 1),
        350000,
    )
    jiwoo = User.objects.get(email="jiwoo@example.org")
    assert jiwoo.name_ko == "박지우"
    assert not jiwoo.has_usable_password()
    assert User.objects.get(email="sam@example.org").name_en == "Sam Lee"
    assert CampusRole.objects.filter(campus=campus, user=jiwoo, role="public").exists()
    roles = dict(Membership.objects.filter(organisation=organisation).values_list("user__email", "role"))
    assert roles == {"jiwoo@example.org": "representative", "sam@example.org": "manager"}
    assert Membership.objects.get(user=jiwoo).is_listed


def snapshot():
    return (
        list(Organisation.objects.values()),
        list(Residency.objects.values()),
        list(Membership.objects.values()),
        User.objects.count(),
    )


def test_importing_the_same_file_twice_changes_nothing_the_second_time(campus, staff_member):
    run_import(campus=campus, actor=staff_member, text=GOOD)
    before = snapshot()

    second = run_import(campus=campus, actor=staff_member, text=GOOD)

    assert not second.counts
    assert all(row.actions == ["nothing to change"] for row in second.rows)
    assert snapshot() == before


def test_import_updates_what_differs_and_keeps_members_not_in_the_file(campus, staff_member):
    run_import(campus=campus, actor=staff_member, text=GOOD)
    organisation = Organisation.objects.get(slug="maru")
    MembershipFactory(organisation=organisation, role="member")
    text = csv_text(
        {
            "organisation_slug": "maru",
            "name_en": "Maru Cooperative",
            "starts_on": "2026-03-01",
            "monthly_fee": "400000",
        },
        member("sam@example.org", "representative", "yes"),
    )

    report = run_import(campus=campus, actor=staff_member, text=text)

    assert report.rows[0].actions == ["update organisation (name_en)", "update residency (monthly_fee)"]
    organisation.refresh_from_db()
    assert organisation.name_en == "Maru Cooperative"
    assert Residency.objects.get(organisation=organisation).monthly_fee == 400000
    sam = Membership.objects.get(organisation=organisation, user__email="sam@example.org")
    assert (sam.role, sam.is_listed) == ("representative", True)
    assert Membership.objects.filter(organisation=organisation).count() == 3


def test_import_adds_an_existing_person_without_a_new_account(campus, staff_member):
    person = UserFactory(email="known@example.org")

    report = run_import(
        campus=campus,
        actor=staff_member,
        text=csv_text({**BASE, **member("KNOWN@example.org", "representative")}),
    )

    assert "accounts_created" not in report.counts
    assert Membership.objects.get(organisation__slug="maru").user == person


def test_import_moves_the_state_only_along_allowed_transitions(campus, staff_member):
    run_import(campus=campus, actor=staff_member, text=csv_text(BASE))

    back = plan_import(campus=campus, text=csv_text({**BASE, "residency_state": "applied"}))
    forward = plan_import(campus=campus, text=csv_text({**BASE, "residency_state": "leaving"}))

    assert back.rows[0].problems == ["residency_state: a residency that is resident cannot become applied."]
    assert forward.rows[0].actions == ["residency resident → leaving"]


def test_same_new_person_in_two_organisations_gets_one_account(campus, staff_member):
    text = csv_text(
        {**BASE, **member("both@example.org", "representative")},
        {**member("both@example.org", "representative"), "organisation_slug": "dal", "name_ko": "달"},
    )

    report = run_import(campus=campus, actor=staff_member, text=text)

    assert report.counts["accounts_created"] == 1
    assert report.counts["members_added"] == 2


def test_decode_reads_utf8_with_bom_and_cp949():
    assert decode("\ufefforganisation_slug,name_ko\r\nmaru,마루\r\n".encode()).startswith("organisation_slug")
    assert "마루" in decode("organisation_slug,name_ko\r\nmaru,마루\r\n".encode("cp949"))


def test_decode_refuses_a_file_in_another_encoding():
    with pytest.raises(ResidentImportError, match="neither UTF-8 nor CP949"):
        decode(b"\xff\xfe\x00o\x00r\x00g\xff\xff\xff")


def test_read_rows_refuses_unknown_columns_and_too_many_rows():
    with pytest.raises(ResidentImportError, match="Unknown columns: colour"):
        read_rows("organisation_slug,colour\r\nmaru,red\r\n")
    with pytest.raises(ResidentImportError, match="more than 5000 rows"):
        read_rows("organisation_slug\r\n" + "maru\r\n" * (MAX_ROWS + 1))


def test_template_has_the_header_and_an_example_that_imports(campus, staff_member):
    text = template_csv()

    assert text.startswith("\ufefforganisation_slug,name_ko,")
    assert run_import(campus=campus, actor=staff_member, text=decode(text.encode())).is_clean
