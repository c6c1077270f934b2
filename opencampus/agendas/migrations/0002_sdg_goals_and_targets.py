"""Load the 17 UN Sustainable Development Goals and their 169 targets, in Korean and English."""

import json
from pathlib import Path

from django.db import migrations

SDG_FILE = Path(__file__).resolve().parents[1] / "data" / "sdg.json"


def load_sdgs(apps, schema_editor):
    goal_model = apps.get_model("agendas", "SdgGoal")
    target_model = apps.get_model("agendas", "SdgTarget")
    for goal in json.loads(SDG_FILE.read_text(encoding="utf-8"))["goals"]:
        saved, _created = goal_model.objects.update_or_create(
            number=goal["number"],
            defaults={"title_ko": goal["title_ko"], "title_en": goal["title_en"], "colour": goal["colour"]},
        )
        for target in goal["targets"]:
            target_model.objects.update_or_create(
                code=target["code"],
                campus=None,
                defaults={"goal": saved, "text_ko": target["text_ko"], "text_en": target["text_en"]},
            )


def remove_sdgs(apps, schema_editor):
    apps.get_model("agendas", "SdgTarget").objects.filter(campus=None).delete()
    apps.get_model("agendas", "SdgGoal").objects.filter(targets=None).delete()


class Migration(migrations.Migration):
    dependencies = [("agendas", "0001_agendas_themes_sdgs")]

    operations = [migrations.RunPython(load_sdgs, remove_sdgs)]
