"""The problem-to-impact chain in a real browser: a citizen proposes a problem and is shown a
similar one while typing; staff form the cohort's working groups with the solver; a group runs
an experiment with a milestone and an update; the problem's lineage and story show it all."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from opencampus.agendas.services.similarity import index_agenda
from opencampus.workgroups.models import AgendaChoice, FormationSettings, Trait
from tests.browser.test_park_journey import log_in, log_out
from tests.factories import (
    AgendaFactory,
    CampusFactory,
    CampusRoleFactory,
    CohortAgendaFactory,
    CohortFactory,
    ParticipantFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BINS = "Smell and flies around shared food-waste bins in housing blocks"
PROPOSED = "Food waste bins in our apartment block smell all summer"
ROOFS = "Community solar on the empty rooftops of public buildings"


@pytest.fixture
def chain():
    with scopes_disabled():
        campus = CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")
        ThemeFactory(campus=campus, slug="waste", name_en="Waste", name_ko="자원순환")
        staff = UserFactory(email="staff@example.org", preferred_language="en")
        CampusRoleFactory(campus=campus, user=staff, role="staff")
        UserFactory(email="citizen@example.org", preferred_language="en", name_en="Hana Seo")
        bins = AgendaFactory(
            campus=campus,
            title_en=BINS,
            title_ko="공동주택 음식물 쓰레기 수거함 주변 악취와 벌레",
            description_en="Every summer the shared food-waste bins of our block smell and draw flies.",
            state="adopted",
        )
        roofs = AgendaFactory(
            campus=campus,
            title_en=ROOFS,
            title_ko="공공건물 옥상의 빈 공간에 시민 햇빛발전소를",
            description_en="Community-centre roofs stay empty while residents want to build solar power.",
            state="adopted",
        )
        for agenda in (bins, roofs):
            index_agenda(agenda=agenda)
        cohort = CohortFactory(track__campus=campus, slug="pilot", name_en="2020 pilot")
        offers = [CohortAgendaFactory(cohort=cohort, agenda=agenda) for agenda in (bins, roofs)]
        members = []
        for number in range(8):
            user = UserFactory(email=f"member{number}@example.org", preferred_language="en")
            CampusRoleFactory(campus=campus, user=user, role="participant")
            members.append(ParticipantFactory(cohort=cohort, user=user))
            first, second = offers if number % 2 else offers[::-1]
            AgendaChoice.objects.create(campus=campus, participant=members[-1], offer=first, rank=1)
            AgendaChoice.objects.create(campus=campus, participant=members[-1], offer=second, rank=2)
            for attribute, value in (("gender", "woman" if number < 4 else "man"), ("sector", "ngo")):
                Trait.objects.create(campus=campus, participant=members[-1], attribute=attribute, value=value)
        FormationSettings.objects.create(
            campus=campus, cohort=cohort, min_size=4, max_size=4, no_isolation=["gender"], choices_open=False
        )
    return {"roofs": roofs, "members": members}


def test_a_problem_travels_from_proposal_to_an_experiment_and_its_story(page, chain, screenshot):
    log_in(page, "citizen@example.org")
    page.goto("/c/seoul/agendas/propose/")
    page.locator("#id_title_en").fill(PROPOSED)
    suggestions = page.locator("#similar-agendas")
    expect(suggestions.get_by_role("link", name=BINS)).to_be_visible()
    screenshot(page, "chain-similar-suggestion")
    page.locator("#id_description_en").fill("The bins behind building 3 are never washed; flies everywhere.")
    page.locator("#id_theme").select_option(label="Waste")
    page.get_by_role("button", name="Propose the problem").click()
    expect(page.get_by_role("heading", name=PROPOSED)).to_be_visible()
    log_out(page)

    log_in(page, "staff@example.org")
    page.goto("/c/seoul/manage/groups/pilot/")
    page.get_by_role("button", name="Run the formation").click()
    expect(page.get_by_text("optimal", exact=False).first).to_be_visible()
    page.get_by_role("button", name="Apply: form these groups").click()
    expect(page.get_by_text(ROOFS).first).to_be_visible()
    screenshot(page, "chain-groups-formed")

    page.goto("/c/seoul/manage/experiments/new/")
    page.locator("#id_title_en").fill("Checking four community-centre roofs for solar")
    page.locator("#id_working_group").select_option(label=f"{ROOFS} A · 2020 pilot")
    page.locator("#id_agenda").select_option(label=ROOFS)
    page.locator("#id_hypothesis").fill("One checklist shows which roofs can carry a citizen solar plant.")
    page.locator("#id_starts_on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save").click()
    page.locator("#id_status").select_option("running")
    page.get_by_role("button", name="Change the status").click()
    expect(page.get_by_text("running", exact=False).first).to_be_visible()
    log_out(page)

    with scopes_disabled():
        member = chain["roofs"].working_groups.get().members.first().participant.user
    log_in(page, member.email)
    page.get_by_role("link", name="My groups").click()
    page.get_by_role("link", name=f"{ROOFS} A").first.click()
    page.get_by_role("link", name="Checking four community-centre roofs for solar").click()
    page.get_by_role("link", name="Add a milestone").click()
    page.locator("#id_title_en").fill("Check the four roofs")
    page.locator("#id_weight").fill("2")
    page.locator("#id_progress").fill("50")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Post an update").click()
    page.locator("#id_happened_on").fill(datetime.date.today().isoformat())
    page.locator("#id_body").fill(
        "Two roofs checked: both carry the load, one needs new waterproofing first."
    )
    page.get_by_role("button", name="Post").click()
    expect(page.get_by_text("Two roofs checked", exact=False)).to_be_visible()
    expect(page.get_by_text("50%").first).to_be_visible()
    log_out(page)

    page.goto(f"/c/seoul/agendas/{chain['roofs'].pk}/")
    page.get_by_role("button", name="English").click()
    lineage = page.locator("main")
    expect(lineage.get_by_text(f"{ROOFS} A", exact=False).first).to_be_visible()
    expect(lineage.get_by_role("link", name="Checking four community-centre roofs for solar")).to_be_visible()
    screenshot(page, "chain-lineage")
    page.goto(f"/c/seoul/agendas/{chain['roofs'].pk}/story/")
    expect(page.get_by_text("Checking four community-centre roofs for solar").first).to_be_visible()
    expect(page.get_by_text("in experiment", exact=False).first).to_be_visible()
    screenshot(page, "chain-story")
