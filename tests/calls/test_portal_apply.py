"""Starting an application, filling in the form, saving, autosaving and submitting it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, Application, EligibilityRule
from opencampus.core.links import campus_reverse
from opencampus.core.models import OutboxMessage
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    SectionFactory,
)

State = Application.State
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    client.cookies["opencampus_language"] = "en"


@pytest.fixture
def person(campus, make_person):
    return make_person(campus, "participant", preferred_language="en", email="minji@example.org")


@pytest.fixture
def call(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus, slug="pilot-2020", allow_organisations=True)
        add_questions(call)
    return call


def add_questions(call):
    section = SectionFactory(
        form__call=call, form__campus=call.campus, campus=call.campus, title_en="About you"
    )
    QuestionFactory(
        section=section,
        key="motivation",
        kind="long_text",
        required=True,
        max_length=500,
        label_en="Why do you apply?",
    )
    QuestionFactory(
        section=section,
        key="years",
        kind="number",
        min_value=0,
        max_value=50,
        label_en="Years of experience",
    )
    QuestionFactory(
        section=section,
        key="field",
        kind="single_choice",
        label_en="Field",
        choices=[
            {"value": "environment", "label_ko": "환경", "label_en": "Environment"},
            {"value": "digital", "label_ko": "디지털", "label_en": "Digital"},
        ],
    )
    QuestionFactory(
        section=section,
        key="portfolio",
        kind="file",
        allowed_extensions=["pdf"],
        max_file_mb=1,
        label_en="Portfolio",
    )
    QuestionFactory(section=section, key="consent", kind="consent", required=True, label_en="I agree")


def url(call, name="calls:application"):
    return campus_reverse(call.campus, name, slug=call.slug)


def start(call, person, **fields):
    with scopes_disabled():
        return ApplicationFactory(call=call, campus=call.campus, applicant=person, **fields)


def stored(application):
    with scopes_disabled():
        application.refresh_from_db()
        return {answer.question.key: answer for answer in Answer.objects.filter(application=application)}


COMPLETE = {
    "q-motivation": "Zero-waste markets in Eunpyeong",
    "q-years": "4",
    "q-field": "environment",
    "q-consent": "on",
}


# Access


@pytest.mark.parametrize("name", ["calls:apply", "calls:application", "calls:status", "calls:mine"])
def test_anonymous_is_sent_to_campus_login_with_next(client, call, name):
    target = campus_reverse(call.campus, name) if name == "calls:mine" else url(call, name)

    response = client.get(target)

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(call.campus, "people:login"))
    assert "next=" in response.url


def test_apply_to_another_campus_call_is_not_found(client, campus, other_campus, person):
    with scopes_disabled():
        there = CallFactory(campus=other_campus, slug="busan-call")
    client.force_login(person)

    response = client.post(campus_reverse(campus, "calls:apply", slug=there.slug), {"applicant_as": "self"})

    assert response.status_code == 404
    with scopes_disabled():
        assert not Application.objects.exists()


def test_another_persons_application_is_unreachable(client, call, person, make_person):
    mine = start(call, person)
    with scopes_disabled():
        Answer.objects.create(
            campus=call.campus,
            application=mine,
            question=mine.form.questions.get(key="motivation"),
            value="My secret plan",
        )
    intruder = make_person(call.campus, "participant", preferred_language="en")
    client.force_login(intruder)

    for name in ["calls:application", "calls:status"]:
        response = client.get(url(call, name), follow=True)

        assert "My secret plan" not in response.content.decode()
        assert response.redirect_chain[0][0] == url(call, "calls:detail")
    response = client.post(url(call, "calls:withdraw"))

    assert response.url == url(call, "calls:detail")
    assert stored(mine)["motivation"].value == "My secret plan"
    assert mine.state == State.DRAFT


# Apply


def test_apply_starts_one_draft_even_when_posted_twice(client, call, person):
    client.force_login(person)

    first = client.post(url(call, "calls:apply"), {"applicant_as": "self"})
    second = client.post(url(call, "calls:apply"), {"applicant_as": "self"})

    assert first.url == second.url == url(call)
    with scopes_disabled():
        application = Application.objects.get(call=call)
    assert application.applicant == person
    assert application.state == State.DRAFT
    assert application.organisation is None


def test_apply_on_behalf_of_an_organisation_the_person_represents(client, call, person):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=call.campus)
        MembershipFactory(organisation=organisation, user=person, role="manager")
    client.force_login(person)

    client.post(url(call, "calls:apply"), {"applicant_as": str(organisation.pk)})

    with scopes_disabled():
        assert Application.objects.get(call=call).organisation == organisation


def test_apply_for_an_organisation_where_only_a_member_is_refused(client, call, person):
    with scopes_disabled():
        organisation = OrganisationFactory(campus=call.campus)
        MembershipFactory(organisation=organisation, user=person, role="member")
    client.force_login(person)

    response = client.post(url(call, "calls:apply"), {"applicant_as": str(organisation.pk)})

    assert response.status_code == 200
    assert response.context["form"].errors
    with scopes_disabled():
        assert not Application.objects.exists()


def test_apply_as_individual_refused_when_call_takes_only_organisations(client, campus, person):
    with scopes_disabled():
        call = CallFactory(campus=campus, allow_individuals=False, allow_organisations=True)
    client.force_login(person)

    response = client.post(url(call, "calls:apply"), {"applicant_as": "self"})

    assert response.status_code == 200
    assert "only on behalf of an organisation" in response.content.decode()
    with scopes_disabled():
        assert not Application.objects.exists()


def test_apply_after_closing_is_refused_with_a_message(client, campus, person):
    with scopes_disabled():
        call = CallFactory(
            campus=campus,
            opens_at=timezone.now() - timedelta(days=9),
            closes_at=timezone.now() - timedelta(minutes=1),
        )
    client.force_login(person)

    response = client.post(url(call, "calls:apply"), {"applicant_as": "self"}, follow=True)

    assert "closed on" in response.content.decode()
    with scopes_disabled():
        assert not Application.objects.exists()


def test_apply_page_before_opening_leads_to_the_call_page(client, campus, person):
    with scopes_disabled():
        call = CallFactory(campus=campus, opens_at=timezone.now() + timedelta(days=2))
    client.force_login(person)

    response = client.get(url(call, "calls:apply"), follow=True)

    assert response.redirect_chain[-1][0] == url(call, "calls:detail")
    assert "not open for applications yet" in response.content.decode()


def test_form_without_an_application_leads_to_the_call_page(client, call, person):
    client.force_login(person)

    response = client.get(url(call))

    assert response.url == url(call, "calls:detail")


# The form


def test_form_shows_questions_typed_with_required_marked(client, call, person):
    start(call, person)
    client.force_login(person)

    response = client.get(url(call))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="q-motivation"' in content
    assert 'type="number"' in content
    assert 'type="file"' in content
    assert 'accept=".pdf"' in content
    assert "(required)" in content
    assert "calls-autosave.js" in content
    assert "<script>" not in content  # no inline script under the CSP


def test_save_draft_without_required_answers_works(client, call, person):
    application = start(call, person)
    client.force_login(person)

    response = client.post(url(call), {"q-years": "3", "action": "save"})

    assert response.status_code == 302
    assert response.url == url(call)
    answers = stored(application)
    assert answers["years"].value == 3
    assert answers["motivation"].value == ""
    assert application.state == State.DRAFT


def test_submit_with_missing_answers_lists_them_and_keeps_values(client, call, person):
    application = start(call, person)
    client.force_login(person)

    response = client.post(url(call), {"q-years": "7", "q-field": "digital", "action": "submit"})

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"motivation", "consent"}
    content = response.content.decode()
    assert "2 answers need your attention" in content
    assert 'href="#id_q-motivation"' in content
    assert 'value="7"' in content
    assert re.search(r'<input type="radio" name="q-field" value="digital"[^>]* checked', content)
    assert application.state == State.DRAFT
    assert stored(application)["years"].value == 7  # what was valid is kept as a draft
    assert mail.outbox == []


def test_submit_with_invalid_answers_shows_each_error(client, call, person):
    start(call, person)
    client.force_login(person)

    response = client.post(
        url(call), {**COMPLETE, "q-years": "99", "q-motivation": "x" * 501, "action": "submit"}
    )

    errors = response.context["form"].errors
    assert set(errors) == {"years", "motivation"}
    assert "50" in errors["years"][0]


def test_submit_complete_application_goes_to_status_with_mail(
    client, call, person, django_capture_on_commit_callbacks
):
    application = start(call, person)
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(call), {**COMPLETE, "action": "submit"}, follow=True)

    assert response.redirect_chain[-1][0] == url(call, "calls:status")
    assert "Your application has been submitted" in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.SUBMITTED
    assert application.submitted_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["minji@example.org"]
    assert url(call, "calls:status") in mail.outbox[0].body


def test_submit_that_fails_a_condition_shows_it_on_the_status_page(client, call, person):
    with scopes_disabled():
        EligibilityRule.objects.create(
            campus=call.campus,
            call=call,
            kind=EligibilityRule.Kind.NUMBER_RANGE,
            question_key="years",
            minimum=5,
            message_en="At least five years of experience are needed.",
        )
    application = start(call, person)
    client.force_login(person)

    response = client.post(url(call), {**COMPLETE, "q-years": "2", "action": "submit"}, follow=True)

    application.refresh_from_db()
    assert application.state == State.INELIGIBLE
    content = response.content.decode()
    assert "does not meet every condition" in content
    assert "At least five years of experience are needed." in content


def test_submitting_twice_leaves_one_application_and_one_mail(
    client, call, person, django_capture_on_commit_callbacks
):
    client.force_login(person)
    client.post(url(call, "calls:apply"), {"applicant_as": "self"})

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(call), {**COMPLETE, "action": "submit"})
        second = client.post(url(call), {**COMPLETE, "action": "submit"})

    assert first.url == second.url == url(call, "calls:status")
    with scopes_disabled():
        application = Application.objects.get(call=call)
        assert OutboxMessage.objects.filter(reason="application.submitted").count() == 1
    assert application.state == State.SUBMITTED
    assert len(mail.outbox) == 1


def test_changes_to_a_submitted_application_must_pass_required_checks(client, call, person):
    application = start(call, person, state=State.SUBMITTED, submitted_at=timezone.now())
    with scopes_disabled():
        Answer.objects.create(
            campus=call.campus,
            application=application,
            question=application.form.questions.get(key="motivation"),
            value="Original",
        )
    client.force_login(person)

    response = client.post(url(call), {"q-motivation": "", "q-years": "2", "action": "save"})

    assert response.status_code == 200
    assert "motivation" in response.context["form"].errors
    answers = stored(application)
    assert answers["motivation"].value == "Original"
    assert "years" not in answers
    assert "Submit changes" in response.content.decode()


# Files


def test_wrong_file_type_names_the_allowed_types(client, call, person):
    application = start(call, person)
    client.force_login(person)
    upload = SimpleUploadedFile("portfolio.exe", b"MZ\x90\x00", content_type="application/pdf")

    response = client.post(url(call), {"q-years": "3", "q-portfolio": upload, "action": "save"})

    assert response.status_code == 200
    message = response.context["form"].errors["portfolio"][0]
    assert "portfolio.exe" in message
    assert "PDF" in message
    assert 'value="3"' in response.content.decode()
    assert "portfolio" not in stored(application)


def test_oversize_file_is_refused_with_the_limit(client, call, person):
    start(call, person)
    client.force_login(person)
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf")

    response = client.post(url(call), {"q-portfolio": upload, "action": "save"})

    message = response.context["form"].errors["portfolio"][0]
    assert "1 MB" in message
    assert "big.pdf" in message


def test_pdf_without_pdf_header_is_refused(client, call, person):
    start(call, person)
    client.force_login(person)
    upload = SimpleUploadedFile("fake.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client.post(url(call), {"q-portfolio": upload, "action": "save"})

    with translation.override("en"):  # form errors are lazy
        assert "not a real PDF" in response.context["form"].errors["portfolio"][0]


def test_uploaded_file_is_shown_and_kept_unless_replaced(client, call, person):
    application = start(call, person)
    client.force_login(person)
    upload = SimpleUploadedFile("Portfolio.PDF", PDF, content_type="application/pdf")

    client.post(url(call), {"q-portfolio": upload, "action": "save"})
    client.post(url(call), {"q-years": "5", "action": "save"})
    response = client.get(url(call))

    answers = stored(application)
    assert answers["portfolio"].file.name.endswith(".PDF")
    with answers["portfolio"].file.open("rb") as stored_file:
        assert stored_file.read() == PDF
    assert "Current file: Portfolio.PDF" in response.content.decode()


# Deadline


def test_late_submit_is_refused_and_keeps_what_was_typed(client, campus, person):
    with scopes_disabled():
        call = CallFactory(
            campus=campus,
            opens_at=timezone.now() - timedelta(days=9),
            closes_at=timezone.now() - timedelta(minutes=1),
        )
        add_questions(call)
    application = start(call, person)
    client.force_login(person)

    response = client.post(
        url(call), {**COMPLETE, "q-motivation": "Typed at the last second", "action": "submit"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "closed on" in content
    assert "Typed at the last second" in content
    assert "Asia/Seoul" in content
    application.refresh_from_db()
    assert application.state == State.DRAFT
    assert stored(application) == {}
    assert mail.outbox == []


def test_form_after_closing_leads_to_the_status_page(client, campus, person):
    with scopes_disabled():
        call = CallFactory(
            campus=campus,
            opens_at=timezone.now() - timedelta(days=9),
            closes_at=timezone.now() - timedelta(minutes=1),
        )
    start(call, person)
    client.force_login(person)

    response = client.get(url(call), follow=True)

    assert response.redirect_chain[-1][0] == url(call, "calls:status")
    assert "closed on" in response.content.decode()


# Autosave


def test_autosave_answers_json_and_saves_the_draft(client, call, person):
    application = start(call, person)
    client.force_login(person)

    response = client.post(
        url(call), {"q-motivation": "Half a thought", "action": "save"}, headers={"x-autosave": "1"}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["saved"] is True
    assert body["message"] == f"Draft saved at {body['saved_at']}."
    assert len(body["saved_at"]) == 5
    assert stored(application)["motivation"].value == "Half a thought"


def test_autosave_reports_invalid_answers_and_saves_the_rest(client, call, person):
    application = start(call, person)
    client.force_login(person)

    response = client.post(url(call), {"q-motivation": "Fine", "q-years": "-1"}, headers={"x-autosave": "1"})

    body = response.json()
    assert body["saved"] is True
    assert list(body["errors"]) == ["years"]
    answers = stored(application)
    assert answers["motivation"].value == "Fine"
    assert "years" not in answers


def test_autosave_ignores_files(client, call, person):
    application = start(call, person)
    client.force_login(person)
    upload = SimpleUploadedFile("portfolio.pdf", PDF, content_type="application/pdf")

    client.post(url(call), {"q-portfolio": upload}, headers={"x-autosave": "1"})

    assert "portfolio" not in stored(application)


def test_autosave_after_closing_answers_json_refusal(client, campus, person):
    with scopes_disabled():
        call = CallFactory(
            campus=campus,
            opens_at=timezone.now() - timedelta(days=9),
            closes_at=timezone.now() - timedelta(minutes=1),
        )
        add_questions(call)
    application = start(call, person)
    client.force_login(person)

    response = client.post(url(call), {"q-motivation": "Too late"}, headers={"x-autosave": "1"})

    assert response.status_code == 409
    assert response.json()["saved"] is False
    assert "closed on" in response.json()["message"]
    assert stored(application) == {}
