"""Bring a set of rows into the database by natural key, in bulk, writing only what differs."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.hashers import check_password, make_password

BATCH = 500


@dataclass
class Tally:
    """Rows created and updated per model, over one load."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)


def sync(queryset, rows, *, key, fields, tally, on_create=None):
    """Create the ``rows`` missing from ``queryset`` and update the ``fields`` that differ.

    ``key`` names the attributes (``campus_id``, ``slug``) that identify a row; ``queryset``
    must hold every existing row that could match. ``on_create(row)`` completes a row about
    to be created. Returns ``{key: saved row}`` for ``rows``.
    """
    model = queryset.model
    label = model._meta.label

    def key_of(obj):
        return tuple(getattr(obj, name) for name in key)

    existing = {key_of(obj): obj for obj in queryset}
    wanted = {}
    for row in rows:
        wanted.setdefault(key_of(row), row)

    missing = [row for row_key, row in wanted.items() if row_key not in existing]
    changed, changed_fields = [], set()
    for row_key, row in wanted.items():
        current = existing.get(row_key)
        if current is None:
            continue
        differing = [name for name in fields if getattr(current, name) != getattr(row, name)]
        for name in differing:
            setattr(current, name, getattr(row, name))
        if differing:
            changed.append(current)
            changed_fields.update(differing)

    if missing:
        for row in missing if on_create else ():
            on_create(row)
        model.objects.bulk_create(missing, batch_size=BATCH)
        if any(row.pk is None for row in missing):  # a backend that cannot return new keys
            existing = {key_of(obj): obj for obj in queryset.all()}
        else:
            existing.update((key_of(row), row) for row in missing)
    if changed:
        model.objects.bulk_update(changed, sorted(changed_fields), batch_size=BATCH)
    tally.created[label] += len(missing)
    tally.updated[label] += len(changed)
    return {row_key: existing[row_key] for row_key in wanted}


class Passwords:
    """Hash the demo password once and share the hash between the demo logins.

    Argon2 is slow on purpose; a second load checks one hash, not one per login.
    """

    def __init__(self, raw):
        self.raw = raw
        self._hash = None
        self._verified, self._rejected = set(), set()

    @property
    def hash(self):
        if self._hash is None:
            self._hash = make_password(self.raw)
            self._verified.add(self._hash)
        return self._hash

    def matches(self, encoded):
        if encoded not in self._verified and encoded not in self._rejected:
            (self._verified if check_password(self.raw, encoded) else self._rejected).add(encoded)
        return encoded in self._verified
