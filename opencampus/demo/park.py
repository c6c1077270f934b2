"""Demo park operations: spaces, residencies of the Seoul residents, machine trainings,
the bookings of the next four weeks and two years of visits.

Bookings go through the booking service, so their claims exist and every rule holds; they
fall on the four weeks from the day after tomorrow. A booking is known by who booked it and
its title: a later load skips the ones there, whatever their dates.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from opencampus.park.models import Booking, Residency, Training, TrainingRecord
from opencampus.park.services.bookings import (
    BookingError,
    approve_bookings,
    block_space,
    cancel_booking,
    request_booking,
)
from opencampus.people.models import Membership, Organisation, User

from . import park_spaces, park_visits
from .park_spaces import at, closed_dates
from .specs import demo_email
from .sync import sync

SEED = 2018  # the year of the article's visitor figures
LEAVING, APPLIED, LEFT = 8, 5, 2
LAB_GROUPS = 19  # "19 innovation groups and activists moving in"
COWORKING = "global-coworking"
FAB_LAB = "seoul-innovation-fab-lab"
NAMED = ("non-electric-workshop-seoul", FAB_LAB)


def load(context):
    seoul, tally = context.campuses["seoul"], context.tally
    now = timezone.now()
    spaces = park_spaces.load_seoul(seoul, tally)
    park_spaces.load_suwon(context.campuses["suwon"], tally)
    load_residencies(seoul, spaces, tally)
    load_training_records(seoul, tally, today=now.astimezone(seoul.tz).date())
    # From the day after tomorrow every booking keeps the rooms' day of notice.
    load_bookings(seoul, spaces, tally, now=now, first=now.astimezone(seoul.tz).date() + timedelta(days=2))
    park_visits.load(seoul, tally, now=now)


def login(role):
    return User.objects.get(email=demo_email(role))


def login_organisation(campus):
    return Membership.objects.get(campus=campus, user__email=demo_email("resident")).organisation


# Residencies


@dataclass
class Tenancy:
    organisation: Organisation
    state: str = Residency.State.RESIDENT
    spaces: list = field(default_factory=list)
    fee: int = 0
    quota: int = 20
    starts_on: date = date(2015, 9, 1)
    ends_on: date | None = None
    note: str = ""


def plan_residencies(campus, spaces, rng):
    """Who holds which spaces: the Lab's groups, offices (alone or two to one) and co-working."""
    organisations = list(
        Organisation.objects.filter(campus=campus, kind=Organisation.Kind.RESIDENT).order_by("slug")
    )
    fixed = {login_organisation(campus).slug, *NAMED}
    others = [organisation for organisation in organisations if organisation.slug not in fixed]
    rng.shuffle(others)
    leaving, applied, left = others[:LEAVING], others[LEAVING : LEAVING + APPLIED], others[-LEFT:]
    staying = [organisation for organisation in organisations if organisation not in applied + left]
    tenancies = {organisation.slug: Tenancy(organisation) for organisation in staying}
    for organisation in leaving:
        tenancies[organisation.slug].state = Residency.State.LEAVING
        tenancies[organisation.slug].ends_on = rng.choice(
            [date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 28)]
        )
        tenancies[organisation.slug].note = "계약 만료 후 이전 예정 · Moving out when the term ends."
    for tenancy in tenancies.values():
        year = rng.randrange(2015, 2026)
        tenancy.starts_on = date(year, rng.choice([3, 9]) if year > 2015 else 9, 1)

    offices = [spaces[slug] for slug in park_spaces.OFFICES]
    tenancies[login_organisation(campus).slug].spaces = [offices.pop(0)]
    tenancies[FAB_LAB].spaces = [_take(offices, spaces["hyeoksin-dong-201"]), spaces["fab-lab"]]
    tenancies["non-electric-workshop-seoul"].spaces = [_take(offices, spaces["hyeoksin-dong-202"])]
    unplaced = [tenancy for tenancy in tenancies.values() if not tenancy.spaces]
    rng.shuffle(unplaced)
    intermediaries = [tenancy for tenancy in unplaced if tenancy.organisation.category == "intermediary"]
    lab = [tenancy for tenancy in unplaced if tenancy.state == Residency.State.RESIDENT]
    lab = [tenancy for tenancy in lab if tenancy not in intermediaries][:LAB_GROUPS]
    sharers = [tenancy for tenancy in unplaced if tenancy not in intermediaries + lab]
    for tenancy in lab:
        tenancy.spaces = [spaces["social-innovation-lab"]]
        tenancy.starts_on, tenancy.ends_on = date(2025, 3, 1), date(2027, 2, 28)
        tenancy.note = "사회혁신랩 입주 지원(임대료 면제) · Social Innovation Lab support: no rent."
    for tenancy in intermediaries:
        tenancy.spaces = [offices.pop(0)]
    # Two organisations to an office while offices last, then desks in the co-working space.
    for index, tenancy in enumerate(sharers):
        tenancy.spaces = [offices[index // 2] if index // 2 < len(offices) else spaces[COWORKING]]
    holders = Counter(tenancy.spaces[0].slug for tenancy in tenancies.values())
    for tenancy in tenancies.values():
        tenancy.fee, tenancy.quota = _terms(tenancy.spaces[0], holders[tenancy.spaces[0].slug], rng)

    for organisation in applied:
        tenancies[organisation.slug] = Tenancy(
            organisation, Residency.State.APPLIED, starts_on=date(2027, 3, 1)
        )
    for organisation, (starts_on, ends_on) in zip(
        left, [(date(2016, 3, 1), date(2020, 12, 31)), (date(2017, 9, 1), date(2023, 6, 30))], strict=True
    ):
        tenancies[organisation.slug] = Tenancy(
            organisation, Residency.State.LEFT, starts_on=starts_on, ends_on=ends_on, quota=10
        )
    return list(tenancies.values())


def _take(offices, office):
    offices.remove(office)
    return office


def _terms(space, holders, rng):
    """Monthly fee (KRW) and booking quota (hours) from the space held and how many share it."""
    if space.slug == "social-innovation-lab":
        return 0, 30
    if space.slug == COWORKING:
        return rng.choice([0, 50_000, 100_000]), rng.choice([10, 15])
    fee = space.area_m2 * 22_000 // holders // 10_000 * 10_000
    return fee, 40 if holders == 1 else rng.choice([20, 25, 30])


def load_residencies(campus, spaces, tally):
    tenancies = plan_residencies(campus, spaces, random.Random(SEED))
    residencies = sync(
        Residency.objects.filter(campus=campus),
        [
            Residency(
                campus=campus,
                organisation=tenancy.organisation,
                state=tenancy.state,
                starts_on=tenancy.starts_on,
                ends_on=tenancy.ends_on,
                monthly_fee=tenancy.fee,
                monthly_booking_hours=tenancy.quota,
                note=tenancy.note,
            )
            for tenancy in tenancies
        ],
        key=("organisation_id", "starts_on"),
        # Not the state: a later load must not undo a residency the demo's staff moved on.
        fields=["ends_on", "monthly_fee", "monthly_booking_hours", "note"],
        tally=tally,
    )
    through = Residency.spaces.through
    sync(
        through.objects.filter(residency__campus=campus),
        [
            through(
                residency_id=residencies[(tenancy.organisation.pk, tenancy.starts_on)].pk, space_id=space.pk
            )
            for tenancy in tenancies
            for space in tenancy.spaces
        ],
        key=("residency_id", "space_id"),
        fields=[],
        tally=tally,
    )


# Trainings

# (login or fab-lab member number, training, completed so many days ago)
TRAINING_RECORDS = [
    ("resident", "laser-cutter-safety", 40),
    ("resident", "cnc-router", 200),  # expired: CNC training lasts 180 days
    ("participant", "laser-cutter-safety", 90),
    ("participant", "3d-printer-basics", 300),
    (0, "laser-cutter-safety", 120), (0, "3d-printer-basics", 400), (0, "cnc-router", 30),
    (1, "laser-cutter-safety", 60), (1, "3d-printer-basics", 60), (1, "cnc-router", 90),
    (2, "laser-cutter-safety", 430),  # expired
    (2, "3d-printer-basics", 200),
]  # fmt: skip


def fab_lab_members(campus):
    return [
        membership.user
        for membership in Membership.objects.filter(campus=campus, organisation__slug=FAB_LAB)
        .select_related("user")
        .order_by("user__email")
    ]


def load_training_records(campus, tally, *, today):
    trainings = {training.slug: training for training in Training.objects.filter(campus=campus)}
    members, staff = fab_lab_members(campus), login("staff")
    people = {"resident": login("resident"), "participant": login("participant")}
    rows = []
    for who, slug, days_ago in TRAINING_RECORDS:
        completed_on = today - timedelta(days=days_ago)
        rows.append(
            TrainingRecord(
                campus=campus,
                training=trainings[slug],
                user=people[who] if isinstance(who, str) else members[who],
                completed_on=completed_on,
                expires_on=trainings[slug].expiry_for(completed_on),
                recorded_by=staff,
            )
        )
    # A renewal is a new record: the dates of those there stay as they were.
    sync(
        TrainingRecord.objects.filter(campus=campus),
        rows,
        key=("training_id", "user_id"),
        fields=[],
        tally=tally,
    )


# Bookings

POOL_SPACES = [
    "mirae-seminar-1", "mirae-seminar-2", "sangsang-training-1", "sangsang-training-2", "sangsang-training-3",
    "sangsang-seminar-3", "hyeoksin-seminar-4", "cheongnyeon-training-4",
]  # fmt: skip
WEEKDAY_TIMES, SATURDAY_TIMES = [(10, 12), (14, 16), (19, 21)], [(10, 12), (14, 16)]
CONFIRMED, CANCELLED = 42, 3  # bookings of people (not blockings) over the four weeks
TOPICS = [
    "정기 운영위원회", "회원 교육", "활동가 워크숍", "사업 설명회", "협업 회의", "시민 강좌", "성과 공유회",
    "신입 활동가 오리엔테이션", "자원순환 캠페인 기획 회의", "마을 활동가 모임", "이사회", "청년 창업 멘토링",
    "기후행동 스터디", "사회적 가치 측정 세미나", "주민 인터뷰 정리 회의", "리빙랩 중간 점검",
]  # fmt: skip
FAB_LAB_SPACES = {"fab-lab", "laser-cutter", "3d-printer-1", "3d-printer-2", "cnc-router"}


@dataclass
class Planned:
    space: str
    actor: User
    title: str
    day: date
    hours: tuple[int, int]
    organisation: Organisation | None = None
    attendees: int = 1
    outcome: str = "confirmed"  # or pending, cancelled, blocking
    recurrence: dict = field(default_factory=dict)


def representatives(campus, **filters):
    """``(person, organisation)`` of the organisations in residence (state resident), by slug."""
    memberships = (
        Membership.objects.filter(
            campus=campus,
            role="representative",
            organisation__residencies__state=Residency.State.RESIDENT,
            **filters,
        )
        .exclude(user__email=demo_email("resident"))
        .select_related("user", "organisation")
        .order_by("organisation__slug")
    )
    return [(membership.user, membership.organisation) for membership in memberships]


def plan_bookings(campus, spaces, first):
    """Four weeks from ``first``: what each demo login shows, then a random spread."""
    rng = random.Random(SEED)
    resident, participant, staff = login("resident"), login("participant"), login("staff")
    organisation = login_organisation(campus)
    fab_lab = Organisation.objects.get(campus=campus, slug=FAB_LAB)
    makers = fab_lab_members(campus)
    lab_groups = representatives(campus, organisation__residencies__spaces__slug="social-innovation-lab")
    others = rng.sample(
        representatives(campus, organisation__residencies__spaces__slug__in=park_spaces.OFFICES), 45
    )

    monday = first - timedelta(days=first.weekday())

    def day(week, weekday):
        """That weekday of the week ``week`` weeks after ``first``'s, or a week later if it comes too soon."""
        wanted = monday + timedelta(days=7 * week + weekday)
        return wanted if wanted >= first else wanted + timedelta(days=7)

    def open_day(*days, fab_lab=False):
        """The first of ``days`` that is no holiday there (else the first, which is then left out)."""
        return next((when for when in days if when not in closed_dates(fab_lab=fab_lab)), days[0])

    meeting = {"frequency": Booking.Frequency.WEEKLY, "weekdays": (2,), "count": 4}
    rep, rep_org = others.pop()
    shown = [
        Planned("mirae-seminar-2", resident, "주간 운영회의 · Weekly team meeting", day(0, 2), (10, 12),
                organisation, 8, recurrence=meeting),
        Planned("laser-cutter", resident, "재활용 목재 간판 시제품 커팅", day(0, 2), (14, 16),
                organisation, 2),
        Planned("laser-cutter", participant, "워킹그룹 프로토타입 제작", day(0, 3), (10, 12), attendees=2),
        Planned("fab-lab", staff, "팹랩 장비 정기 점검 · Fab lab machine maintenance",
                open_day(day(1, 1), day(1, 0), day(1, 4), fab_lab=True), (10, 19),
                outcome="blocking"),
        Planned("3d-printer-1", participant, "에너지 모니터 케이스 출력", day(1, 2), (10, 17)),
        Planned("cnc-router", makers[0], "시민 발명가 워크숍 가구 부재 가공", day(1, 3), (14, 17),
                fab_lab, 2),
        Planned("3d-printer-2", makers[1], "팹시티 프로젝트 부품 출력", day(2, 1), (10, 18), fab_lab),
        Planned("sangsang-hall", staff, "입주단체 네트워킹 데이 · Residents' networking day", day(2, 2),
                (14, 18), attendees=200),
        Planned("sangsang-hall", rep, f"{rep_org.name_ko} 사회적경제 포럼", day(3, 2), (13, 17),
                rep_org, 150),
        Planned("sangsang-training-3", participant, "시민 혁신가 과정 설명회 · Citizen innovator course",
                day(0, 3), (19, 21), attendees=60),
        Planned("coworking-desk-1", participant, "집중 작업", day(0, 1), (9, 13)),
        Planned("coworking-desk-5", participant, "제안서 마무리", day(2, 1), (18, 22)),
        Planned("coworking-booth-b", participant, "멘토링 화상 통화 · Mentoring call", day(1, 2), (10, 12),
                attendees=2),
        Planned("social-innovation-lab", participant, "워킹그룹 협업 실험 회의", day(1, 3), (14, 17),
                attendees=12, outcome="pending"),
        Planned("social-innovation-lab", resident, "입주단체 협업 네트워킹 준비 회의",
                open_day(day(2, 1), day(2, 2)), (10, 12),
                organisation, 10, outcome="pending"),
    ]  # fmt: skip
    # Two Lab groups ask for the Lab too; the first overlaps the participant's request.
    for (person, group), (title, when, hours, attendees) in zip(
        lab_groups,
        [
            ("에너지 전환 리빙랩 워크숍", day(1, 3), (15, 18), 20),
            ("먹거리 실험 공유회", day(2, 3), (19, 21), 30),
        ],
        strict=False,
    ):
        title = f"{group.name_ko} {title}"
        shown.append(
            Planned("social-innovation-lab", person, title, when, hours, group, attendees, "pending")
        )
    for space, when, hours, title in [
        ("innovation-plaza", day(1, 5), (11, 17), "자원순환 플리마켓 · Zero-waste flea market"),
        ("cheongnyeon-kitchen", day(2, 4), (11, 14), "로컬푸드 공유 밥상 · Local-food shared lunch"),
        ("coworking-desk-2", day(0, 2), (13, 17), "보고서 작업"),
        ("coworking-desk-3", day(1, 3), (9, 12), "후원자 미팅 준비"),
        ("coworking-desk-4", day(1, 4), (14, 18), "디자인 작업"),
        ("coworking-booth-a", day(0, 3), (16, 17), "Brainport 화상회의 · Call with Brainport"),
    ]:
        person, group = others.pop()
        # A market and a lunch count against the organisation's hours; a desk is the person's own.
        attendees = {"innovation-plaza": 300, "cheongnyeon-kitchen": 12}.get(space)
        title = f"{group.name_ko} {title}"
        shown.append(Planned(space, person, title, when, hours, group if attendees else None, attendees or 1))
    shown = [planned for planned in shown if _is_open(planned)]
    confirmed = sum(planned.outcome == "confirmed" for planned in shown)
    return shown + _spread(spaces, rng, first, shown, others, count=CONFIRMED - confirmed + CANCELLED)


def _dates(planned):
    return [planned.day + timedelta(weeks=week) for week in range(planned.recurrence.get("count", 1))]


def _is_open(planned):
    closed = closed_dates(fab_lab=planned.space in FAB_LAB_SPACES)
    return not closed.intersection(_dates(planned))


def _spread(spaces, rng, first, shown, people, *, count):
    """Meetings of resident organisations in the seminar and training rooms, three of them cancelled."""
    taken = {(planned.space, day) for planned in shown for day in _dates(planned)}
    closed = closed_dates()
    slots = []
    for offset in range(28):
        day = first + timedelta(days=offset)
        if day.weekday() == 6 or day in closed:
            continue
        times = SATURDAY_TIMES if day.weekday() == 5 else WEEKDAY_TIMES
        slots += [
            (space, day, hours) for space in POOL_SPACES if (space, day) not in taken for hours in times
        ]
    # Who books and why is drawn before when, so a later day's load plans the same titles.
    bookers = [(*people.pop(), rng.randrange(len(TOPICS)), rng.randint(4, 30)) for _ in range(count)]
    chosen = sorted(rng.sample(slots, count), key=lambda slot: (slot[1], slot[2], slot[0]))
    spread = []
    for index, ((person, organisation, topic, attendees), (space, day, hours)) in enumerate(
        zip(bookers, chosen, strict=True)
    ):
        title = f"{organisation.name_ko} {TOPICS[topic]}"
        attendees = min(attendees, spaces[space].capacity)
        outcome = "cancelled" if index >= count - CANCELLED else "confirmed"
        spread.append(Planned(space, person, title, day, hours, organisation, attendees, outcome))
    return spread


def load_bookings(campus, spaces, tally, *, now, first):
    """Book through the service as the people would; staff approve what needs approval."""
    done = set(Booking.objects.filter(campus=campus).values_list("booked_by_id", "title"))
    staff = login("staff")
    to_approve, to_cancel = [], []
    for planned in plan_bookings(campus, spaces, first):
        if (planned.actor.pk, planned.title) in done:
            continue
        space = spaces[planned.space]
        start, end = at(campus, planned.day, planned.hours[0]), at(campus, planned.day, planned.hours[1])
        try:
            booking = _book(planned, space, start, end, now).booking
        except BookingError:
            # Only on a later day's load: the time went to a booking of an earlier one.
            continue
        tally.created[Booking._meta.label] += 1
        if booking.state == Booking.State.PENDING and planned.outcome != "pending":
            to_approve.append(booking)
        if planned.outcome == "cancelled":
            to_cancel.append((booking, planned.actor))
    if to_approve:
        _approved, refused = approve_bookings(bookings=to_approve, actor=staff)
        assert not refused, refused
    for booking, actor in to_cancel:
        cancel_booking(booking=booking, actor=actor, now=now)


def _book(planned, space, start, end, now):
    if planned.outcome == "blocking":
        return block_space(space=space, actor=planned.actor, title=planned.title, start=start, end=end)
    return request_booking(
        space=space,
        actor=planned.actor,
        title=planned.title,
        start=start,
        end=end,
        attendees=planned.attendees,
        organisation=planned.organisation,
        now=now,
        **planned.recurrence,
    )
