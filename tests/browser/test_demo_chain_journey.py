"""The chain on the demo campus itself, in a real browser: a resident typing a problem is shown
its twin; staff run the pilot cohort's formation again and see the solver's proof next to the
greedy baseline; a group's experiment gets an update with a photo; the problem's page shows the
working group, the experiment and its progress."""

import io
import re

import pytest
from django_scopes import scopes_disabled
from PIL import Image
from playwright.sync_api import expect

from opencampus.agendas.models import Agenda
from opencampus.demo.loader import load_demo
from opencampus.experiments.models import Experiment
from opencampus.workgroups.models import FormationRun
from tests.browser.test_park_journey import log_in, log_out
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TWIN = "여름마다 되풀이되는 음식물 쓰레기 수거함 악취 민원"
ROOFS = "공공건물 옥상의 빈 공간에 시민 햇빛발전소를"
ROOF_CHECK = "주민센터 옥상 네 곳 햇빛발전 가능성 점검"


@pytest.fixture
def demo():
    load_demo(password=PASSWORD)
    with scopes_disabled():
        return {
            "roofs": Agenda.objects.get(title_ko=ROOFS),
            "roof_check": Experiment.objects.get(title_ko=ROOF_CHECK),
        }


def photo_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_demo_campus_walks_a_problem_to_its_experiment(page, demo, screenshot):
    log_in(page, "resident@demo.opencampus.example")
    page.goto("/c/seoul/agendas/propose/")
    page.locator("#id_title_ko").fill("아파트 음식물 쓰레기 수거함 냄새")
    page.locator("#id_description_ko").fill("여름이면 음식물 쓰레기 수거함에서 악취가 나고 벌레가 꼬입니다.")
    expect(page.locator("#similar-agendas").get_by_role("link", name=TWIN)).to_be_visible()
    screenshot(page, "demo-similar-suggestion")
    log_out(page)

    log_in(page, "staff@demo.opencampus.example")
    page.goto("/c/seoul/manage/groups/top-innovators-2020/")
    page.locator("form[action$='/runs/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/runs/\d+/$"))
    with scopes_disabled():
        run = FormationRun.objects.latest("pk")
    facts = page.locator(".run-facts")
    expect(facts).to_contain_text(f"{run.worst_score} / 1000")
    expect(facts).to_contain_text(str(run.greedy_worst_score))
    screenshot(page, "demo-formation-run")

    experiment = demo["roof_check"]
    page.goto(f"/c/seoul/experiments/{experiment.pk}/updates/new/")
    page.locator("#id_happened_on").fill("2020-11-20")
    page.locator("#id_body").fill("네 번째 옥상 점검을 마쳤습니다. Finished checking the fourth roof.")
    page.locator("#id_files").set_input_files(
        files=[{"name": "roof.png", "mimeType": "image/png", "buffer": photo_bytes()}]
    )
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_text("Finished checking the fourth roof.", exact=False)).to_be_visible()
    expect(page.locator("main img").first).to_be_visible()
    log_out(page)

    page.goto(f"/c/seoul/agendas/{demo['roofs'].pk}/")
    lineage = page.locator(".lineage-steps").first
    expect(lineage).to_contain_text("햇빛 지붕")
    expect(lineage.get_by_role("link", name=ROOF_CHECK)).to_be_visible()
    expect(lineage.locator("progress").first).to_be_visible()
    screenshot(page, "demo-lineage")
