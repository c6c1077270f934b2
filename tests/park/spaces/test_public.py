from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.park.models import ClosedDay, OpeningHours
from tests.factories import SpaceFactory

INSIDE = "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
DASH = "\N{EN DASH}"


def tree_url(campus):
    return campus_reverse(campus, "spaces:tree")


def detail_url(space):
    return campus_reverse(space.campus, "spaces:detail", slug=space.slug)


def test_anyone_sees_the_tree_with_rules_in_words(client, campus, laser):
    page = client.get(tree_url(campus)).content.decode()
    for name in ("Main hall", "Second floor", "Fab lab", "Laser cutter"):
        assert name in page
    assert "anyone signed in; the campus team always" in page
    assert "training: Laser cutter" in page
    assert page.index("Main hall") < page.index("Second floor") < page.index("Fab lab")


def test_bookers_are_named(client, campus, room):
    with scopes_disabled():
        room.bookable_by_public = False
        room.bookable_by_participants = False
        room.requires_approval = True
        room.save()
    page = client.get(tree_url(campus)).content.decode()
    assert "Bookable by resident organisations; the campus team always." in page
    assert "needs approval" in page


def test_inactive_spaces_are_hidden_from_visitors_but_shown_to_the_team(
    client, campus, staff_member, room, sign_in
):
    with scopes_disabled():
        room.is_active = False
        room.save()
    assert "Fab lab" not in client.get(tree_url(campus)).content.decode()
    assert client.get(detail_url(room)).status_code == 404
    sign_in(staff_member)
    assert "Fab lab" in client.get(tree_url(campus)).content.decode()
    assert client.get(detail_url(room)).status_code == 200


def test_other_campus_spaces_are_neither_listed_nor_found(client, campus, room, foreign_space):
    assert "Busan hall" not in client.get(tree_url(campus)).content.decode()
    assert client.get(campus_reverse(campus, "spaces:detail", slug=foreign_space.slug)).status_code == 404


def test_filters_by_feature_and_capacity(client, campus, operator, room, laser):
    from opencampus.park.services.spaces import create_feature

    with scopes_disabled():
        feature = create_feature(campus=campus, slug="extraction", name_en="Fume extraction", actor=operator)
        laser.features.add(feature)
    page = client.get(tree_url(campus), {"feature": "extraction"}).content.decode()
    assert "1 space matches" in page
    assert f"Main hall {INSIDE} Second floor {INSIDE} Fab lab" in page
    page = client.get(tree_url(campus), {"capacity": "10"}).content.decode()
    assert "Fab lab" in page
    assert "laser-cutter" not in page


def test_tree_query_count_does_not_grow_with_spaces(client, campus, django_assert_num_queries):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(tree_url(campus)).status_code == 200
        return len(queries)

    with scopes_disabled():
        first = SpaceFactory(campus=campus)
    one = count()
    with scopes_disabled():
        SpaceFactory(campus=campus, parent=first)
        SpaceFactory(campus=campus, parent=first, is_active=False)
    assert count() == one


def test_detail_shows_facts_rules_and_training_link(client, campus, laser, training):
    with scopes_disabled():
        laser.max_duration_minutes = 150
        laser.min_notice_hours = 24
        laser.cancel_deadline_hours = 2
        laser.area_m2 = 8
        laser.save()
    page = client.get(detail_url(laser)).content.decode()
    assert "2 hours and 30 minutes" in page
    assert "Book at least 24 hours before the start." in page
    assert "Cancel or move a booking up to 2 hours before the start." in page
    assert campus_reverse(campus, "spaces:training", slug=training.slug) in page
    assert "8 m²" in page
    training_page = client.get(campus_reverse(campus, "spaces:training", slug=training.slug)).content.decode()
    assert "180 days" in training_page
    assert detail_url(laser) in training_page


def test_hours_are_inherited_from_the_nearest_ancestor(client, campus, building, floor, room):
    page = client.get(detail_url(room)).content.decode()
    assert "Open around the clock." in page
    with scopes_disabled():
        OpeningHours.objects.create(campus=campus, space=building, weekday=0, opens=time(7), closes=time(22))
        OpeningHours.objects.create(campus=campus, space=floor, weekday=0, opens=time(9), closes=time(18))
    page = client.get(detail_url(room)).content.decode()
    assert "The same as Second floor." in page
    assert f"09:00{DASH}18:00" in page
    assert "07:00" not in page
    page = client.get(detail_url(floor)).content.decode()
    assert "The same as" not in page
    assert f"09:00{DASH}18:00" in page


def test_closed_days_of_the_space_its_ancestors_and_the_campus(client, campus, building, room, foreign_space):
    soon = timezone.localdate() + timedelta(days=3)
    with scopes_disabled():
        ClosedDay.objects.create(campus=campus, space=building, date=soon, reason_en="Inspection")
        ClosedDay.objects.create(campus=campus, date=soon, reason_en="Chuseok")
        ClosedDay.objects.create(
            campus=campus, date=timezone.localdate() - timedelta(days=1), reason_en="Past"
        )
        ClosedDay.objects.create(
            campus=foreign_space.campus, space=foreign_space, date=soon, reason_en="Elsewhere"
        )
    page = client.get(detail_url(room)).content.decode()
    assert "Inspection" in page
    assert "Chuseok" in page
    assert "Past" not in page
    assert "Elsewhere" not in page


def test_detail_lists_children_and_the_actions_include(client, building, floor):
    response = client.get(detail_url(building))
    assert "park/spaces/includes/space_actions.html" in [t.name for t in response.templates]
    assert detail_url(floor) in response.content.decode()


@pytest.mark.parametrize("caption", ["", "The laser at work"])
def test_photos_carry_an_alt_text(client, campus, room, caption, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with scopes_disabled():
        room.photos.create(campus=campus, image="park/spaces/x.png", caption_en=caption)
    page = client.get(detail_url(room)).content.decode()
    assert f'alt="{caption or "Fab lab"}"' in page
