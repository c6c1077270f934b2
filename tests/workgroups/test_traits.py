"""Participants' traits: the table (with a new attribute column), the call's answers, CSV."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, Question
from opencampus.programs.models import Cohort
from opencampus.workgroups.models import Trait
from tests.factories import ApplicationFactory, CallFactory, QuestionFactory

from .helpers import actions, give_trait, manage_url


@pytest.fixture
def signed_in(client, staff_member):
    client.force_login(staff_member)
    return client


def trait_set():
    with scopes_disabled():
        return {
            (t.participant.user.email, t.attribute, t.value)
            for t in Trait.objects.select_related("participant__user")
        }


def test_the_table_saves_changes_and_a_new_attribute_column(signed_in, campus, cohort, join):
    ana, ben = join(cohort, email="ana@example.org"), join(cohort, email="ben@example.org")
    give_trait(ana, "sector", "public")
    give_trait(ben, "sector", "private")
    page = signed_in.get(manage_url(cohort, "traits"))
    assert 'value="public"' in page.text

    response = signed_in.post(
        manage_url(cohort, "traits"),
        {
            f"t-{ana.pk}-sector": "civic",
            f"t-{ben.pk}-sector": "",
            "new_attribute": "Gender",
            f"t-{ana.pk}-new_attribute": "f",
            f"t-{ben.pk}-new_attribute": "m",
        },
    )

    assert response.status_code == 302
    assert trait_set() == {
        ("ana@example.org", "sector", "civic"),
        ("ana@example.org", "gender", "f"),
        ("ben@example.org", "gender", "m"),
    }
    assert actions(campus) == ["workgroups.traits_changed"]


def test_withdrawn_participants_are_not_in_the_table(signed_in, cohort, join):
    gone = join(cohort, name_en="Gone Person")
    join(cohort, name_en="Still Here")
    with scopes_disabled():
        gone.state, gone.left_on = "withdrawn", gone.joined_on
        gone.save()

    page = signed_in.get(manage_url(cohort, "traits"))

    assert "Still Here" in page.text
    assert "Gone Person" not in page.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"new_attribute": "", "new": "f"}, "Name the new attribute."),
        ({"new_attribute": "age group!", "new": "40s"}, "is not an attribute name"),
        ({"new_attribute": "note", "new": "x" * 101}, "at most 100 characters"),
    ],
)
def test_bad_table_input_saves_nothing_and_keeps_it(signed_in, cohort, join, data, message):
    member = join(cohort)

    response = signed_in.post(
        manage_url(cohort, "traits"),
        {"new_attribute": data["new_attribute"], f"t-{member.pk}-new_attribute": data["new"]},
    )

    assert response.status_code == 400
    assert message in response.text
    assert f'value="{data["new"]}"' in response.text
    assert trait_set() == set()


@pytest.fixture
def call_cohort(campus, cohort):
    """The cohort filled through a call whose form asks for the sector (single choice)."""
    with scopes_disabled():
        call = CallFactory(campus=campus)
        question = QuestionFactory(
            section__form__call=call,
            campus=campus,
            key="sector",
            kind=Question.Kind.SINGLE_CHOICE,
            label_en="Your sector",
            choices=[{"value": "public", "label_en": "Public"}, {"value": "civic", "label_en": "Civic"}],
        )
        Cohort.objects.filter(pk=cohort.pk).update(call=call)
        cohort.refresh_from_db()
    return cohort, call, question


def applied(call, question, participant, value):
    with scopes_disabled():
        application = ApplicationFactory(call=call, applicant=participant.user, form=question.form)
        if value is not None:
            Answer.objects.create(campus=call.campus, application=application, question=question, value=value)
        participant.application = application
        participant.save()


def test_filling_from_the_call_copies_answers_and_counts_who_is_skipped(signed_in, call_cohort, join):
    cohort, call, question = call_cohort
    ana, ben, cho, dan = (join(cohort, email=f"{name}@example.org") for name in ("ana", "ben", "cho", "dan"))
    applied(call, question, ana, "public")
    applied(call, question, ben, "civic")
    applied(call, question, cho, None)  # applied without answering
    page = signed_in.get(manage_url(cohort, "traits"))
    assert "Your sector (sector)" in page.text

    response = signed_in.post(
        manage_url(cohort, "traits_from_call"), {"fill-question": "sector", "fill-attribute": ""}, follow=True
    )

    assert trait_set() == {("ana@example.org", "sector", "public"), ("ben@example.org", "sector", "civic")}
    assert "2 participants&#x27; answers were copied." in response.text
    assert "2 participants have no answer to this question and were skipped." in response.text
    assert dan.application_id is None


def test_filling_from_the_call_refuses_an_unknown_question(signed_in, call_cohort):
    cohort, _call, _question = call_cohort

    response = signed_in.post(
        manage_url(cohort, "traits_from_call"), {"fill-question": "age", "fill-attribute": ""}
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.text


def upload(client, cohort, text, name="traits.csv"):
    data = {"upload-file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")}
    return client.post(manage_url(cohort, "traits_upload"), data)


def test_a_csv_upload_sets_and_removes_traits(signed_in, cohort, join):
    ana = join(cohort, email="ana@example.org")
    join(cohort, email="ben@example.org")
    give_trait(ana, "skills", "design")

    response = upload(
        signed_in,
        cohort,
        "email,attribute,value\nANA@example.org,sector,public\nben@example.org,Sector,civic\nana@example.org,skills,\n",
    )

    assert response.status_code == 302
    assert trait_set() == {("ana@example.org", "sector", "public"), ("ben@example.org", "sector", "civic")}


def test_a_csv_upload_with_bad_lines_names_them_and_saves_nothing(signed_in, cohort, other_cohort, join):
    join(cohort, email="ana@example.org")
    join(other_cohort, email="outsider@example.org")

    response = upload(
        signed_in,
        cohort,
        "ana@example.org,sector,public\n"
        "outsider@example.org,sector,civic\n"
        "ana@example.org,sector,civic\n"
        "ana@example.org,bad name,x\n"
        "ana@example.org,only-two\n"
        f"ana@example.org,motto,{'x' * 101}\n"
        "ana@example.org,<script>alert(1)</script>,x\n",
    )

    assert response.status_code == 400
    text = response.text
    assert "Nothing was saved" in text
    assert "Line 2: outsider@example.org is not an active participant of this cohort." in text
    assert "Line 3: Line 1 already sets this attribute for this person." in text
    assert "Line 4: “bad name” is not an attribute name" in text
    assert "Line 5: Expected 3 columns (email, attribute, value)." in text
    assert "Line 6: A value has at most 100 characters." in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)</script>" not in text
    assert trait_set() == set()


def test_a_csv_upload_that_is_not_utf8_is_refused(signed_in, cohort, join):
    join(cohort, email="ana@example.org")
    data = {"upload-file": SimpleUploadedFile("traits.csv", "ana@example.org,성별,여\n".encode("euc-kr"))}

    response = signed_in.post(manage_url(cohort, "traits_upload"), data)

    assert response.status_code == 400
    assert "Save the file as CSV in UTF-8" in response.text
    assert trait_set() == set()
