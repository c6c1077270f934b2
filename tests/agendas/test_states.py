"""The one function that moves a problem: allowed steps, public explanation, history, log, mail."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.agendas.models import Agenda, Follow, StateChange
from opencampus.agendas.services.errors import AgendaError
from opencampus.agendas.services.states import TRANSITIONS, set_agenda_state
from opencampus.core.models import OutboxMessage

from .helpers import actions, fresh, mails, manage_url, public_url, rows

State = Agenda.State
ALLOWED = [(old, new) for old, targets in TRANSITIONS.items() for new in targets]
REFUSED = [(old, new) for old in State for new in State if new not in TRANSITIONS[old]]


def move(agenda, to_state, actor=None, explanation="Because the team met."):
    with scope(campus=agenda.campus):
        return set_agenda_state(agenda=agenda, to_state=to_state, explanation=explanation, actor=actor)


def test_transitions_are_the_documented_ones():
    assert {(old.value, new.value) for old, new in ALLOWED} == {
        ("proposed", "under_review"),
        ("proposed", "archived"),
        ("under_review", "adopted"),
        ("under_review", "archived"),
        ("under_review", "proposed"),
        ("adopted", "in_experiment"),
        ("adopted", "archived"),
        ("in_experiment", "resolved"),
        ("in_experiment", "archived"),
        ("in_experiment", "adopted"),
        ("resolved", "archived"),
        ("archived", "proposed"),
    }


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_set_agenda_state_allowed_step_saves_writes_history_and_logs(make_agenda, operator, old, new):
    agenda = make_agenda(state=old)

    change = move(agenda, new, actor=operator, explanation="  We met the residents.  ")

    assert fresh(agenda).state == new
    assert (change.from_state, change.to_state, change.explanation, change.changed_by) == (
        old,
        new,
        "We met the residents.",
        operator,
    )
    assert actions(agenda.campus, "agenda.") == ["agenda.state_changed"]


@pytest.mark.parametrize(("old", "new"), REFUSED)
def test_set_agenda_state_other_step_is_refused(make_agenda, operator, old, new):
    agenda = make_agenda(state=old)

    with pytest.raises(AgendaError, match="cannot become"):
        move(agenda, new, actor=operator)

    assert fresh(agenda).state == old
    assert rows(StateChange, agenda=agenda) == []


@pytest.mark.parametrize("explanation", ["", "   ", "x" * 4001])
def test_set_agenda_state_needs_an_explanation_that_fits(agenda, operator, explanation):
    with pytest.raises(AgendaError):
        move(agenda, "under_review", actor=operator, explanation=explanation)

    assert fresh(agenda).state == "proposed"


def test_set_agenda_state_of_a_merged_problem_is_refused(make_agenda, operator):
    kept = make_agenda()
    merged = make_agenda(state="archived", merged_into=kept)

    with pytest.raises(AgendaError, match="merged"):
        move(merged, "proposed", actor=operator)


def test_set_agenda_state_mails_each_follower_in_their_language(campus, agenda, make_person, operator):
    korean, english = (
        make_person(campus, preferred_language="ko"),
        make_person(campus, preferred_language="en"),
    )
    with scopes_disabled():
        for person in (korean, english):
            Follow.objects.create(campus=campus, agenda=agenda, user=person)

    move(agenda, "under_review", actor=operator, explanation="The team visits the alley on Friday <3")

    sent = mails(campus, reason="agenda.state_changed")
    assert [(mail.to, mail.language) for mail in sent] == [(korean.email, "ko"), (english.email, "en")]
    assert all(mail.state != OutboxMessage.State.DRAFT for mail in sent)
    english_mail = sent[1]
    assert english_mail.subject == f"“{agenda.title_en}” is now under review"
    assert "It was proposed and is now under review." in english_mail.body
    assert "The team visits the alley on Friday <3" in english_mail.body
    assert public_url(campus, "detail", pk=agenda.pk) in english_mail.body
    assert agenda.title_ko in sent[0].subject


def test_state_page_changes_the_state_for_the_campus_team(client, campus, agenda, staff_member):
    client.force_login(staff_member)

    response = client.post(
        manage_url(campus, "agenda", pk=agenda.pk),
        {"to_state": "under_review", "explanation": "On the agenda of the next meeting."},
        follow=True,
    )

    assert fresh(agenda).state == "under_review"
    assert "The problem is now “under review”; its followers get a mail." in response.content.decode()


def test_state_page_without_explanation_keeps_the_choice(client, campus, agenda, staff_member):
    client.force_login(staff_member)

    response = client.post(
        manage_url(campus, "agenda", pk=agenda.pk), {"to_state": "archived", "explanation": " "}
    )

    assert response.status_code == 400
    assert "Explain the change" in response.content.decode()
    assert response.context["state_form"]["to_state"].value() == "archived"
    assert fresh(agenda).state == "proposed"


def test_state_page_offers_only_the_next_states(client, campus, make_agenda, staff_member):
    agenda = make_agenda(state="adopted")
    client.force_login(staff_member)

    form = client.get(manage_url(campus, "agenda", pk=agenda.pk)).context["state_form"]
    refused = client.post(
        manage_url(campus, "agenda", pk=agenda.pk), {"to_state": "resolved", "explanation": "x"}
    )

    assert [value for value, _label in form.fields["to_state"].choices] == ["in_experiment", "archived"]
    assert refused.status_code == 400
    assert fresh(agenda).state == "adopted"
