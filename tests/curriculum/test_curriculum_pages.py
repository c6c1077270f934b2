import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Session, SessionMaterial, Timetable
from tests.curriculum_helpers import held_session, make_cohort
from tests.factories import SpaceFactory


def url(cohort, name="cohort", **kwargs):
    return campus_reverse(cohort.campus, f"curriculum_manage:{name}", cohort=cohort.slug, **kwargs)


@pytest.fixture
def session(cohort):
    with scopes_disabled():
        return Session.objects.create(campus=cohort.campus, cohort=cohort, title_en="Opening lecture")


def pages(cohort, session):
    return [
        campus_reverse(cohort.campus, "curriculum_manage:cohorts"),
        url(cohort),
        url(cohort, "session_create"),
        url(cohort, "session", pk=session.pk),
    ]


def posts(cohort, session):
    with scopes_disabled():
        slot = cohort.slots.get()
        material = SessionMaterial.objects.create(
            campus=cohort.campus, session=session, title="Slides", url="https://example.org/slides"
        )
    return [
        url(cohort),
        url(cohort, "slot_remove", pk=slot.pk),
        url(cohort, "material_remove", pk=session.pk, material=material.pk),
        url(cohort, "publish", number=1),
        url(cohort, "session_create"),
        url(cohort, "session", pk=session.pk),
        url(cohort, "session_delete", pk=session.pk),
        url(cohort, "material_add", pk=session.pk),
        url(cohort, "plan"),
    ]


def test_anonymous_people_are_sent_to_login(client, cohort, session):
    login = campus_reverse(cohort.campus, "people:login")
    for address in pages(cohort, session) + posts(cohort, session):
        assert client.get(address).url.startswith(login), address
    for address in posts(cohort, session):
        assert client.post(address).url.startswith(login), address
    with scopes_disabled():
        assert Session.objects.filter(pk=session.pk).exists()


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_people_without_a_team_role_here_are_forbidden(client, cohort, session, request, person):
    client.force_login(request.getfixturevalue(person))
    for address in pages(cohort, session):
        assert client.get(address).status_code == 403, address
    for address in posts(cohort, session):
        assert client.post(address, {"title_en": "Hijacked"}).status_code == 403, address
    with scopes_disabled():
        assert Session.objects.get(pk=session.pk).title_en == "Opening lecture"
        assert not Timetable.objects.exists()
        assert cohort.slots.exists()
        assert SessionMaterial.objects.filter(session=session).exists()


def test_cohorts_and_sessions_of_another_campus_are_not_found(
    client, other_campus, operator, cohort, session
):
    foreign = make_cohort(other_campus, slug="busan-pilot")
    with scopes_disabled():
        foreign_session = Session.objects.create(campus=other_campus, cohort=foreign, title_en="Theirs")
    client.force_login(operator)
    here = campus_reverse(cohort.campus, "curriculum_manage:cohort", cohort=foreign.slug)
    assert client.get(here).status_code == 404
    assert client.get(url(foreign)).status_code == 403
    # A session id of another cohort, under this campus's cohort.
    assert client.get(url(cohort, "session", pk=foreign_session.pk)).status_code == 404
    assert client.post(url(cohort, "session_delete", pk=foreign_session.pk)).status_code == 404
    with scopes_disabled():
        assert Session.objects.filter(pk=foreign_session.pk).exists()


def test_a_session_form_with_mistakes_keeps_what_was_typed(client, cohort, staff_member):
    client.force_login(staff_member)
    response = client.post(
        url(cohort, "session_create"),
        {
            "kind": "workshop",
            "title_ko": "",
            "title_en": "",
            "goals_en": "Find a common task",
            "position": 1,
            "duration_minutes": 180,
            "days": 1,
            "offsite": "on",
            "earliest_week": 9,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Give the session&#x27;s title in Korean or in English." in page
    assert "Say where the session takes place." in page
    assert "The cohort has weeks 1 to 4." in page
    assert "Find a common task" in page
    with scopes_disabled():
        assert not Session.objects.exists()


def test_a_room_of_another_campus_cannot_be_chosen(client, cohort, staff_member, other_campus):
    foreign_room = SpaceFactory(campus=other_campus, slug="busan-hall", capacity=200)
    client.force_login(staff_member)
    response = client.post(
        url(cohort, "session_create"),
        {"kind": "lecture", "title_en": "Elsewhere", "position": 1, "duration_minutes": 120, "days": 1,
         "room": foreign_room.pk},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with scopes_disabled():
        assert not Session.objects.filter(title_en="Elsewhere").exists()


def test_a_session_cannot_come_after_one_that_follows_it(client, cohort, session, staff_member):
    with scopes_disabled():
        later = Session.objects.create(campus=cohort.campus, cohort=cohort, title_en="Workshop")
        later.after.set([session])
    client.force_login(staff_member)
    response = client.post(
        url(cohort, "session", pk=session.pk),
        {"kind": "lecture", "title_en": "Opening lecture", "position": 0, "duration_minutes": 180, "days": 1,
         "after": [later.pk]},
    )  # fmt: skip
    assert "“Workshop” already comes before this session" in response.content.decode()
    with scopes_disabled():
        assert list(session.after.all()) == []


def test_staff_add_a_session_with_instructors_and_needs(client, cohort, staff_member, make_person, room):
    teacher = make_person(cohort.campus, "instructor")
    client.force_login(staff_member)
    response = client.post(
        url(cohort, "session_create"),
        {"kind": "lecture", "title_en": "Circular economy", "position": 2, "duration_minutes": 120, "days": 1,
         "instructors": [teacher.pk], "room": room.pk, "earliest_week": 2, "latest_week": 3},
    )  # fmt: skip
    with scopes_disabled():
        created = Session.objects.get(title_en="Circular economy")
        assert list(created.instructors.all()) == [teacher]
        assert (created.room, created.earliest_week, created.latest_week) == (room, 2, 3)
    assert response.url == url(cohort, "session", pk=created.pk)


def test_overlapping_slots_are_refused(client, cohort, staff_member):
    client.force_login(staff_member)
    response = client.post(url(cohort), {"weekday": 1, "starts_at": "21:00", "ends_at": "23:00"})
    assert "This slot overlaps another slot on the same day." in response.content.decode()
    assert 'value="21:00"' in response.content.decode()
    response = client.post(url(cohort), {"weekday": 5, "starts_at": "10:00", "ends_at": "13:00"})
    assert response.status_code == 302
    with scopes_disabled():
        assert cohort.slots.count() == 2


def test_materials_are_a_file_or_a_link(client, cohort, session, staff_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff_member)
    response = client.post(url(cohort, "material_add", pk=session.pk), {"title": "Reading list"})
    assert "Attach a file or give a link" in response.content.decode()
    client.post(
        url(cohort, "material_add", pk=session.pk), {"title": "Slides", "url": "https://example.org/s"}
    )
    client.post(
        url(cohort, "material_add", pk=session.pk),
        {"title": "Handout", "file": SimpleUploadedFile("handout.pdf", b"%PDF-1.4 handout")},
    )
    with scopes_disabled():
        titles = sorted(SessionMaterial.objects.filter(session=session).values_list("title", flat=True))
        handout = SessionMaterial.objects.get(title="Handout")
    assert titles == ["Handout", "Slides"]
    assert (tmp_path / handout.file.name).read_bytes() == b"%PDF-1.4 handout"
    page = client.get(url(cohort, "session", pk=session.pk)).content.decode()
    download = campus_reverse(cohort.campus, "participation:material", pk=handout.pk)
    assert f'href="{download}"' in page
    assert b"".join(client.get(download).streaming_content) == b"%PDF-1.4 handout"
    client.post(url(cohort, "material_remove", pk=session.pk, material=handout.pk))
    assert not (tmp_path / handout.file.name).exists()


def test_planning_and_publishing_from_the_pages(client, cohort, session, staff_member, room):
    client.force_login(staff_member)
    response = client.post(url(cohort, "plan"))
    assert response.url == url(cohort, "timetable", number=1)
    page = client.get(response.url).content.decode()
    assert "Opening lecture" in page
    assert "Social Innovation Lab" in page
    assert "Planner: optimal" in page
    response = client.post(url(cohort, "publish", number=1), follow=True)
    assert "Version 1 is published" in response.content.decode()
    response = client.post(url(cohort, "publish", number=1), follow=True)
    assert "already frozen" in response.content.decode()
    response = client.post(url(cohort, "session_delete", pk=session.pk), follow=True)
    assert "is in a published timetable" in response.content.decode()


def test_unplaced_sessions_are_explained_in_words(client, cohort, staff_member, make_person, room):
    teacher = make_person(cohort.campus, "instructor", name_en="Saturday Teacher")
    with scopes_disabled():
        session = Session.objects.create(campus=cohort.campus, cohort=cohort, title_en="Weekend only")
        session.instructors.set([teacher])
        Session.objects.create(campus=cohort.campus, cohort=cohort, title_en="Marathon", duration_minutes=400)
    client.force_login(staff_member)
    page = client.get(client.post(url(cohort, "plan")).url).content.decode()
    assert "Sessions that could not be placed" in page
    assert "Saturday Teacher is never available for 180 minutes in any weekly slot." in page
    assert "No weekly slot is long enough for 400 minutes." in page


def test_the_timetable_page_keeps_its_query_count_as_sessions_grow(client, cohort, staff_member):
    client.force_login(staff_member)

    def count():
        with scopes_disabled():
            number = Timetable.objects.filter(cohort=cohort).count()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(cohort, "timetable", number=number)).status_code == 200
        return len(queries)

    held_session(cohort, title="One")
    few = count()
    for n in range(6):
        held_session(cohort, title=f"More {n}")
    assert count() == few
