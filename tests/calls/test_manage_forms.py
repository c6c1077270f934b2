from decimal import Decimal

import pytest
from django.utils import translation
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, EligibilityRule, FormVersion, Question, Section
from opencampus.calls.services.forms import current_form, questions_of
from opencampus.core.links import campus_reverse
from tests.factories import ApplicationFactory, CallFactory, QuestionFactory, SectionFactory


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"calls_manage:{name}", **kwargs)


def in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def messages_of(response, level):
    return [str(message) for message in response.context["messages"] if message.level_tag == level]


def question_data(**changes):
    data = {
        "key": "field",
        "kind": "single_choice",
        "label_ko": "활동 분야",
        "label_en": "Your field",
        "help_ko": "",
        "help_en": "",
        "choices_text": "energy | 에너지 | Energy\nwaste | 자원순환 | Waste\nfood",
        "extensions_text": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def call(campus):
    with scopes_disabled():
        return CallFactory(campus=campus, slug="pilot")


@pytest.fixture
def section(call):
    with scopes_disabled():
        return SectionFactory(form=current_form(call), campus=call.campus, title_en="About you")


@pytest.fixture
def idea(section):
    with scopes_disabled():
        return QuestionFactory(section=section, key="idea", label_en="Your idea", kind="long_text")


@pytest.fixture
def application(call, idea):
    """An application already received on version 1, with its answer."""
    with scopes_disabled():
        application = ApplicationFactory(call=call, campus=call.campus, state="submitted")
        Answer.objects.create(campus=call.campus, application=application, question=idea, value="Repair café")
    return application


@pytest.fixture
def foreign_question(other_campus):
    with scopes_disabled():
        call = CallFactory(campus=other_campus, slug="pilot")
        section = SectionFactory(form=current_form(call), campus=other_campus)
        return QuestionFactory(section=section, key="idea")


def keys(call):
    with scopes_disabled():
        return [item.key for item in questions_of(current_form(call))]


def get_pages(campus, call, section, question):
    return [
        url(campus, "form", slug=call.slug),
        url(campus, "new_section", slug=call.slug),
        url(campus, "edit_section", slug=call.slug, pk=section.pk),
        url(campus, "new_question", slug=call.slug),
        url(campus, "edit_question", slug=call.slug, pk=question.pk),
        url(campus, "eligibility", slug=call.slug),
    ]


def post_pages(campus, call, section, question):
    return [
        (url(campus, "move_section", slug=call.slug, pk=section.pk), {"direction": "down"}),
        (url(campus, "delete_section", slug=call.slug, pk=section.pk), {}),
        (url(campus, "move_question", slug=call.slug, pk=question.pk), {"direction": "down"}),
        (url(campus, "delete_question", slug=call.slug, pk=question.pk), {}),
        (url(campus, "new_question", slug=call.slug), question_data(section=section.pk)),
    ]


# Who may come in


def test_builder_pages_send_anonymous_people_to_login(client, campus, call, section, idea):
    login = campus_reverse(campus, "people:login")
    for address in get_pages(campus, call, section, idea):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(login)
    for address, data in post_pages(campus, call, section, idea):
        assert client.post(address, data).url.startswith(login)
    assert keys(call) == ["idea"]


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_builder_pages_forbid_people_without_a_team_role_here(
    client, campus, call, section, idea, request, person
):
    client.force_login(request.getfixturevalue(person))

    for address in get_pages(campus, call, section, idea):
        assert client.get(address).status_code == 403
    for address, data in post_pages(campus, call, section, idea):
        assert client.post(address, data).status_code == 403
    assert keys(call) == ["idea"]


def test_builder_objects_of_another_campus_are_not_found(client, campus, operator, foreign_question):
    client.force_login(operator)
    foreign_section = foreign_question.section

    # The other campus's call has the same slug; its objects are still not reachable from here.
    assert client.get(url(campus, "form", slug="pilot")).status_code == 404
    with scopes_disabled():
        CallFactory(campus=campus, slug="pilot")
    for address in get_pages(campus, foreign_question.form.call, foreign_section, foreign_question)[2::2]:
        assert client.get(address).status_code == 404
    delete = url(campus, "delete_question", slug="pilot", pk=foreign_question.pk)
    assert client.post(delete).status_code == 404
    with scopes_disabled():
        assert Question.objects.filter(pk=foreign_question.pk).exists()


def test_question_of_another_call_is_not_found(client, campus, operator, call, idea):
    with scopes_disabled():
        other = CallFactory(campus=campus, slug="other")
    client.force_login(operator)

    assert client.get(url(campus, "edit_question", slug=other.slug, pk=idea.pk)).status_code == 404
    assert client.post(url(campus, "delete_question", slug=other.slug, pk=idea.pk)).status_code == 404


# The builder page


def test_builder_shows_the_current_version_with_sections_and_questions(
    client, campus, staff_member, call, idea
):
    in_english(client, staff_member)

    response = client.get(url(campus, "form", slug=call.slug))

    assert response.status_code == 200
    assert response.context["form_version"].number == 1
    assert response.context["application_count"] == 0
    assert "About you" in response.text
    assert "Your idea" in response.text


def test_builder_says_how_many_applications_use_the_version(client, campus, operator, call, application):
    in_english(client, operator)

    response = client.get(url(campus, "form", slug=call.slug))

    assert response.context["application_count"] == 1
    assert "1 application uses this version." in response.text
    assert "your next change makes version 2" in response.text


# Sections


def test_add_and_edit_a_section(client, campus, operator, call, section):
    client.force_login(operator)

    added = client.post(url(campus, "new_section", slug=call.slug), {"title_ko": "사업 계획", "title_en": ""})
    with scopes_disabled():
        new = Section.objects.get(title_ko="사업 계획")
    edited = client.post(
        url(campus, "edit_section", slug=call.slug, pk=new.pk),
        {"title_ko": "사업 계획", "title_en": "Your plan"},
    )

    assert added.url == edited.url == url(campus, "form", slug=call.slug)
    with scopes_disabled():
        new.refresh_from_db()
        assert (new.title_en, new.position, new.form.number) == ("Your plan", 1, 1)


def test_section_without_title_keeps_the_help_typed(client, campus, operator, call):
    client.force_login(operator)

    response = client.post(
        url(campus, "new_section", slug=call.slug),
        {"title_ko": "", "title_en": "", "help_en": "Tell us more"},
    )

    assert response.status_code == 200
    assert "title_ko" in response.context["form"].errors
    assert "Tell us more" in response.text


def test_move_and_delete_sections(client, campus, operator, call, section):
    with scopes_disabled():
        second = SectionFactory(form=section.form, campus=campus, title_en="Second", position=1)
    client.force_login(operator)

    client.post(url(campus, "move_section", slug=call.slug, pk=second.pk), {"direction": "up"})
    with scopes_disabled():
        assert [item.title_en for item in section.form.sections.order_by("position")] == [
            "Second",
            "About you",
        ]
    client.post(url(campus, "delete_section", slug=call.slug, pk=section.pk))
    with scopes_disabled():
        assert list(Section.objects.all()) == [second]


def test_move_with_a_bad_direction_says_so(client, campus, operator, call, section):
    in_english(client, operator)

    response = client.post(
        url(campus, "move_section", slug=call.slug, pk=section.pk), {"direction": "sideways"}, follow=True
    )

    assert messages_of(response, "error") == ["Choose to move up or down."]


# Questions


def test_add_a_choice_question_parses_the_choices(client, campus, operator, call, section):
    client.force_login(operator)

    response = client.post(url(campus, "new_question", slug=call.slug), question_data(section=section.pk))

    assert response.status_code == 302
    with scopes_disabled():
        question = Question.objects.get(key="field")
    assert question.section == section
    assert question.choices == [
        {"value": "energy", "label_ko": "에너지", "label_en": "Energy"},
        {"value": "waste", "label_ko": "자원순환", "label_en": "Waste"},
        {"value": "food", "label_ko": "", "label_en": ""},
    ]


def test_new_question_page_preselects_the_section(client, campus, operator, call, section):
    client.force_login(operator)

    response = client.get(url(campus, "new_question", slug=call.slug) + f"?section={section.pk}")

    assert response.context["form"]["section"].value() == section.pk


def test_new_question_without_a_section_sends_back_to_the_builder(client, campus, operator, call):
    in_english(client, operator)

    response = client.get(url(campus, "new_question", slug=call.slug), follow=True)

    assert response.redirect_chain[-1][0] == url(campus, "form", slug=call.slug)
    assert messages_of(response, "error") == ["Add a section first; every question belongs to a section."]


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        (
            {"choices_text": "energy | 에너지 | Energy | extra\nwaste"},
            "choices_text",
            "more than three parts",
        ),
        ({"choices_text": " | 에너지\nwaste"}, "choices_text", "no value before"),
        ({"choices_text": "energy\nenergy"}, "choices_text", "repeats the value “energy”"),
        ({"choices_text": "energy"}, "choices_text", "at least two choices"),
        ({"key": "idea"}, "key", "already uses this key"),
        ({"key": "Not a key!"}, "key", ""),
        ({"label_ko": "", "label_en": ""}, "label_ko", "Korean or in English"),
        ({"kind": "number", "min_value": "10", "max_value": "1"}, "max_value", "must not be smaller"),
        ({"kind": "short_text", "min_length": "50", "max_length": "5"}, "max_length", "must not be smaller"),
        ({"kind": "file", "max_file_mb": "5"}, "extensions_text", "file types"),
        ({"kind": "file", "extensions_text": "pdf, ../exe"}, "extensions_text", "not a file type"),
        ({"kind": "file", "extensions_text": "pdf", "max_file_mb": "5000"}, "max_file_mb", "At most"),
        ({"kind": "file", "extensions_text": "pdf"}, "max_file_mb", "largest file"),
    ],
)
def test_invalid_question_keeps_what_was_typed(
    client, campus, operator, call, section, idea, changes, field, error
):
    in_english(client, operator)

    response = client.post(
        url(campus, "new_question", slug=call.slug), question_data(section=section.pk, **changes)
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    with translation.override("en"):  # form errors are lazy
        assert error in " ".join(form.errors[field])
    assert form["label_en"].value() == changes.get("label_en", "Your field")
    assert form["choices_text"].value() == changes.get("choices_text", question_data()["choices_text"])
    assert keys(call) == ["idea"]


def test_file_question_keeps_extensions_and_size(client, campus, operator, call, section):
    client.force_login(operator)

    client.post(
        url(campus, "new_question", slug=call.slug),
        question_data(
            section=section.pk, key="plan", kind="file", extensions_text=".PDF, hwp pdf", max_file_mb="10"
        ),
    )

    with scopes_disabled():
        question = Question.objects.get(key="plan")
    assert (question.allowed_extensions, question.max_file_mb, question.choices) == (["pdf", "hwp"], 10, [])


def test_edit_question_shows_choices_as_lines(client, campus, operator, call, section):
    with scopes_disabled():
        question = QuestionFactory(
            section=section,
            key="field",
            kind="single_choice",
            choices=[
                {"value": "energy", "label_ko": "에너지", "label_en": "Energy"},
                {"value": "food", "label_ko": "먹거리", "label_en": ""},
            ],
        )
    client.force_login(operator)

    response = client.get(url(campus, "edit_question", slug=call.slug, pk=question.pk))

    assert response.context["form"]["choices_text"].value() == "energy | 에너지 | Energy\nfood | 먹거리"


def test_edit_question_keeps_its_own_key(client, campus, operator, call, section, idea):
    client.force_login(operator)

    response = client.post(
        url(campus, "edit_question", slug=call.slug, pk=idea.pk),
        question_data(
            section=section.pk, key="idea", kind="long_text", label_en="Your idea, briefly", max_length="500"
        ),
    )

    assert response.status_code == 302
    with scopes_disabled():
        idea.refresh_from_db()
    assert (idea.label_en, idea.max_length, idea.choices) == ("Your idea, briefly", 500, [])


def test_edit_question_after_an_application_makes_version_two(
    client, campus, operator, call, section, idea, application
):
    in_english(client, operator)

    response = client.post(
        url(campus, "edit_question", slug=call.slug, pk=idea.pk),
        question_data(
            section=section.pk, key="idea", kind="long_text", label_en="Your idea, in one sentence"
        ),
        follow=True,
    )

    assert messages_of(response, "warning") == [
        "Applications already received keep version 1; your change made version 2."
    ]
    assert response.context["form_version"].number == 2
    assert "Your idea, in one sentence" in response.text
    with scopes_disabled():
        application.refresh_from_db()
        assert application.form.number == 1
        answer = application.answers.get()
        assert (answer.question.label_en, answer.value) == ("Your idea", "Repair café")
        assert [version.number for version in FormVersion.objects.filter(call=call)] == [2, 1]


def test_every_change_after_an_application_lands_in_one_new_version(
    client, campus, operator, call, section, idea, application
):
    client.force_login(operator)

    client.post(url(campus, "new_question", slug=call.slug), question_data(section=section.pk))
    with scopes_disabled():
        second_version_section = Section.objects.get(form__number=2)
    client.post(
        url(campus, "new_question", slug=call.slug),
        question_data(section=second_version_section.pk, key="food"),
    )

    assert keys(call) == ["idea", "field", "food"]
    with scopes_disabled():
        assert FormVersion.objects.filter(call=call).count() == 2
        assert [item.key for item in questions_of(application.form)] == ["idea"]


def test_edit_from_a_stale_page_is_refused(client, campus, operator, call, section, idea, application):
    in_english(client, operator)
    client.post(url(campus, "move_question", slug=call.slug, pk=idea.pk), {"direction": "up"})
    client.post(url(campus, "edit_section", slug=call.slug, pk=section.pk), {"title_en": "Changed"})

    # ``idea`` and ``section`` are still of version 1; the current version is 2.
    response = client.post(url(campus, "delete_question", slug=call.slug, pk=idea.pk), follow=True)
    page = client.get(url(campus, "edit_question", slug=call.slug, pk=idea.pk), follow=True)

    stale = "The form has changed since this page was opened. Look at the current version and try again."
    assert messages_of(response, "error") == [stale]
    assert messages_of(page, "error") == [stale]
    assert keys(call) == ["idea"]


def test_move_and_delete_questions(client, campus, operator, call, section, idea):
    with scopes_disabled():
        QuestionFactory(section=section, key="name", position=1)
    client.force_login(operator)

    client.post(url(campus, "move_question", slug=call.slug, pk=idea.pk), {"direction": "down"})
    assert keys(call) == ["name", "idea"]
    client.post(url(campus, "delete_question", slug=call.slug, pk=idea.pk))
    assert keys(call) == ["name"]


def test_delete_question_used_by_a_rule_is_refused(client, campus, operator, call, idea):
    with scopes_disabled():
        EligibilityRule.objects.create(campus=campus, call=call, kind="answered", question_key="idea")
    in_english(client, operator)

    response = client.post(url(campus, "delete_question", slug=call.slug, pk=idea.pk), follow=True)

    assert messages_of(response, "error") == [
        "An eligibility rule uses the question “idea”. Delete the rule first."
    ]
    assert keys(call) == ["idea"]


# Eligibility rules


@pytest.fixture
def questions(section):
    with scopes_disabled():
        QuestionFactory(section=section, key="years", kind="number")
        QuestionFactory(
            section=section,
            key="field",
            kind="single_choice",
            choices=[{"value": "energy", "label_en": "Energy"}, {"value": "food", "label_en": "Food"}],
        )


def rule_data(**changes):
    data = {
        "kind": "number_range",
        "question_key": "years",
        "minimum": "2",
        "message_en": "Two years at least.",
    }
    data.update(changes)
    return data


def rules_of(call):
    with scopes_disabled():
        return list(
            EligibilityRule.objects.filter(call=call).values("kind", "question_key", "values", "minimum")
        )


def test_add_rules_of_each_kind(client, campus, operator, call, questions):
    client.force_login(operator)
    address = url(campus, "eligibility", slug=call.slug)

    for data in [
        rule_data(),
        rule_data(kind="choice", question_key="field", values_text="energy\nfood", minimum=""),
        rule_data(kind="answered", minimum="5"),
        rule_data(kind="organisation_kind", question_key="", organisation_kinds=["resident", "company"]),
    ]:
        assert client.post(address, data).status_code == 302

    assert rules_of(call) == [
        {"kind": "number_range", "question_key": "years", "values": [], "minimum": Decimal(2)},
        {"kind": "choice", "question_key": "field", "values": ["energy", "food"], "minimum": None},
        {"kind": "answered", "question_key": "years", "values": [], "minimum": None},
        {"kind": "organisation_kind", "question_key": "", "values": ["resident", "company"], "minimum": None},
    ]
    page = client.get(address)
    assert page.text.count("Two years at least.") == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"question_key": "missing"}, "question_key"),
        ({"question_key": ""}, "question_key"),
        ({"question_key": "field"}, "question_key"),
        ({"minimum": "", "maximum": ""}, "minimum"),
        ({"minimum": "9", "maximum": "1"}, "maximum"),
        ({"kind": "choice", "question_key": "field", "values_text": "energy\nwater"}, "values_text"),
        ({"kind": "choice", "question_key": "field", "values_text": ""}, "values_text"),
        ({"kind": "choice", "question_key": "years", "values_text": "1"}, "question_key"),
        ({"kind": "organisation_kind", "question_key": ""}, "organisation_kinds"),
        ({"message_en": ""}, "message_ko"),
    ],
)
def test_invalid_rule_keeps_what_was_typed(client, campus, operator, call, questions, changes, field):
    client.force_login(operator)

    response = client.post(url(campus, "eligibility", slug=call.slug), rule_data(**changes))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert form["message_en"].value() == changes.get("message_en", "Two years at least.")
    assert rules_of(call) == []


def test_delete_rule(client, campus, operator, call, questions):
    with scopes_disabled():
        rule = EligibilityRule.objects.create(campus=campus, call=call, kind="answered", question_key="years")
        other_call = CallFactory(campus=campus)
    client.force_login(operator)

    wrong_call = client.post(url(campus, "delete_rule", slug=other_call.slug, pk=rule.pk))
    response = client.post(url(campus, "delete_rule", slug=call.slug, pk=rule.pk))

    assert wrong_call.status_code == 404
    assert response.url == url(campus, "eligibility", slug=call.slug)
    assert rules_of(call) == []


def test_rule_pages_forbid_others(client, campus, participant, other_operator, call, questions):
    address = url(campus, "eligibility", slug=call.slug)

    anonymous = client.post(address, rule_data())
    client.force_login(participant)
    participant_post = client.post(address, rule_data())
    client.force_login(other_operator)
    other_post = client.post(address, rule_data())

    assert anonymous.url.startswith(campus_reverse(campus, "people:login"))
    assert participant_post.status_code == other_post.status_code == 403
    assert rules_of(call) == []
