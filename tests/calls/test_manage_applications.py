import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, Application, EligibilityRule
from opencampus.calls.services.applications import save_answers, start_application, submit_application
from opencampus.calls.services.forms import current_form
from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    OrganisationFactory,
    QuestionFactory,
    SectionFactory,
    UserFactory,
)

State = Application.State


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


def in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def messages_of(response, level):
    return [str(message) for message in response.context["messages"] if message.level_tag == level]


def state_of(application):
    with scopes_disabled():
        return Application.objects.get(pk=application.pk).state


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus, slug="pilot")
        section = SectionFactory(form=current_form(call), campus=campus, title_en="About you")
        QuestionFactory(section=section, key="motivation", kind="long_text", label_en="Why you?", position=0)
        QuestionFactory(
            section=section, key="years", kind="number", label_en="Years of experience", position=1
        )
        QuestionFactory(
            section=section,
            key="field",
            kind="multiple_choice",
            label_en="Fields",
            position=2,
            choices=[
                {"value": "energy", "label_ko": "에너지", "label_en": "Energy"},
                {"value": "food", "label_ko": "먹거리", "label_en": "Food"},
            ],
        )
        QuestionFactory(
            section=section,
            key="plan",
            kind="file",
            label_en="Project plan",
            position=3,
            allowed_extensions=["pdf"],
            max_file_mb=5,
        )
        QuestionFactory(section=section, key="consent", kind="consent", label_en="I agree", position=4)
        EligibilityRule.objects.create(
            campus=campus,
            call=call,
            kind="number_range",
            question_key="years",
            minimum=2,
            message_en="At least two years of experience.",
        )
    return call


def submitted(call, *, years=3, applicant=None, organisation=None):
    """An application that went through the applicant's real path (answers, submit, eligibility)."""
    with scopes_disabled():
        applicant = applicant or UserFactory()
        application = start_application(call=call, applicant=applicant, organisation=organisation)
        save_answers(
            application=application,
            values={
                "motivation": "Zero-waste markets",
                "years": years,
                "field": ["energy", "food"],
                "consent": True,
            },
            files={"plan": SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")},
        )
        submit_application(application=application, actor=applicant)
        application.refresh_from_db()
    return application


@pytest.fixture
def application(call):
    return submitted(call)


@pytest.fixture
def foreign_application(other_campus):
    with scopes_disabled():
        return ApplicationFactory(
            call=CallFactory(campus=other_campus, slug="pilot"), campus=other_campus, state=State.SUBMITTED
        )


def file_answer(application):
    with scopes_disabled():
        return Answer.objects.get(application=application, question__key="plan")


def page_urls(campus, call, application):
    return [
        url(campus, "applications", slug=call.slug),
        url(campus, "application", slug=call.slug, pk=application.pk),
        url(campus, "answer_file", slug=call.slug, pk=application.pk, answer=file_answer(application).pk),
    ]


def screen(client, campus, application, decision="eligible", reason="Meets the criteria", **extra):
    address = url(campus, "screen_application", slug=application.call.slug, pk=application.pk)
    return client.post(address, {"decision": decision, "reason": reason}, **extra)


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


# Who may come in


def test_pages_send_anonymous_people_to_login(client, campus, call, application):
    login = campus_reverse(campus, "people:login")
    for address in page_urls(campus, call, application):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(login)
    assert screen(client, campus, application).url.startswith(login)
    assert state_of(application) == State.SUBMITTED


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_pages_forbid_people_without_a_team_role_here(client, campus, call, application, request, person):
    client.force_login(request.getfixturevalue(person))

    for address in page_urls(campus, call, application):
        assert client.get(address).status_code == 403
    assert screen(client, campus, application).status_code == 403
    assert state_of(application) == State.SUBMITTED


def test_another_campus_application_is_not_found(client, campus, operator, call, foreign_application):
    client.force_login(operator)

    assert (
        client.get(url(campus, "application", slug=call.slug, pk=foreign_application.pk)).status_code == 404
    )
    assert screen(client, campus, foreign_application).status_code == 404
    assert state_of(foreign_application) == State.SUBMITTED


def test_application_of_another_call_or_a_draft_is_not_found(client, campus, operator, call, application):
    with scopes_disabled():
        other_call = CallFactory(campus=campus, slug="other")
        draft = ApplicationFactory(call=call, campus=campus)
    client.force_login(operator)

    assert client.get(url(campus, "application", slug=other_call.slug, pk=application.pk)).status_code == 404
    assert client.get(url(campus, "application", slug=call.slug, pk=draft.pk)).status_code == 404
    answer = file_answer(application)
    wrong_call = url(campus, "answer_file", slug=other_call.slug, pk=application.pk, answer=answer.pk)
    assert client.get(wrong_call).status_code == 404


# The list


def test_list_shows_submitted_applications_with_failed_rules(client, campus, staff_member, call):
    organisation = OrganisationFactory(campus=campus, name_en="Fab Lab")
    passing = submitted(call, organisation=organisation)
    failing = submitted(call, years=1)
    with scopes_disabled():
        draft = ApplicationFactory(call=call, campus=campus)
    in_english(client, staff_member)

    response = client.get(url(campus, "applications", slug=call.slug))

    listed = list(response.context["applications"])
    assert listed == [passing, failing]
    assert draft not in listed
    assert [[result["message"] for result in item.failed_rules] for item in listed] == [
        [],
        ["At least two years of experience."],
    ]
    assert "Fab Lab" in response.text
    assert {value: count for value, _label, count in response.context["state_counts"]}["ineligible"] == 1


def test_list_filters_by_state(client, campus, staff_member, call):
    submitted(call)
    failing = submitted(call, years=1)
    client.force_login(staff_member)

    response = client.get(url(campus, "applications", slug=call.slug), {"state": "ineligible"})
    unknown = client.get(url(campus, "applications", slug=call.slug), {"state": "draft"})

    assert list(response.context["applications"]) == [failing]
    assert len(unknown.context["applications"]) == 2


def test_list_query_count_does_not_grow_with_applications(client, campus, staff_member, call):
    client.force_login(staff_member)
    address = url(campus, "applications", slug=call.slug)

    submitted(call, organisation=OrganisationFactory(campus=campus))
    one = count_queries(client, address)
    submitted(call, organisation=OrganisationFactory(campus=campus))
    submitted(call, years=1)
    three = count_queries(client, address)

    assert one == three


def test_list_is_paginated(client, campus, staff_member, call):
    with scopes_disabled():
        for _ in range(51):
            ApplicationFactory(call=call, campus=campus, state=State.SUBMITTED, submitted_at=timezone.now())
    client.force_login(staff_member)

    first = client.get(url(campus, "applications", slug=call.slug), {"state": "submitted"})
    second = client.get(url(campus, "applications", slug=call.slug), {"state": "submitted", "page": 2})

    assert len(first.context["applications"]) == 50
    assert len(second.context["applications"]) == 1
    assert "state=submitted&amp;page=2" in first.text


# The detail page


def test_detail_shows_answers_eligibility_and_history(client, campus, operator, call):
    application = submitted(call, years=1)
    in_english(client, operator)

    response = client.get(url(campus, "application", slug=call.slug, pk=application.pk))

    assert response.status_code == 200
    shown = {
        row["question"].key: row["shown"]
        for _section, rows in response.context["answer_sections"]
        for row in rows
    }
    assert shown == {
        "motivation": {"text": "Zero-waste markets"},
        "years": {"text": "1"},
        "field": {"choices": ["Energy", "Food"]},
        "plan": {"file": "plan.pdf"},
        "consent": {"text": "Agreed"},
    }
    text = response.text
    assert '<span class="tag">Energy</span> <span class="tag">Food</span>' in text
    assert "Zero-waste markets\n" in text
    assert "At least two years of experience." in text
    file_url = url(
        campus, "answer_file", slug=call.slug, pk=application.pk, answer=file_answer(application).pk
    )
    assert file_url in text
    assert "/media/" not in text
    with translation.override("en"):  # the state labels in the context are lazy
        assert [entry["state"] for entry in response.context["history"]] == ["not eligible"]
    assert response.context["eligibility"] == [
        {"passed": False, "message": "At least two years of experience."}
    ]


def test_answers_stay_with_the_version_they_were_given_on(client, campus, operator, call, application):
    with scopes_disabled():
        motivation = current_form(call).questions.get(key="motivation")
    client.force_login(operator)
    client.post(
        url(campus, "edit_question", slug=call.slug, pk=motivation.pk),
        {"section": motivation.section_id, "key": "motivation", "kind": "long_text", "label_en": "Renamed"},
    )
    in_english(client, operator)

    response = client.get(url(campus, "application", slug=call.slug, pk=application.pk))

    assert "Why you?" in response.text
    assert "Renamed" not in response.text
    assert "Zero-waste markets" in response.text
    with scopes_disabled():
        assert current_form(call).number == 2


def test_file_download_is_an_attachment_for_the_team(client, campus, staff_member, call, application):
    client.force_login(staff_member)
    answer = file_answer(application)

    response = client.get(url(campus, "answer_file", slug=call.slug, pk=application.pk, answer=answer.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert response["Content-Disposition"].startswith("attachment")
    assert "plan.pdf" in response["Content-Disposition"]


def test_file_download_of_an_answer_without_file_is_not_found(
    client, campus, staff_member, call, application
):
    client.force_login(staff_member)
    with scopes_disabled():
        answer = Answer.objects.get(application=application, question__key="motivation")

    response = client.get(url(campus, "answer_file", slug=call.slug, pk=application.pk, answer=answer.pk))

    assert response.status_code == 404


# Screening


def test_screening_marks_eligible_with_the_reason_and_logs_it(
    client, campus, staff_member, call, application
):
    in_english(client, staff_member)

    response = screen(client, campus, application, follow=True)

    assert response.redirect_chain[-1][0] == url(campus, "application", slug=call.slug, pk=application.pk)
    assert messages_of(response, "success") == ["The application is marked “eligible”."]
    with scopes_disabled():
        application.refresh_from_db()
        entry = ActivityLog.objects.filter(action="application.eligible").get()
    assert (application.state, application.screening_reason) == (State.ELIGIBLE, "Meets the criteria")
    assert (entry.actor, entry.data["reason"], entry.data["from"]) == (
        staff_member,
        "Meets the criteria",
        "submitted",
    )
    with translation.override("en"):  # the state labels in the context are lazy
        assert [entry["state"] for entry in response.context["history"]] == ["submitted", "eligible"]
    assert "Meets the criteria" in response.text


def test_screening_overrides_an_automatic_ineligibility(client, campus, operator, call):
    application = submitted(call, years=1)
    client.force_login(operator)

    screen(client, campus, application, reason="Experience abroad counts")

    assert state_of(application) == State.ELIGIBLE


@pytest.mark.parametrize("reason", ["", "   "])
def test_screening_requires_a_reason(client, campus, operator, call, application, reason):
    in_english(client, operator)

    response = screen(client, campus, application, decision="ineligible", reason=reason)

    assert response.status_code == 200
    with translation.override("en"):  # form errors are lazy
        assert response.context["screening_form"].errors["reason"] == [
            "Give the reason for this screening decision."
        ]
    assert response.context["screening_form"]["decision"].value() == "ineligible"
    assert state_of(application) == State.SUBMITTED


def test_screening_a_withdrawn_application_is_refused_and_keeps_the_reason(
    client, campus, operator, call, application
):
    with scopes_disabled():
        Application.objects.filter(pk=application.pk).update(state=State.WITHDRAWN)
    in_english(client, operator)

    response = screen(client, campus, application, reason="Typed with care")

    assert response.status_code == 200
    assert messages_of(response, "error") == ["An application that is “withdrawn” cannot become “eligible”."]
    assert "Typed with care" in response.text
    assert state_of(application) == State.WITHDRAWN


def test_screening_with_an_unknown_decision_changes_nothing(client, campus, operator, call, application):
    client.force_login(operator)

    response = screen(client, campus, application, decision="accepted")

    assert response.status_code == 200
    assert "decision" in response.context["screening_form"].errors
    assert state_of(application) == State.SUBMITTED


def test_screening_is_post_only(client, campus, operator, call, application):
    client.force_login(operator)

    address = url(campus, "screen_application", slug=call.slug, pk=application.pk)
    assert client.get(address).status_code == 405
