"""The mentor journeys in a real browser: the campus team matches a cohort's working groups with
mentors, compares the stable and the maximum-fit results and publishes the stable one; both sides
accept; the group asks for a session, the mentor records it held with notes and the group rates it.
Then a delivered lecture becomes a fee record that staff mark paid."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from opencampus.mentors.models import MentoringSession
from opencampus.mentors.services.rankings import rank_mentees, rank_mentors
from opencampus.mentors.services.rounds import open_round
from tests.browser.test_park_journey import log_in, log_out
from tests.curriculum_helpers import join, make_cohort
from tests.factories import (
    CampusFactory,
    CampusRoleFactory,
    CohortFactory,
    GroupMemberFactory,
    MentorFieldFactory,
    MentorProfileFactory,
    ParticipantFactory,
    TrackFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.programs.fee_helpers import engaged

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIELDS = {"env": "Environment", "mfg": "Manufacturing", "inv": "Investment", "dig": "Digital"}
# Each mentor covers one field; each group looks for one field.
MENTORS = {"Mina Kang": "env", "Joon Park": "mfg", "Sora Lee": "inv", "Daniel Cho": "dig"}
GROUPS = {"Compost Commons": "dig", "Repair Cafe Crew": "env", "Solar Roofs": "inv", "Bike Library": "mfg"}
# Compost Commons and Mina Kang rank each other first although their fields differ: the stable result
# keeps them together, the maximum-fit result gives both groups the mentor of their field instead.
GROUP_RANKS = {
    "Compost Commons": {"Mina Kang": 1, "Daniel Cho": 2},
    "Repair Cafe Crew": {"Mina Kang": 1, "Daniel Cho": 2},
    "Solar Roofs": {"Sora Lee": 1},
    "Bike Library": {"Joon Park": 1},
}
MENTOR_RANKS = {
    "Mina Kang": {"Compost Commons": 1, "Repair Cafe Crew": 2},
    "Daniel Cho": {"Repair Cafe Crew": 1, "Compost Commons": 2},
    "Sora Lee": {"Solar Roofs": 1},
    "Joon Park": {"Bike Library": 1},
}
PRIVATE_NOTE = "They still lack a site for the second bin; push the district office myself."
SHARED_NOTE = "Map the three housing blocks and weigh one week of food waste before the next session."
RATING_COMMENT = "Concrete advice on measuring, exactly what we needed."


def english_user(email, name, campus, role):
    user = UserFactory(email=email, name_en=name, preferred_language="en")
    CampusRoleFactory(campus=campus, user=user, role=role)
    return user


@pytest.fixture
def group_member():
    """A cohort with four working groups of two, four mentors with room for one group each, both
    sides' rankings, and a round for the groups collecting them: a member of Compost Commons."""
    with scopes_disabled():
        campus = CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")
        operator = english_user("team@example.org", "Yuna Team", campus, "operator")
        fields = {
            code: MentorFieldFactory(campus=campus, code=code, name_en=name, position=position)
            for position, (code, name) in enumerate(FIELDS.items())
        }
        mentors = {
            name: MentorProfileFactory(
                campus=campus,
                user=english_user(f"{name.split()[0].lower()}@example.org", name, campus, "mentor"),
                capacity=1,
                keywords="",
                fields=[fields[code]],
            )
            for name, code in MENTORS.items()
        }
        cohort = CohortFactory(track=TrackFactory(campus=campus), slug="pilot", name_en="2020 pilot")
        members = {}
        for number, name in enumerate(GROUPS):
            group = WorkingGroupFactory(cohort=cohort, name=name)
            for seat in range(2):
                email, member = f"member{number}{seat}@example.org", f"Member {number}{seat}"
                user = english_user(email, member, campus, "participant")
                participant = ParticipantFactory(cohort=cohort, user=user)
                GroupMemberFactory(group=group, participant=participant)
                members.setdefault(name, user)
    with scope(campus=campus):
        round = open_round(cohort=cohort, mentee_kind="groups", actor=operator)
        mentees = {mentee.group.name: mentee for mentee in round.mentees.select_related("group")}
        for name, ranks in GROUP_RANKS.items():
            rank_mentors(
                mentee=mentees[name],
                ranks={mentors[mentor].pk: rank for mentor, rank in ranks.items()},
                actor=members[name],
                fields=[fields[GROUPS[name]]],
            )
        for name, ranks in MENTOR_RANKS.items():
            rank_mentees(
                round=round,
                mentor=mentors[name],
                ranks={mentees[group].pk: rank for group, rank in ranks.items()},
                actor=mentors[name].user,
            )
    return members["Compost Commons"]


def welfare_row(page, measure):
    table = page.locator("table.matching-welfare")
    return table.locator("tr", has=page.get_by_role("rowheader", name=measure, exact=True)).locator("td")


def open_manage(page, card, heading):
    """Manage in the header, then one of the dashboard's cards, whose page has ``heading``."""
    page.locator("header").get_by_role("link", name="Manage").click()
    expect(page.get_by_role("heading", name="Manage the campus")).to_be_visible()
    page.get_by_role("link", name=card, exact=True).click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def open_my_mentoring(page):
    page.locator("header").get_by_role("link", name="My mentoring").click()
    expect(page.get_by_role("heading", name="My mentoring", exact=True)).to_be_visible()


def test_groups_are_matched_with_mentors_and_a_session_is_held_and_rated(page, group_member, screenshot):
    log_in(page, "team@example.org")
    open_manage(page, "Mentor matching", "Matching rounds")
    page.get_by_role("link", name="2020 pilot").click()
    expect(page.get_by_role("heading", name="4 mentees")).to_be_visible()
    page.get_by_role("button", name="Compute both results").click()

    expect(page.get_by_text("Both results are computed.")).to_be_visible()
    expect(welfare_row(page, "Matched")).to_have_text(["4 / 4", "4 / 4"])
    expect(welfare_row(page, "Total fit")).to_have_text(["240.0", "340.0"])
    expect(welfare_row(page, "Mean rank mentors gave their mentees")).to_have_text(["1.00", "1.50"])
    expect(welfare_row(page, "Mentees with their first choice")).to_have_text(["3", "3"])
    expect(welfare_row(page, "Blocking pairs")).to_have_text(["0", "1"])
    compost = page.locator("tr", has=page.get_by_role("rowheader", name="Compost Commons", exact=True))
    expect(compost.locator("td").first).to_contain_text("Mina Kang")
    expect(compost.locator("td").last).to_contain_text("Daniel Cho")
    blocking = page.locator("section[aria-labelledby=blocking]")
    expect(blocking.get_by_role("row", name=re.compile("Compost Commons.*Mina Kang"))).to_contain_text(
        "both prefer each other to their matches"
    )
    screenshot(page, "mentor-matching-results")

    page.get_by_label("stable matching").check()
    page.get_by_role("button", name="Publish this result").click()
    expect(page.get_by_text("Published: 4 matches wait for answers.", exact=False)).to_be_visible()
    matches = page.locator("section[aria-labelledby=mentorships]")
    expect(matches.get_by_role("row", name=re.compile("Compost Commons.*Mina Kang"))).to_contain_text(
        "waiting for answers"
    )
    log_out(page)

    member = group_member
    log_in(page, member.email)
    open_my_mentoring(page)
    expect(page.get_by_role("heading", name="My mentor: Mina Kang")).to_be_visible()
    page.get_by_role("link", name="Answer the match").click()
    page.locator("section[aria-labelledby=as-mentee]").get_by_role("link", name="Mina Kang").click()
    page.get_by_role("button", name="Accept the match").click()
    expect(page.get_by_text("You accepted the match. The other side has not answered yet.")).to_be_visible()
    log_out(page)

    log_in(page, "mina@example.org")
    open_my_mentoring(page)
    page.get_by_role("link", name="Answer the match").click()
    page.locator("section[aria-labelledby=as-mentor]").get_by_role("link", name="Compost Commons").click()
    page.get_by_role("button", name="Accept the match").click()
    expect(page.get_by_text("Both sides accepted: the mentoring can start.")).to_be_visible()
    expect(page.locator("main p.muted").first).to_have_text("2020 pilot · active")
    log_out(page)

    # The group asks for a session three days ahead; the mentor accepts it.
    log_in(page, member.email)
    open_my_mentoring(page)
    page.get_by_role("link", name="Open the mentorship").click()
    expect(page.get_by_role("heading", name="Mina Kang mentors Compost Commons")).to_be_visible()
    day = timezone.localdate() + timedelta(days=3)
    page.locator("#id_request-starts_at").fill(f"{day.isoformat()}T10:00")
    page.locator("#id_request-duration_minutes").fill("90")
    page.locator("#id_request-place").fill("Seoul Innovation Park, Lab 2")
    page.locator("#id_request-topic").fill("Measuring food waste in our blocks")
    page.get_by_role("button", name="Ask for the session").click()
    expect(page.get_by_text("The session is asked for; the other side is told.")).to_be_visible()
    log_out(page)

    log_in(page, "mina@example.org")
    open_my_mentoring(page)
    page.get_by_role("link", name="Compost Commons").click()
    session_card = page.locator("article", has_text="Measuring food waste in our blocks")
    session_card.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("The session is accepted; the other side is told.")).to_be_visible()
    expect(session_card.locator(".tag")).to_have_text("accepted")

    # Time passes: the session took place yesterday.
    with scopes_disabled():
        MentoringSession.objects.filter(topic="Measuring food waste in our blocks").update(
            starts_at=timezone.now() - timedelta(days=1)
        )
    page.reload()
    session_card.get_by_label("Private notes").fill(PRIVATE_NOTE)
    session_card.get_by_label("Notes for the mentee").fill(SHARED_NOTE)
    session_card.get_by_role("button", name="Record as held").click()
    expect(page.get_by_text("The session is recorded as held.")).to_be_visible()
    expect(session_card.locator("p", has_text=PRIVATE_NOTE)).to_be_visible()
    log_out(page)

    log_in(page, member.email)
    open_my_mentoring(page)
    page.get_by_role("link", name="Open the mentorship").click()
    expect(session_card.locator("p", has_text=SHARED_NOTE)).to_be_visible()
    expect(page.get_by_text(PRIVATE_NOTE)).to_have_count(0)
    session_card.get_by_label("5", exact=True).check()
    session_card.get_by_label("Comment").fill(RATING_COMMENT)
    session_card.get_by_role("button", name="Rate the session").click()
    expect(page.get_by_text("Thank you: your rating is saved.")).to_be_visible()
    expect(session_card.get_by_text(f"Rated 5 of 5: {RATING_COMMENT}")).to_be_visible()
    log_out(page)

    log_in(page, "team@example.org")
    open_manage(page, "Mentor matching", "Matching rounds")
    page.get_by_role("link", name="Mentoring activity").click()
    expect(page.get_by_role("heading", name="Mentor activity")).to_be_visible()
    mina = page.get_by_role("row", name=re.compile("Mina Kang"))
    expect(mina).to_contain_text("5.0 (1 rating)")
    mina.get_by_role("link", name="Mina Kang").click()
    session_row = page.get_by_role("row", name=re.compile("Measuring food waste in our blocks"))
    expect(session_row).to_contain_text("held")
    expect(session_row).to_contain_text(f"5/5 · {RATING_COMMENT}")
    expect(page.get_by_text(PRIVATE_NOTE)).to_have_count(0)
    expect(page.get_by_text(SHARED_NOTE)).to_have_count(0)
    assert page.csp_violations == []


@pytest.fixture
def lecture():
    """A lecture of the cohort held ten days ago, its instructor confirmed at 300,000 won a day."""
    with scopes_disabled():
        campus = CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")
        english_user("staff@example.org", "Jae Staff", campus, "staff")
        cohort = make_cohort(campus)
        for name in ("Hana Seo", "Minho Yoon"):
            join(cohort, UserFactory(name_en=name, preferred_language="en"))
        instructor = english_user("hyunwoo@example.org", "Hyunwoo Bae", campus, "mentor")
    return engaged(cohort, instructor, title="Circular economy in practice")


def test_attendance_at_a_delivered_lecture_makes_a_fee_that_staff_mark_paid(page, lecture, screenshot):
    log_in(page, "staff@example.org")
    open_manage(page, "Attendance", "Attendance")
    page.get_by_role("link", name="2020 pilot").click()
    expect(page.get_by_role("heading", name="Attendance of 2020 pilot")).to_be_visible()
    page.get_by_role("row", name=re.compile("Circular economy in practice")).get_by_role(
        "link", name="Roster"
    ).click()
    expect(page.get_by_role("heading", name="Circular economy in practice")).to_be_visible()
    for name in ("Hana Seo", "Minho Yoon"):
        page.get_by_label(name, exact=True).select_option("present")
    page.get_by_role("button", name="Save the attendance").click()
    expect(page.get_by_text("2 attendances saved.")).to_be_visible()

    open_manage(page, "Lecture fees", "Lecture fees")
    fee = page.locator("table.fee-records").get_by_role("row", name=re.compile("Hyunwoo Bae"))
    expect(fee).to_contain_text("Circular economy in practice")
    expect(fee.locator("td").nth(5)).to_have_text("KRW 300,000")
    expect(fee.locator("td").nth(6)).to_contain_text("To be paid")
    expect(page.locator("dd[data-total=due]")).to_have_text("KRW 300,000")
    screenshot(page, "lecture-fees-due")

    page.get_by_label("Mark the fee of Hyunwoo Bae paid").check()
    page.get_by_role("button", name="Mark the ticked fees paid").click()
    expect(page.get_by_text("1 fee of KRW 300,000 in all is marked paid.")).to_be_visible()
    expect(fee.locator("td").nth(6)).to_have_text(re.compile(r"^\s*Paid · "))
    expect(page.locator("dd[data-total=due]")).to_have_text("KRW 0")
    expect(page.locator("dd[data-total=paid]")).to_have_text("KRW 300,000")
    assert page.csp_violations == []
