from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from opencampus.calls.models import Answer, EligibilityRule, Question, Section
from opencampus.calls.services.form_builder import (
    FormBuilderError,
    add_eligibility_rule,
    add_question,
    add_section,
    delete_eligibility_rule,
    delete_question,
    delete_section,
    move_question,
    move_section,
    update_question,
    update_section,
)
from opencampus.calls.services.forms import current_form, questions_of
from opencampus.core.models import ActivityLog
from tests.factories import ApplicationFactory, CallFactory, QuestionFactory, SectionFactory

pytestmark = pytest.mark.usefixtures("_no_scopes")


@pytest.fixture
def _no_scopes(db):
    with scopes_disabled():
        yield


@pytest.fixture
def call(campus):
    return CallFactory(campus=campus)


@pytest.fixture
def section(call):
    return SectionFactory(form=current_form(call), campus=call.campus, title_en="About you", position=0)


def question(section, key, **fields):
    return QuestionFactory(section=section, form=section.form, campus=section.campus, key=key, **fields)


def received_application(call, answers):
    """An application on the current version, with answers by key."""
    application = ApplicationFactory(call=call, campus=call.campus, state="submitted")
    for item in questions_of(application.form):
        if item.key in answers:
            Answer.objects.create(
                campus=call.campus, application=application, question=item, value=answers[item.key]
            )
    return application


def keys(form):
    return [item.key for item in questions_of(form)]


def actions():
    return list(ActivityLog.objects.order_by("pk").values_list("action", flat=True))


# Sections


def test_add_section_goes_last_and_is_logged(call, section, operator):
    change = add_section(call=call, actor=operator, title_en="Your project")

    assert change.item.position == 1
    assert change.form == current_form(call)
    assert not change.made_new_version
    assert [item.title_en for item in Section.objects.filter(form=change.form)] == [
        "About you",
        "Your project",
    ]
    entry = ActivityLog.objects.get(action="call.form.section_added")
    assert entry.actor == operator
    assert entry.data["version"] == 1


def test_add_section_without_title_is_refused(call, operator):
    with pytest.raises(FormBuilderError) as error:
        add_section(call=call, actor=operator, title_ko="", title_en="")

    assert error.value.field == "title_ko"
    assert not Section.objects.exists()


def test_update_section_after_applications_changes_the_copy_found_by_position(call, operator):
    form = current_form(call)
    # Same position value: the reading order falls back to creation order, in the copy too.
    first = SectionFactory(form=form, campus=call.campus, title_en="First", position=0)
    SectionFactory(form=form, campus=call.campus, title_en="Second", position=0)
    question(first, "idea")
    received_application(call, {"idea": "Repair café"})

    change = update_section(section=first, actor=operator, title_en="First, renamed")

    assert change.made_new_version
    assert change.kept_version == form
    assert change.form.number == 2
    assert [
        item.title_en for item in Section.objects.filter(form=change.form).order_by("position", "pk")
    ] == [
        "First, renamed",
        "Second",
    ]
    first.refresh_from_db()
    assert first.title_en == "First"
    assert "call.form.version_created" in actions()


def test_update_section_without_change_makes_no_version(call, section, operator):
    received_application(call, {})

    change = update_section(section=section, actor=operator, title_en="About you")

    assert not change.changed
    assert current_form(call).number == 1


def test_move_section_swaps_neighbours_and_stops_at_the_edge(call, operator):
    form = current_form(call)
    first = SectionFactory(form=form, campus=call.campus, title_en="A", position=0)
    second = SectionFactory(form=form, campus=call.campus, title_en="B", position=0)

    move_section(section=second, direction="up", actor=operator)
    edge = move_section(section=second, direction="up", actor=operator)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.position, first.position) == (0, 1)
    assert not edge.changed


def test_delete_section_deletes_its_questions(call, section, operator):
    question(section, "idea")
    other = add_section(call=call, actor=operator, title_en="Kept").item

    delete_section(section=section, actor=operator)

    assert list(Section.objects.filter(form=current_form(call))) == [other]
    assert Section.objects.get(pk=other.pk).position == 0
    assert not Question.objects.exists()


def test_delete_section_after_applications_keeps_the_old_version_whole(call, section, operator):
    question(section, "idea")
    application = received_application(call, {"idea": "Repair café"})

    change = delete_section(section=section, actor=operator)

    assert change.form.number == 2
    assert not Section.objects.filter(form=change.form).exists()
    assert keys(application.form) == ["idea"]
    assert application.answers.get().value == "Repair café"


def test_delete_section_refused_while_a_rule_uses_its_question(call, section, operator):
    question(section, "years", kind="number")
    EligibilityRule.objects.create(campus=call.campus, call=call, kind="number_range", question_key="years")

    with pytest.raises(FormBuilderError, match="years"):
        delete_section(section=section, actor=operator)

    assert Section.objects.filter(pk=section.pk).exists()


# Questions


def test_add_question_sets_position_and_clears_fields_of_other_kinds(call, section, operator):
    question(section, "name")

    change = add_question(
        section=section,
        actor=operator,
        key="field",
        kind="single_choice",
        label_en="Your field",
        choices=[{"value": "energy", "label_ko": "에너지", "label_en": "Energy"}],
        min_length=3,
        allowed_extensions=["pdf"],
    )

    added = Question.objects.get(pk=change.item.pk)
    assert added.position == 1
    assert added.choices[0]["value"] == "energy"
    assert (added.min_length, added.allowed_extensions) == (None, [])
    assert ActivityLog.objects.get(action="call.form.question_added").data["key"] == "field"


def test_add_question_with_a_taken_key_is_refused(call, section, operator):
    question(section, "idea")

    with pytest.raises(FormBuilderError) as error:
        add_question(section=section, actor=operator, key="idea", kind="short_text", label_en="Again")

    assert error.value.field == "key"
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "single_choice", "choices": []}, "choices"),
        ({"kind": "file", "allowed_extensions": []}, "allowed_extensions"),
        ({"kind": "number", "min_value": Decimal(5), "max_value": Decimal(1)}, "max_value"),
        ({"kind": "short_text", "min_length": 10, "max_length": 2}, "max_length"),
        ({"kind": "short_text", "label_en": ""}, "label_ko"),
    ],
)
def test_add_question_refuses_inconsistent_fields(call, section, operator, fields, field):
    with pytest.raises(FormBuilderError) as error:
        add_question(section=section, actor=operator, **{"key": "q", "label_en": "Q", **fields})

    assert error.value.field == field


def test_add_question_after_applications_makes_a_new_version(call, section, operator):
    question(section, "idea")
    application = received_application(call, {"idea": "Repair café"})

    change = add_question(section=section, actor=operator, key="budget", kind="number", label_en="Budget")

    assert change.made_new_version
    assert (change.kept_version.number, change.form.number) == (1, 2)
    assert change.item.section.form == change.form
    assert keys(change.form) == ["idea", "budget"]
    application.refresh_from_db()
    assert application.form.number == 1
    assert keys(application.form) == ["idea"]
    assert application.answers.get().question.form.number == 1


def test_update_question_after_applications_edits_the_copy_found_by_key(call, section, operator):
    original = question(section, "idea", label_en="Your idea")
    question(section, "name", label_en="Your name")
    application = received_application(call, {"idea": "Repair café", "name": "Kim"})

    change = update_question(question=original, actor=operator, label_en="Your idea, in one sentence")

    assert change.form.number == 2
    assert change.item.key == "idea"
    assert change.item.form == change.form
    assert [item.label_en for item in questions_of(change.form)] == [
        "Your idea, in one sentence",
        "Your name",
    ]
    original.refresh_from_db()
    assert original.label_en == "Your idea"
    answers = {
        answer.question.key: (answer.question.label_en, answer.value) for answer in application.answers.all()
    }
    assert answers == {"idea": ("Your idea", "Repair café"), "name": ("Your name", "Kim")}
    entry = ActivityLog.objects.get(action="call.form.question_changed")
    assert entry.data == {"version": 2, "kept_version": 1, "key": "idea", "fields": ["label_en"]}


def test_second_edit_after_the_copy_changes_the_copy_in_place(call, section, operator):
    original = question(section, "idea")
    received_application(call, {"idea": "x"})
    copy = update_question(question=original, actor=operator, label_en="One").item

    change = update_question(question=copy, actor=operator, label_en="Two")

    assert not change.made_new_version
    assert current_form(call).number == 2


def test_editing_an_old_version_is_refused(call, section, operator):
    original = question(section, "idea")
    received_application(call, {"idea": "x"})
    update_question(question=original, actor=operator, label_en="New")

    with pytest.raises(FormBuilderError, match="changed since"):
        update_question(question=original, actor=operator, label_en="Stale")

    assert current_form(call).number == 2


def test_update_question_key_taken_or_used_by_a_rule_is_refused(call, section, operator):
    first = question(section, "idea")
    question(section, "name")

    with pytest.raises(FormBuilderError) as taken:
        update_question(question=first, actor=operator, key="name")
    EligibilityRule.objects.create(campus=call.campus, call=call, kind="answered", question_key="idea")
    with pytest.raises(FormBuilderError) as used:
        update_question(question=first, actor=operator, key="idea-2")

    assert taken.value.field == used.value.field == "key"
    assert keys(current_form(call)) == ["idea", "name"]


def test_update_question_kind_clears_what_the_new_kind_does_not_use(call, section, operator):
    choice = question(
        section, "field", kind="single_choice", choices=[{"value": "a", "label_ko": "", "label_en": "A"}]
    )

    update_question(question=choice, actor=operator, kind="long_text", max_length=2000)

    choice.refresh_from_db()
    assert (choice.kind, choice.choices, choice.max_length) == ("long_text", [], 2000)


def test_update_question_moves_it_to_the_end_of_another_section(call, section, operator):
    moved = question(section, "a", position=0)
    stays = question(section, "b", position=1)
    other = SectionFactory(form=section.form, campus=call.campus, position=1)
    question(other, "c", position=0)

    update_question(question=moved, actor=operator, section=other)

    moved.refresh_from_db()
    stays.refresh_from_db()
    assert (moved.section, moved.position) == (other, 1)
    assert stays.position == 0
    assert keys(current_form(call)) == ["b", "c", "a"]


def test_update_question_moved_after_applications_lands_in_the_copied_section(call, section, operator):
    moved = question(section, "a")
    other = SectionFactory(form=section.form, campus=call.campus, position=1, title_en="Other")
    received_application(call, {})

    change = update_question(question=moved, actor=operator, section=other)

    assert change.item.section.form == change.form
    assert change.item.section.title_en == "Other"
    moved.refresh_from_db()
    assert moved.section == section


def test_move_question_within_its_section(call, section, operator):
    first, _second, third = (question(section, key, position=0) for key in ("a", "b", "c"))

    move_question(question=third, direction="up", actor=operator)
    move_question(question=first, direction="down", actor=operator)

    assert keys(current_form(call)) == ["c", "a", "b"]
    assert ActivityLog.objects.filter(action="call.form.question_moved").count() == 2


def test_move_question_after_applications_moves_in_the_copy(call, section, operator):
    question(section, "a", position=0)
    second = question(section, "b", position=1)
    application = received_application(call, {})

    change = move_question(question=second, direction="up", actor=operator)

    assert keys(change.form) == ["b", "a"]
    assert keys(application.form) == ["a", "b"]


def test_move_question_at_the_edge_changes_nothing(call, section, operator):
    only = question(section, "a")
    received_application(call, {})

    change = move_question(question=only, direction="down", actor=operator)

    assert not change.changed
    assert current_form(call).number == 1


def test_delete_question_after_applications_keeps_the_answers(call, section, operator):
    doomed = question(section, "idea")
    question(section, "name")
    application = received_application(call, {"idea": "Repair café"})

    change = delete_question(question=doomed, actor=operator)

    assert keys(change.form) == ["name"]
    assert keys(application.form) == ["idea", "name"]
    assert application.answers.get().value == "Repair café"


def test_delete_question_refused_while_a_rule_uses_it(call, section, operator):
    used = question(section, "years", kind="number")
    EligibilityRule.objects.create(campus=call.campus, call=call, kind="number_range", question_key="years")

    with pytest.raises(FormBuilderError, match="years"):
        delete_question(question=used, actor=operator)

    assert Question.objects.filter(pk=used.pk).exists()


# Eligibility rules


def test_add_rule_needs_a_question_of_the_current_form(call, section, operator):
    question(section, "years", kind="number")

    rule = add_eligibility_rule(
        call=call,
        actor=operator,
        kind="number_range",
        question_key="years",
        minimum=Decimal(2),
        message_en="2+",
    )
    with pytest.raises(FormBuilderError) as error:
        add_eligibility_rule(call=call, actor=operator, kind="answered", question_key="missing")

    assert rule.minimum == 2
    assert error.value.field == "question_key"
    assert ActivityLog.objects.get(action="call.eligibility.rule_added").data["key"] == "years"


def test_organisation_rule_needs_no_question_and_delete_is_logged(call, operator):
    rule = add_eligibility_rule(
        call=call, actor=operator, kind="organisation_kind", question_key="ignored", values=["resident"]
    )

    assert rule.question_key == ""
    delete_eligibility_rule(rule=rule, actor=operator)
    assert not EligibilityRule.objects.exists()
    assert actions()[-1] == "call.eligibility.rule_deleted"
