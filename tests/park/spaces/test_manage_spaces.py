import io
from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled
from PIL import Image

from opencampus.core.links import campus_reverse
from opencampus.park.models import ClosedDay, Feature, OpeningHours, Space, SpacePhoto
from tests.factories import SpaceFactory, TrainingFactory


def url(campus, name, **kwargs):
    return campus_reverse(campus, f"spaces_manage:{name}", **kwargs)


def saved(space):
    with scopes_disabled():
        return Space.objects.get(pk=space.pk)


def png(name="room.png", size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 80)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def space_data(**changes):
    data = {
        "kind": "room",
        "slug": "meeting-room",
        "name_ko": "회의실",
        "name_en": "Meeting room",
        "capacity": "8",
        "max_days_ahead": "60",
        "min_notice_hours": "0",
        "cancel_deadline_hours": "24",
        "is_active": "on",
        "is_bookable": "on",
        "bookable_by_residents": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def closed_day(campus, room):
    with scopes_disabled():
        return ClosedDay.objects.create(
            campus=campus, space=room, date=timezone.localdate() + timedelta(days=5)
        )


@pytest.fixture
def feature(campus):
    with scopes_disabled():
        return Feature.objects.create(campus=campus, slug="projector", name_en="Projector")


def pages(campus, room, feature):
    return [
        url(campus, "list"),
        url(campus, "create"),
        url(campus, "edit", slug=room.slug),
        url(campus, "hours", slug=room.slug),
        url(campus, "photos", slug=room.slug),
        url(campus, "closed_days"),
        url(campus, "features"),
        url(campus, "feature_edit", pk=feature.pk),
    ]


def posts(campus, room, closed_day):
    return [url(campus, "set_active", slug=room.slug), url(campus, "closed_day_remove", pk=closed_day.pk)]


# Who may come in


def test_anonymous_people_are_sent_to_login(client, campus, room, feature, closed_day):
    login = campus_reverse(campus, "people:login")
    for address in pages(campus, room, feature) + posts(campus, room, closed_day):
        response = client.get(address) if address in pages(campus, room, feature) else client.post(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login)
    assert saved(room).is_active


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_people_without_a_team_role_here_are_forbidden(client, room, feature, closed_day, request, person):
    campus = room.campus
    client.force_login(request.getfixturevalue(person))
    for address in pages(campus, room, feature):
        assert client.get(address).status_code == 403, address
    for address in posts(campus, room, closed_day):
        assert client.post(address, {"active": "0"}).status_code == 403, address
    assert saved(room).is_active
    with scopes_disabled():
        assert ClosedDay.objects.filter(pk=closed_day.pk).exists()


def test_records_of_another_campus_are_not_found(client, campus, other_campus, operator, foreign_space):
    with scopes_disabled():
        foreign_day = ClosedDay.objects.create(campus=other_campus, date=timezone.localdate())
        foreign_feature = Feature.objects.create(campus=other_campus, slug="wifi", name_en="Wi-Fi")
        photo = SpacePhoto.objects.create(campus=other_campus, space=foreign_space, image="park/spaces/x.png")
    client.force_login(operator)
    for name in ("edit", "hours", "photos"):
        assert client.get(url(campus, name, slug=foreign_space.slug)).status_code == 404
    assert client.post(url(campus, "set_active", slug=foreign_space.slug)).status_code == 404
    assert client.post(url(campus, "closed_day_remove", pk=foreign_day.pk)).status_code == 404
    assert client.get(url(campus, "feature_edit", pk=foreign_feature.pk)).status_code == 404
    assert client.post(url(campus, "photo_delete", slug=foreign_space.slug, pk=photo.pk)).status_code == 404
    assert saved(foreign_space).is_active


# The list


def test_staff_list_shows_the_tree(client, campus, staff_member, laser, sign_in):
    sign_in(staff_member)
    page = client.get(url(campus, "list")).content.decode()
    assert (
        page.index("Main hall")
        < page.index("Second floor")
        < page.index("Fab lab")
        < page.index("laser-cutter")
    )
    assert 'class="depth-3"' in page


def test_staff_list_query_count_does_not_grow_with_spaces(client, campus, staff_member):
    client.force_login(staff_member)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(campus, "list")).status_code == 200
        return len(queries)

    with scopes_disabled():
        first = SpaceFactory(campus=campus)
    one = count()
    with scopes_disabled():
        SpaceFactory(campus=campus, parent=first)
        SpaceFactory(campus=campus, parent=first, is_active=False)
    assert count() == one


# Adding and changing a space


def test_staff_add_a_space_inside_another(client, campus, staff_member, floor, feature, training):
    client.force_login(staff_member)
    data = space_data(parent=str(floor.pk), features=[str(feature.pk)], required_training=str(training.pk))
    response = client.post(url(campus, "create"), data)
    with scopes_disabled():
        space = Space.objects.get(campus=campus, slug="meeting-room")
        assert space.parent == floor
        assert list(space.features.all()) == [feature]
        assert space.required_training == training
        assert space.cancel_deadline_hours == 24
    assert response.status_code == 302
    assert response.url == url(campus, "edit", slug="meeting-room")


def test_a_taken_slug_keeps_what_was_typed(client, campus, staff_member, room, sign_in):
    sign_in(staff_member)
    response = client.post(url(campus, "create"), space_data(slug=room.slug, name_en="Typed name"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "already uses this address name" in page
    assert 'value="Typed name"' in page


def test_the_parent_choice_leaves_out_the_space_and_its_descendants(
    client, campus, staff_member, building, room
):
    client.force_login(staff_member)
    form = client.get(url(campus, "edit", slug=building.slug)).context["form"]
    assert list(form.fields["parent"].queryset) == []
    response = client.post(
        url(campus, "edit", slug=building.slug), space_data(slug="main-hall", parent=room.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["parent"]
    assert saved(building).parent is None


def test_parent_and_training_of_another_campus_are_refused(
    client, campus, other_campus, staff_member, foreign_space
):
    with scopes_disabled():
        foreign_training = TrainingFactory(campus=other_campus)
    client.force_login(staff_member)
    response = client.post(
        url(campus, "create"), space_data(parent=foreign_space.pk, required_training=foreign_training.pk)
    )
    assert response.status_code == 200
    assert {"parent", "required_training"} <= set(response.context["form"].errors)
    with scopes_disabled():
        assert not Space.objects.filter(slug="meeting-room").exists()


def test_staff_edit_a_space(client, campus, staff_member, room, building):
    client.force_login(staff_member)
    response = client.post(
        url(campus, "edit", slug=room.slug),
        space_data(slug="fab-lab", name_en="Fab lab 2", parent=building.pk),
    )
    assert response.status_code == 302
    assert saved(room).name_en == "Fab lab 2"
    assert saved(room).parent == building


def test_staff_take_a_space_out_of_use_and_back(client, campus, staff_member, room):
    client.force_login(staff_member)
    client.post(url(campus, "set_active", slug=room.slug), {"active": "0"})
    assert saved(room).is_active is False
    client.post(url(campus, "set_active", slug=room.slug), {"active": "1"})
    assert saved(room).is_active is True


# Opening hours


def hours_data(**days):
    data = {"mode": "own"}
    for weekday, (opens, closes) in days.items():
        data[f"opens_{weekday[1:]}"], data[f"closes_{weekday[1:]}"] = opens, closes
    return data


def test_staff_set_opening_hours(client, campus, staff_member, room):
    client.force_login(staff_member)
    response = client.post(
        url(campus, "hours", slug=room.slug), hours_data(d0=("09:00", "18:00"), d5=("10:00", "14:00"))
    )
    assert response.status_code == 302
    with scopes_disabled():
        rows = [(row.weekday, row.opens, row.closes) for row in OpeningHours.objects.filter(space=room)]
    assert rows == [(0, time(9), time(18)), (5, time(10), time(14))]
    client.post(url(campus, "hours", slug=room.slug), {"mode": "inherit"})
    with scopes_disabled():
        assert not OpeningHours.objects.filter(space=room).exists()


def test_hours_closing_before_opening_keep_what_was_typed(client, campus, staff_member, room, sign_in):
    sign_in(staff_member)
    response = client.post(url(campus, "hours", slug=room.slug), hours_data(d2=("18:00", "09:00")))
    assert response.status_code == 200
    page = response.content.decode()
    assert "On Wednesday the space must close after it opens." in page
    assert 'value="18:00"' in page
    with scopes_disabled():
        assert not OpeningHours.objects.filter(space=room).exists()


def test_own_hours_need_at_least_one_day(client, campus, staff_member, room):
    client.force_login(staff_member)
    response = client.post(url(campus, "hours", slug=room.slug), {"mode": "own"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


# Closed days


def test_staff_add_and_remove_closed_days(client, campus, staff_member, room):
    client.force_login(staff_member)
    day = timezone.localdate() + timedelta(days=10)
    client.post(url(campus, "closed_days"), {"date": day.isoformat(), "space": "", "reason_en": "Holiday"})
    client.post(url(campus, "closed_days"), {"date": day.isoformat(), "space": room.pk})
    with scopes_disabled():
        days = list(ClosedDay.objects.filter(campus=campus).order_by("pk"))
    assert [(d.space, d.date) for d in days] == [(None, day), (room, day)]
    client.post(url(campus, "closed_day_remove", pk=days[1].pk))
    with scopes_disabled():
        assert list(ClosedDay.objects.filter(campus=campus)) == [days[0]]


# Photos


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_staff_upload_and_delete_a_photo(
    client, campus, staff_member, room, media, django_capture_on_commit_callbacks
):
    client.force_login(staff_member)
    response = client.post(
        url(campus, "photos", slug=room.slug), {"image": png(), "caption_en": "Workbenches"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        photo = SpacePhoto.objects.get(space=room)
    assert photo.caption_en == "Workbenches"
    assert (media / photo.image.name).exists()
    assert (
        'alt="Workbenches"'
        in client.get(campus_reverse(campus, "spaces:detail", slug=room.slug)).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(campus, "photo_delete", slug=room.slug, pk=photo.pk))
    with scopes_disabled():
        assert not SpacePhoto.objects.filter(space=room).exists()
    assert not (media / photo.image.name).exists()


def test_a_file_that_is_not_an_image_is_refused(client, campus, staff_member, room, media, sign_in):
    sign_in(staff_member)
    fake = SimpleUploadedFile("room.png", b"not a picture", content_type="image/png")
    response = client.post(url(campus, "photos", slug=room.slug), {"image": fake, "caption_en": "Typed"})
    assert response.status_code == 200
    assert response.context["form"].errors["image"]
    assert 'value="Typed"' in response.content.decode()
    with scopes_disabled():
        assert not SpacePhoto.objects.exists()


def test_a_photo_over_5_mb_is_refused(client, campus, staff_member, room, media, monkeypatch):
    monkeypatch.setattr("opencampus.park.forms.spaces.MAX_PHOTO_BYTES", 10)
    client.force_login(staff_member)
    response = client.post(url(campus, "photos", slug=room.slug), {"image": png()})
    assert "image" in response.context["form"].errors
    with scopes_disabled():
        assert not SpacePhoto.objects.exists()


# Features


def test_staff_add_and_rename_features(client, campus, staff_member, feature, sign_in):
    sign_in(staff_member)
    client.post(url(campus, "features"), {"slug": "kitchen", "name_en": "Kitchen"})
    response = client.post(url(campus, "features"), {"slug": "kitchen", "name_en": "Second kitchen"})
    assert "already uses this address name" in response.content.decode()
    client.post(url(campus, "feature_edit", pk=feature.pk), {"name_ko": "프로젝터", "name_en": "Beamer"})
    with scopes_disabled():
        assert sorted(Feature.objects.filter(campus=campus).values_list("name_en", flat=True)) == [
            "Beamer",
            "Kitchen",
        ]
