import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from opencampus.calls.models import Application
from opencampus.core.links import campus_reverse
from opencampus.people.models import Organisation
from tests.calls.decision_helpers import applicant, make_call, review, scored
from tests.factories import OrganisationFactory

State = Application.State


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    return make_call(campus, places=2)


@pytest.fixture
def reviewers(campus, make_person):
    return [
        make_person(campus, "reviewer", name_en="Rhee Reviewer", email="rhee@example.org"),
        make_person(campus, "reviewer", name_en="Song Reviewer", email="song@example.org"),
    ]


@pytest.fixture
def organisation(campus) -> Organisation:
    return OrganisationFactory(campus=campus, name_en="Fab Lab Seoul", name_ko="서울 팹랩")


@pytest.fixture
def applications(call, reviewers, organisation):
    first = applicant(call, name="Kim Minji", email="minji@example.org", organisation=organisation)
    review(first, reviewers[0], 8, comment="Strong plan")
    review(first, reviewers[1], 6, comment='=HYPERLINK("http://evil")')
    second = scored(call, reviewers, [5, 7], name="Lee Joon", email="joon@example.org", field="digital")
    with scopes_disabled():
        applicant(call, name="Draft Dana", email="dana@example.org", state=State.DRAFT)
    return first, second


def export_url(campus, call, table, file_format, blind=False):
    address = campus_reverse(
        campus, "calls_manage:export", slug=call.slug, table=table, file_format=file_format
    )
    return address + ("?blind=1" if blind else "")


def csv_rows(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_exports_send_anonymous_people_to_login(client, campus, call):
    response = client.get(export_url(campus, call, "applications", "csv"))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_exports_are_for_the_team_of_this_campus(client, campus, call, request, person):
    client.force_login(request.getfixturevalue(person))

    for table in ("applications", "reviews"):
        assert client.get(export_url(campus, call, table, "csv")).status_code == 403


def test_reviewers_cannot_export(client, campus, call, reviewers):
    client.force_login(reviewers[0])

    assert client.get(export_url(campus, call, "reviews", "xlsx", blind=True)).status_code == 403


def test_another_campus_call_and_unknown_exports_are_not_found(client, campus, other_campus, call, operator):
    foreign = make_call(other_campus, slug="foreign")
    client.force_login(operator)

    assert client.get(export_url(campus, foreign, "applications", "csv")).status_code == 404
    assert client.get(export_url(campus, call, "people", "csv")).status_code == 404
    assert client.get(export_url(campus, call, "applications", "pdf")).status_code == 404


def test_applications_csv_has_answers_scores_and_people(client, campus, call, operator, applications):
    first, second = applications
    client.force_login(operator)

    response = client.get(export_url(campus, call, "applications", "csv"))

    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{call.slug}-applications.csv"' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:6] == ["id", "state", "submitted (Asia/Seoul)", "applicant", "email", "organisation"]
    assert header[6:] == ["field", "motivation", "topics", "plan", "reviews", "raw_mean", "calibrated_merit"]
    assert [row[0] for row in rows] == [str(first.pk), str(second.pk)]  # no draft
    by_column = dict(zip(header, rows[0], strict=True))
    assert by_column["email"] == "minji@example.org"
    assert by_column["organisation"] in {"Fab Lab Seoul", "서울 팹랩"}
    assert by_column["field"] == "energy"
    assert by_column["topics"] == "energy"
    assert by_column["plan"] == f"application-{first.pk}-plan.pdf"
    assert by_column["reviews"] == "2"
    assert float(by_column["raw_mean"]) == pytest.approx(70)
    assert by_column["calibrated_merit"]


def test_blind_exports_have_no_names_or_email(client, campus, call, operator, applications):
    client.force_login(operator)

    for table in ("applications", "reviews"):
        for file_format in ("csv", "xlsx"):
            response = client.get(export_url(campus, call, table, file_format, blind=True))
            assert response.status_code == 200
            assert "-blind." in response["Content-Disposition"]
            rows = csv_rows(response) if file_format == "csv" else xlsx_rows(response)
            text = repr(rows)
            for secret in (
                "Kim Minji",
                "Lee Joon",
                "minji@example.org",
                "Fab Lab",
                "서울 팹랩",
                "Rhee",
                "rhee@",
            ):
                assert secret not in text, (table, file_format, secret)
            assert "email" not in rows[0]
            assert "reviewer" not in rows[0]


def test_reviews_export_lists_scores_totals_and_comments(client, campus, call, operator, applications):
    first, _second = applications
    client.force_login(operator)

    header, *rows = csv_rows(client.get(export_url(campus, call, "reviews", "csv")))

    assert header == ["application", "reviewer", "reviewer_email", "Impact", "total", "comment", header[-1]]
    assert len(rows) == 4
    first_rows = [row for row in rows if row[0] == str(first.pk)]
    assert {(row[2], row[3], row[4]) for row in first_rows} == {
        ("rhee@example.org", "8", "80.0"),
        ("song@example.org", "6", "60.0"),
    }
    # A comment that looks like a formula is written as text.
    assert '\'=HYPERLINK("http://evil")' in {row[5] for row in first_rows}


def test_xlsx_export_opens_with_the_same_rows(client, campus, call, operator, applications):
    client.force_login(operator)

    response = client.get(export_url(campus, call, "applications", "xlsx"))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    header, *rows = xlsx_rows(response)
    assert header[0] == "id"
    assert [row[0] for row in rows] == [application.pk for application in applications]
    assert rows[0][header.index("reviews")] == 2


def test_export_query_count_does_not_grow(client, campus, call, operator, reviewers):
    client.force_login(operator)

    def count(table):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(export_url(campus, call, table, "csv")).status_code == 200
        return len(queries)

    scored(call, reviewers, [5, 6], name="One")
    one = count("applications"), count("reviews")
    scored(call, reviewers, [7, 8], name="Two")
    scored(call, reviewers, [3, 4], name="Three")

    assert (count("applications"), count("reviews")) == one
