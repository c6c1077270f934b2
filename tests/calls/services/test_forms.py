from django_scopes import scopes_disabled

from opencampus.calls.services.applications import save_answers, start_application
from opencampus.calls.services.forms import current_form, editable_form, questions_of
from tests.factories import CallFactory, QuestionFactory, SectionFactory, UserFactory


def test_editable_form_is_current_while_no_application_exists(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        form = current_form(call)

        assert editable_form(call) == form


def test_editing_after_applications_makes_a_new_version_and_keeps_answers(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        form = current_form(call)
        section = SectionFactory(form=form, campus=campus)
        QuestionFactory(section=section, key="idea", label_en="Your idea")
        application = start_application(call=call, applicant=UserFactory())
        save_answers(application=application, values={"idea": "Repair café"})

        new = editable_form(call)
        new.questions.filter(key="idea").update(label_en="Your idea, in one sentence")

        assert new.number == 2
        assert current_form(call) == new
        application.refresh_from_db()
        assert application.form == form
        assert [q.label_en for q in questions_of(application.form)] == ["Your idea"]
        assert application.answers.get().question.label_en == "Your idea"


def test_copied_version_keeps_sections_and_question_order(campus):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        form = current_form(call)
        first = SectionFactory(form=form, campus=campus, position=0)
        second = SectionFactory(form=form, campus=campus, position=1)
        QuestionFactory(section=second, key="b", position=0)
        QuestionFactory(section=first, key="a", position=1)
        start_application(call=call, applicant=UserFactory())

        copy = editable_form(call)

        assert [q.key for q in questions_of(copy)] == ["a", "b"]
        assert copy.sections.count() == 2
