from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.park.models import ClosedDay, OpeningHours, Space
from opencampus.park.services.spaces import (
    SpaceError,
    add_closed_day,
    create_feature,
    create_space,
    remove_closed_day,
    set_opening_hours,
    set_space_active,
    update_space,
)
from opencampus.park.services.trainings import (
    TrainingError,
    create_training,
    record_training,
    revoke_training,
    valid_training,
)
from tests.factories import MembershipFactory, OrganisationFactory, TrainingRecordFactory, UserFactory


@pytest.fixture(autouse=True)
def _unscoped(db):
    with scopes_disabled():
        yield


def actions(campus):
    return list(ActivityLog.objects.filter(campus=campus).values_list("action", flat=True))


# The tree


def test_create_space_inside_a_parent_is_logged(campus, operator, building):
    space = create_space(campus=campus, actor=operator, slug="lobby", name_en="Lobby", parent=building)
    assert space.parent == building
    assert actions(campus) == ["space.created"]


def test_a_space_cannot_be_its_own_parent(operator, building):
    with pytest.raises(SpaceError) as caught:
        update_space(space=building, actor=operator, parent=building)
    assert caught.value.field == "parent"
    assert Space.objects.get(pk=building.pk).parent is None


def test_a_space_cannot_move_inside_its_own_descendant(operator, building, room):
    with pytest.raises(SpaceError, match="inside"):
        update_space(space=building, actor=operator, parent=room)
    assert Space.objects.get(pk=building.pk).parent is None


def test_a_space_may_move_to_a_sibling_tree(campus, operator, floor, room):
    annex = create_space(campus=campus, actor=operator, slug="annex", name_en="Annex", kind="building")
    update_space(space=room, actor=operator, parent=annex)
    assert Space.objects.get(pk=room.pk).parent == annex


def test_a_parent_of_another_campus_is_refused(campus, operator, foreign_space, building):
    with pytest.raises(SpaceError, match="same campus"):
        create_space(campus=campus, actor=operator, slug="x", name_en="X", parent=foreign_space)
    with pytest.raises(SpaceError, match="same campus"):
        update_space(space=building, actor=operator, parent=foreign_space)
    assert not Space.objects.filter(campus=campus, slug="x").exists()


def test_slug_is_unique_per_campus_only(campus, other_campus, operator, room, foreign_space):
    with pytest.raises(SpaceError) as caught:
        create_space(campus=campus, actor=operator, slug=room.slug, name_en="Copy")
    assert caught.value.field == "slug"
    create_space(campus=other_campus, actor=operator, slug=room.slug, name_en="Fab lab Busan")


def test_reserved_slugs_are_refused(campus, operator):
    with pytest.raises(SpaceError, match="space pages"):
        create_space(campus=campus, actor=operator, slug="trainings", name_en="Trainings")


def test_a_space_needs_a_name(campus, operator):
    with pytest.raises(SpaceError, match="name"):
        create_space(campus=campus, actor=operator, slug="nameless")


def test_deactivating_keeps_the_space(operator, room):
    set_space_active(space=room, active=False, actor=operator)
    assert Space.objects.get(pk=room.pk).is_active is False
    assert actions(room.campus) == ["space.deactivated"]


# Opening hours and closed days


def test_opening_hours_replace_the_previous_ones(operator, room):
    set_opening_hours(space=room, hours=[(0, time(9), time(18)), (1, time(9), time(18))], actor=operator)
    set_opening_hours(space=room, hours=[(2, time(10), time(16))], actor=operator)
    assert [(row.weekday, row.opens, row.closes) for row in OpeningHours.objects.filter(space=room)] == [
        (2, time(10), time(16))
    ]


def test_no_hours_clears_them(operator, room):
    set_opening_hours(space=room, hours=[(0, time(9), time(18))], actor=operator)
    set_opening_hours(space=room, hours=[], actor=operator)
    assert not OpeningHours.objects.filter(space=room).exists()


def test_hours_that_close_before_they_open_are_refused_and_keep_the_old_ones(operator, room):
    set_opening_hours(space=room, hours=[(0, time(9), time(18))], actor=operator)
    with pytest.raises(SpaceError, match="close after"):
        set_opening_hours(space=room, hours=[(0, time(18), time(9))], actor=operator)
    assert OpeningHours.objects.filter(space=room).count() == 1


def test_closed_days_are_added_and_removed(campus, operator, room):
    tomorrow = timezone.localdate() + timedelta(days=1)
    everywhere = add_closed_day(campus=campus, date=tomorrow, actor=operator, reason_en="Holiday")
    here = add_closed_day(campus=campus, date=tomorrow, space=room, actor=operator)
    assert everywhere.space is None
    assert here.space == room
    with pytest.raises(SpaceError, match="already closed"):
        add_closed_day(campus=campus, date=tomorrow, space=room, actor=operator)
    remove_closed_day(closed_day=here, actor=operator)
    assert list(ClosedDay.objects.all()) == [everywhere]


def test_closed_day_in_a_space_of_another_campus_is_refused(campus, operator, foreign_space):
    with pytest.raises(SpaceError):
        add_closed_day(campus=campus, date=timezone.localdate(), space=foreign_space, actor=operator)


def test_feature_slug_is_unique_per_campus(campus, operator):
    create_feature(campus=campus, slug="projector", name_en="Projector", actor=operator)
    with pytest.raises(SpaceError):
        create_feature(campus=campus, slug="projector", name_en="Beamer", actor=operator)


# Trainings


def test_record_training_computes_the_expiry(campus, operator, staff_member, training):
    staff_member.preferred_language = "en"
    staff_member.save(update_fields=["preferred_language"])
    record = record_training(
        training=training, user=staff_member, completed_on=date(2025, 3, 1), actor=operator
    )
    assert record.expires_on == date(2025, 3, 1) + timedelta(days=180)
    assert record.recorded_by == operator
    assert "training.recorded" in actions(campus)
    mail = OutboxMessage.objects.get(campus=campus, reason="training.recorded")
    assert mail.to == staff_member.email
    assert "Laser cutter" in mail.subject


def test_valid_on_the_day_of_completion_but_not_on_the_expiry_day(operator, staff_member, training):
    completed = date(2025, 3, 1)
    record = record_training(training=training, user=staff_member, completed_on=completed, actor=operator)
    assert valid_training(user=staff_member, training=training, on_date=completed) == record
    assert valid_training(user=staff_member, training=training, on_date=record.expires_on - timedelta(days=1))
    assert valid_training(user=staff_member, training=training, on_date=record.expires_on) is None
    assert valid_training(user=staff_member, training=training, on_date=completed - timedelta(days=1)) is None


def test_the_latest_record_counts(campus, staff_member, training):
    TrainingRecordFactory(training=training, user=staff_member, completed_on=date(2024, 1, 1))
    renewed = TrainingRecordFactory(training=training, user=staff_member, completed_on=date(2024, 6, 1))
    assert valid_training(user=staff_member, training=training, on_date=date(2024, 6, 10)) == renewed


def test_another_training_does_not_count(campus, staff_member, training):
    other = create_training(campus=campus, actor=None, slug="printer", name_en="3D printer")
    TrainingRecordFactory(training=other, user=staff_member, completed_on=date(2024, 1, 1))
    assert valid_training(user=staff_member, training=training, on_date=date(2024, 1, 2)) is None


def test_a_member_of_an_organisation_may_be_recorded(campus, operator, training):
    member = MembershipFactory(organisation=OrganisationFactory(campus=campus)).user
    record_training(training=training, user=member, completed_on=timezone.localdate(), actor=operator)


def test_a_stranger_cannot_be_recorded(campus, operator, training, other_operator):
    for stranger in (UserFactory(), other_operator):
        with pytest.raises(TrainingError, match="no role"):
            record_training(
                training=training, user=stranger, completed_on=timezone.localdate(), actor=operator
            )
    assert not training.records.exists()


def test_a_training_completed_in_the_future_is_refused(operator, staff_member, training):
    with pytest.raises(TrainingError, match="future"):
        record_training(
            training=training,
            user=staff_member,
            completed_on=timezone.localdate() + timedelta(days=1),
            actor=operator,
        )


def test_revoke_training_removes_the_record(campus, operator, staff_member, training):
    record = TrainingRecordFactory(training=training, user=staff_member)
    revoke_training(record=record, actor=operator)
    assert not training.records.exists()
    assert actions(campus) == ["training.revoked"]


def test_a_training_is_valid_for_at_least_a_day(campus, operator):
    with pytest.raises(TrainingError):
        create_training(campus=campus, actor=operator, slug="zero", name_en="Zero", valid_for_days=0)
