"""The public lottery: entrant numbers, the draw and its errors, letters, the JSON anyone can re-run."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.programs.models import LotteryDraw
from opencampus.programs.services.errors import AdmissionError
from opencampus.programs.services.lottery_draw import draw_lottery
from opencampus.programs.services.registration import cancel_registration, register
from opencampus.solvers import lottery
from tests.factories import ParticipantFactory

from .helpers import actions, fresh, mails, participants, public_url, registrations

SEED = "2027-03-02 KOSPI 2,601.45"


@pytest.fixture
def cohort(make_cohort):
    return make_cohort("lottery", size=3)


@pytest.fixture
def people(campus, make_person):
    return [make_person(campus, "public", preferred_language="ko" if n == 0 else "en") for n in range(6)]


def enter_all(campus, cohort, people):
    with scope(campus=campus):
        return [register(cohort=cohort, user=person) for person in people]


def close_entries(cohort):
    with scopes_disabled():
        cohort.registration_opens_at = timezone.now() - timedelta(days=8)
        cohort.registration_closes_at = timezone.now() - timedelta(minutes=1)
        cohort.save(update_fields=["registration_opens_at", "registration_closes_at"])


@pytest.fixture
def entered(campus, cohort, people):
    made = enter_all(campus, cohort, people)
    close_entries(cohort)
    return made


def draw(campus, cohort, actor, seed=SEED):
    with scope(campus=campus):
        return draw_lottery(cohort=cohort, seed=seed, actor=actor, base_url="https://campus.example")


def test_entrants_get_short_unique_numbers_that_say_nothing_about_them(campus, make_cohort, make_person):
    cohort = make_cohort("lottery", size=3)
    made = enter_all(campus, cohort, [make_person(campus, "public") for _ in range(40)])

    codes = [registration.code for registration in made]
    assert all(re.fullmatch(r"[A-Z2-9]{6}", code) for code in codes)
    assert len(set(codes)) == 40
    assert {registration.state for registration in made} == {"entered"}
    assert participants(cohort) == []


def test_the_draw_follows_the_solver_on_the_frozen_entrants(campus, cohort, entered, staff_member):
    made = draw(campus, cohort, staff_member)

    codes = sorted(registration.code for registration in entered)
    assert made.entrants == codes
    assert made.order == lottery.draw(seed=SEED, entrants=codes, places=3)
    assert (made.seed, made.places, made.drawn_by) == (SEED, 3, staff_member)
    by_code = {registration.code: fresh(registration) for registration in entered}
    assert [by_code[code].state for code in made.order] == ["admitted"] * 3 + ["not_drawn"] * 3
    assert sorted(p.user_id for p in participants(cohort)) == sorted(
        by_code[code].user_id for code in made.order[:3]
    )
    assert {p.source for p in participants(cohort)} == {"lottery"}
    assert actions(campus, "lottery.") == ["lottery.drawn"]


def test_places_already_taken_are_not_drawn_again(campus, cohort, entered, staff_member):
    with scopes_disabled():
        ParticipantFactory(cohort=cohort)

    made = draw(campus, cohort, staff_member)

    assert made.places == 2
    assert len(participants(cohort, state="active")) == 3


def test_a_full_cohort_draws_zero_places(campus, cohort, entered, staff_member):
    with scopes_disabled():
        ParticipantFactory.create_batch(4, cohort=cohort)

    made = draw(campus, cohort, staff_member)

    assert made.places == 0
    assert {fresh(registration).state for registration in entered} == {"not_drawn"}


def test_everyone_gets_a_letter_in_their_language(campus, cohort, entered, staff_member):
    made = draw(campus, cohort, staff_member)

    letters = {letter.recipient_id: letter for letter in mails(campus, reason="registration.lottery_result")}
    assert len(letters) == 6
    for registration in entered:
        letter = letters[registration.user_id]
        assert letter.language == registration.user.preferred_language
        assert letter.state == "draft"
        assert registration.code in letter.body
    english = [letters[r.user_id] for r in entered if r.user.preferred_language == "en"]
    admitted = set(made.order[:3])
    for registration in entered[1:]:
        letter = letters[registration.user_id]
        expected = "You were drawn" if registration.code in admitted else "not drawn this time"
        assert expected in letter.subject
    assert all(f"https://campus.example/c/seoul/programs/{cohort.slug}/lottery/" in m.body for m in english)


@pytest.mark.parametrize(
    ("seed", "message"),
    [("", "Type the seed"), ("   ", "Type the seed")],
)
def test_an_empty_seed_is_refused(campus, cohort, entered, staff_member, seed, message):
    with pytest.raises(AdmissionError, match=message) as refused:
        draw(campus, cohort, staff_member, seed=seed)
    assert refused.value.field == "seed"


def test_drawing_before_entries_close_or_twice_is_refused(campus, cohort, people, staff_member):
    enter_all(campus, cohort, people)
    with pytest.raises(AdmissionError, match="Entries are open until"):
        draw(campus, cohort, staff_member)

    close_entries(cohort)
    first = draw(campus, cohort, staff_member)
    with pytest.raises(AdmissionError, match="already been drawn"):
        draw(campus, cohort, staff_member, seed="another seed")
    with scopes_disabled():
        assert LotteryDraw.objects.get(cohort=cohort).seed == first.seed


def test_a_lottery_needs_entrants_and_a_lottery_cohort(campus, cohort, make_cohort, staff_member):
    close_entries(cohort)
    with pytest.raises(AdmissionError, match="Nobody entered"):
        draw(campus, cohort, staff_member)
    with pytest.raises(AdmissionError, match="not admitted by lottery"):
        draw(campus, make_cohort("first_come"), staff_member)


def test_entries_are_frozen_once_registration_closes(campus, cohort, people):
    made = enter_all(campus, cohort, people[:2])
    with scope(campus=campus):
        cancel_registration(registration=made[0], actor=people[0])
    close_entries(cohort)

    with scope(campus=campus), pytest.raises(AdmissionError, match="frozen"):
        cancel_registration(registration=made[1], actor=people[1])
    assert [fresh(r).state for r in made] == ["cancelled", "entered"]


def test_a_place_given_back_goes_to_the_next_in_draw_order(campus, cohort, entered, staff_member):
    made = draw(campus, cohort, staff_member)
    by_code = {registration.code: registration for registration in entered}
    leaving, next_in_line = by_code[made.order[0]], by_code[made.order[3]]

    with scope(campus=campus):
        cancel_registration(registration=leaving, actor=leaving.user)

    assert fresh(next_in_line).state == "admitted"
    assert [fresh(by_code[code]).state for code in made.order[4:]] == ["not_drawn", "not_drawn"]
    [letter] = mails(campus, reason="registration.admitted_from_waiting_line")
    assert letter.recipient == next_in_line.user


def test_the_downloaded_draw_re_runs_to_the_same_admitted_list(client, campus, cohort, entered, staff_member):
    made = draw(campus, cohort, staff_member)

    response = client.get(public_url(campus, "lottery_json", slug=cohort.slug))

    assert response["Content-Disposition"] == f'attachment; filename="lottery-{cohort.slug}.json"'
    instance = json.loads(response.content)
    assert set(instance) == {"seed", "entrants", "places"}
    result = lottery.solve_json(instance)
    admitted = {r.code for r in registrations(cohort, state="admitted")}
    assert result["admitted"] == made.order[:3]
    assert set(result["admitted"]) == admitted
