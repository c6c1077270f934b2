"""The campus's spaces as a tree, read in one query."""

from dataclasses import dataclass, field

from ..models import Space


@dataclass
class SpaceTree:
    parents: dict[int, int | None]
    children: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self):
        for space_id, parent_id in self.parents.items():
            self.children.setdefault(space_id, [])
            if parent_id is not None:
                self.children.setdefault(parent_id, []).append(space_id)

    def ancestors(self, space_id):
        """The spaces above ``space_id``, nearest first."""
        found = []
        parent_id = self.parents.get(space_id)
        while parent_id is not None and parent_id not in found:
            found.append(parent_id)
            parent_id = self.parents.get(parent_id)
        return found

    def descendants(self, space_id):
        found, stack = [], list(self.children.get(space_id, []))
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.append(current)
            stack.extend(self.children.get(current, []))
        return found

    def claimed_by(self, space_id):
        """What a booking of ``space_id`` occupies: the space and everything inside it."""
        return [space_id, *self.descendants(space_id)]

    def related(self, space_id):
        """Every space whose booking collides with one of ``space_id``."""
        return [*self.ancestors(space_id), space_id, *self.descendants(space_id)]


def space_tree(campus):
    return SpaceTree(dict(Space.objects.filter(campus=campus).values_list("pk", "parent_id")))
