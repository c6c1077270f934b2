"""The free-room search: capacity, features, opening hours, claims over the tree and who may book."""

from datetime import date, datetime, time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencampus.park.models import ClosedDay, Feature, OpeningHours
from opencampus.park.services.availability import find_free_spaces, next_part_of_day
from opencampus.people.models import User

pytestmark = pytest.mark.usefixtures("unscoped")


@pytest.fixture
def search(campus, at):
    def run(start="2030-03-05 13:00", end="2030-03-05 18:00", viewer=None, **options):
        return find_free_spaces(
            campus=campus, start=at(start), end=at(end), viewer=viewer or AnonymousUser(), **options
        )

    return run


def names(results):
    return [found.space.name for found in results]


def test_spaces_for_the_group_come_smallest_first(make_space, search):
    make_space(name_en="Hall", capacity=120)
    make_space(name_en="Studio", capacity=12)
    make_space(name_en="Booth", capacity=2)
    make_space(name_en="No size given", capacity=None)

    assert names(search(people=10)) == ["Studio", "Hall"]
    assert names(search(people=1)) == ["Booth", "Studio", "Hall"]


def test_every_chosen_feature_is_needed(make_space, search, campus):
    projector = Feature.objects.create(campus=campus, slug="projector", name_en="Projector")
    step_free = Feature.objects.create(campus=campus, slug="step-free", name_en="Step-free")
    both = make_space(name_en="Both")
    both.features.set([projector, step_free])
    make_space(name_en="Projector only").features.set([projector])

    assert names(search(features=[projector, step_free])) == ["Both"]
    assert names(search(features=[projector])) == ["Both", "Projector only"]


def test_inactive_and_unbookable_spaces_are_left_out(make_space, search):
    make_space(name_en="Closed for works", is_active=False)
    make_space(name_en="Storage", is_bookable=False)

    assert search() == []


def test_the_space_must_be_open_then(make_space, search, building, room, campus):
    OpeningHours.objects.create(campus=campus, space=building, weekday=1, opens=time(9), closes=time(17))
    ClosedDay.objects.create(campus=campus, date=date(2030, 3, 6), reason_en="Campus holiday")
    make_space(name_en="Garden", kind="outdoor")

    assert names(search(people=10)) == ["Garden"]
    assert names(search(start="2030-03-05 09:00", end="2030-03-05 17:00", people=10)) == [
        "Garden",
        "Seminar room 1",
        "Main hall",
    ]
    assert search(start="2030-03-06 09:00", end="2030-03-06 12:00") == []


def test_a_claim_on_the_space_or_on_a_space_inside_it_takes_it(
    building, room, desk, make_space, book, staff_member, search
):
    make_space(name_en="Other room", capacity=30)
    book(staff_member, desk, "2030-03-05 14:00", "2030-03-05 15:00")
    book(staff_member, building, "2030-03-05 09:00", "2030-03-05 10:00")

    assert names(search()) == ["Other room"]
    assert names(search(start="2030-03-05 09:30", end="2030-03-05 11:00")) == ["Other room"]
    assert names(search(start="2030-03-05 10:00", end="2030-03-05 14:00")) == [
        "Desk 1",
        "Seminar room 1",
        "Other room",
        "Main hall",
    ]


def test_a_request_by_someone_else_is_shown_but_does_not_hide_the_space(
    make_space, book, participant, make_person, campus, search
):
    lab = make_space(name_en="Lab", requires_approval=True)
    book(participant, lab, "2030-03-05 14:00", "2030-03-05 15:00")

    [seen_by_other] = search(viewer=make_person(campus, "participant"))
    [seen_by_booker] = search(viewer=participant)

    assert seen_by_other.space == lab
    assert seen_by_other.requested_by_others
    assert not seen_by_booker.requested_by_others


def test_signed_in_people_see_only_what_they_may_book_and_anyone_else_is_told_to_log_in(
    make_space, participant, search
):
    make_space(name_en="Residents' room", bookable_by_public=False, bookable_by_participants=False)
    make_space(name_en="Studio", bookable_by_public=False)

    assert names(search(viewer=participant)) == ["Studio"]
    anonymous = search()
    assert names(anonymous) == ["Residents' room", "Studio"]
    assert not any(found.may_book for found in anonymous)


def test_the_search_takes_the_same_queries_for_one_space_and_three(
    make_space, book, staff_member, participant, campus, search
):
    projector = Feature.objects.create(campus=campus, slug="projector", name_en="Projector")

    def counted():
        viewer = User.objects.get(pk=participant.pk)
        with CaptureQueriesContext(connection) as queries:
            results = search(viewer=viewer, features=[projector])
        return len(queries), len(results)

    first = make_space(name_en="First")
    first.features.add(projector)
    OpeningHours.objects.create(campus=campus, space=first, weekday=1, opens=time(8), closes=time(20))
    book(staff_member, first, "2030-03-05 09:00", "2030-03-05 10:00")
    one, found = counted()
    for name in ("Second", "Third"):
        space = make_space(name_en=name, parent=first)
        space.features.add(projector)
        book(staff_member, space, "2030-03-05 10:00", "2030-03-05 11:00")

    assert found == 1
    assert counted() == (one, 3)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2030-03-04 10:00", date(2030, 3, 5)),
        ("2030-03-05 17:59", date(2030, 3, 5)),
        ("2030-03-05 18:00", date(2030, 3, 12)),
        ("2030-03-06 08:00", date(2030, 3, 12)),
    ],
)
def test_tuesday_afternoon_is_the_next_one_not_yet_over(campus, now, expected):
    moment = datetime.fromisoformat(now).replace(tzinfo=campus.tz)

    assert next_part_of_day(weekday=1, part="afternoon", tz=campus.tz, now=moment) == (
        expected,
        time(13),
        time(18),
    )
