"""On PostgreSQL, two claims on one space may never overlap in time.

SQLite has no exclusion constraints; there the booking service checks and inserts
inside an IMMEDIATE transaction (see docs/decisions/0004-conflict-free-booking.md).
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CONSTRAINT = "park_spaceclaim_no_overlap"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE park_spaceclaim ADD CONSTRAINT {CONSTRAINT} "
        "EXCLUDE USING gist (space_id WITH =, tstzrange(start, \"end\", '[)') WITH &&)"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE park_spaceclaim DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("park", "0001_spaces_bookings_residency_visits")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(add_constraint, drop_constraint),
    ]
