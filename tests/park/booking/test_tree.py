from opencampus.park.services.tree import space_tree
from tests.factories import SpaceFactory


def test_tree_knows_ancestors_and_descendants(campus, django_assert_num_queries):
    building = SpaceFactory(campus=campus, kind="building")
    floor = SpaceFactory(campus=campus, kind="floor", parent=building)
    room = SpaceFactory(campus=campus, parent=floor)
    machine = SpaceFactory(campus=campus, kind="equipment", parent=room)
    SpaceFactory(campus=campus, parent=floor)

    with django_assert_num_queries(1):
        tree = space_tree(campus)

    assert tree.ancestors(machine.pk) == [room.pk, floor.pk, building.pk]
    assert set(tree.claimed_by(floor.pk)) >= {floor.pk, room.pk, machine.pk}
    assert tree.related(room.pk)[:3] == [floor.pk, building.pk, room.pk]
