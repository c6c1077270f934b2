"""Demo courses: the two tracks and the 2020 pilot cohort of the top innovator course.

The 2027 citizen cohort fills by public lottery: sixty citizens have entered for its forty
places, and the draw waits for registration to close; its curriculum is drafted, not planned.

The pilot (about 30 innovators, August to November 2020, 16 weeks at Seoul Innovation Park) gets
its curriculum — lectures, workshops, working-group experiments, a three-day field study,
mentoring and the results presentation — planned by the timetable solver and published as the
staff would have done in July 2020, which booked its rooms then; its instructors come from the
mentor network (environment, manufacturing, investment, digital). Every week's attendance is
taken, so some participants complete the course and some do not; those who did received
their certificates a week after the results presentation. A later load finds the
published timetable and leaves the cohort as it is.
"""

import calendar
import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from opencampus.certificates.models import Certificate
from opencampus.certificates.services.issuing import issue_certificates_to_completed
from opencampus.park.models import Space
from opencampus.people.models import CampusRole, User
from opencampus.programs.models import (
    Attendance,
    Cohort,
    CohortSlot,
    Engagement,
    Feedback,
    FeeRecord,
    InstructorAvailability,
    Participant,
    Session,
    Timetable,
    Track,
)
from opencampus.programs.services.fees import mark_paid
from opencampus.programs.services.planning import plan_timetable
from opencampus.programs.services.publishing import publish_timetable
from opencampus.programs.services.registration import register
from opencampus.programs.services.teaching import record_delivery

from .names import person_name
from .specs import demo_email
from .sync import sync

SEED = 2020
PILOT = "top-innovators-2020"
PILOT_START = date(2020, 8, 3)
PLANNED_ON = datetime(2020, 7, 20, 10, tzinfo=timezone.get_fixed_timezone(9 * 60))
CERTIFIED_ON = datetime(2020, 11, 27, 15, tzinfo=timezone.get_fixed_timezone(9 * 60))
PARTICIPANTS = 30
FEES_DUE_FROM_MONTH = 11  # the pilot's November lecture fees are not paid yet
CITIZENS = "citizen-innovators-2027"
CITIZEN_PLACES, ENTRANTS = 40, 60
REGISTRATION = (
    datetime(2026, 11, 1, 9, tzinfo=timezone.get_fixed_timezone(9 * 60)),
    datetime(2027, 1, 15, 18, tzinfo=timezone.get_fixed_timezone(9 * 60)),
)
CITIZEN_SESSIONS = [
    (Session.Kind.LECTURE, "우리 동네 문제 찾기", "Finding our neighbourhood's problems"),
    (Session.Kind.WORKSHOP, "문제 지도 그리기", "Workshop: mapping the problems"),
    (Session.Kind.FIELD_STUDY, "동네 탐방", "Neighbourhood walk"),
    (Session.Kind.EXPERIMENT, "해결책 실험", "Trying out a solution"),
    (Session.Kind.PRESENTATION, "시민 발표회", "Citizens' presentation"),
]

TRACKS = [
    {
        "slug": "top-innovators", "kind": Track.Kind.TOP_INNOVATOR, "name_ko": "최고 혁신가 과정",
        "name_en": "Top innovator course",
        "description_ko": "문제 해결 역량을 갖춘 사회혁신가를 위한 16주 과정: 강의, 워크숍, 실험, 현장 연구.",
        "description_en": "Sixteen weeks for social innovators with problem-solving ability: lectures, "
        "workshops, experiments and field study.",
    },
    {
        "slug": "citizen-innovators", "kind": Track.Kind.CITIZEN, "name_ko": "시민 혁신가 과정",
        "name_en": "Citizen innovator course",
        "description_ko": "시민이 우리 동네의 사회문제를 발견하고 해결책을 실험하는 과정.",
        "description_en": "Citizens find their neighbourhood's social problems and try out solutions.",
    },
]  # fmt: skip

# The mentor network's fields; each lends the instructor pool one person, the demo mentor leads.
INSTRUCTORS = [
    ("instructor-environment", "environment, climate", [(1, 18, 22), (5, 10, 17)]),
    ("instructor-manufacturing", "manufacturing, fab labs", [(3, 18, 22), (5, 10, 17)]),
    ("instructor-investment", "impact investment", [(1, 18, 22), (3, 18, 22)]),
    ("instructor-digital", "digital, civic data", [(1, 18, 22), (3, 18, 22), (5, 13, 17)]),
]
SLOTS = [(1, 19, 22), (3, 19, 22), (5, 10, 13), (5, 14, 17), (2, 9, 18)]

# kind, Korean title, English title, minutes, instructor (index into the pool, "mentor" or None)
LECTURES = [
    ("오리엔테이션과 사회혁신의 이해", "Orientation: what social innovation is", "mentor"),
    ("기후 위기와 도시", "The climate crisis and the city", 0),
    ("자원순환 비즈니스", "Circular-resource businesses", 0),
    ("제조 혁신과 팹랩", "Manufacturing innovation and fab labs", 1),
    ("시민 제조와 수리 문화", "Citizen making and repair culture", 1),
    ("임팩트 투자의 기초", "Impact investment basics", 2),
    ("사회적 금융과 지속가능성", "Social finance and sustainability", 2),
    ("시민 데이터와 디지털 전환", "Civic data and the digital transition", 3),
    ("공공 문제의 디지털 해법", "Digital answers to public problems", 3),
    ("사회혁신 평가와 측정", "Evaluating and measuring social innovation", 2),
    ("해외 혁신 아카데미 사례", "Innovation academies abroad", "mentor"),
    ("협업과 거버넌스", "Collaboration and governance", "mentor"),
]
WORKSHOPS = [
    ("문제 정의 워크숍", "Workshop: defining the problem", "mentor"),
    ("공동 과제 발견 워크숍", "Workshop: finding a common task", "mentor"),
    ("서비스 디자인 워크숍", "Workshop: service design", 3),
    ("프로토타이핑 워크숍", "Workshop: prototyping", 1),
    ("임팩트 측정 설계 워크숍", "Workshop: designing impact measurement", 2),
    ("발표 준비 워크숍", "Workshop: preparing the presentation", "mentor"),
]
EXPERIMENTS = 6
MENTORING = 4


def load(context):
    campus = context.campuses["seoul"]
    tally = context.tally
    tracks = sync(
        Track.objects.filter(campus=campus),
        [Track(campus=campus, **spec) for spec in TRACKS],
        key=("campus_id", "slug"),
        fields=[name for name in TRACKS[0] if name != "slug"],
        tally=tally,
    )
    pilot = load_pilot_cohort(campus, tracks[(campus.pk, "top-innovators")], tally)
    if not pilot.timetables.filter(state=Timetable.State.PUBLISHED).exists():
        rng = random.Random(SEED)
        instructors = load_instructors(campus, tally)
        participants = load_participants(campus, pilot, tally)
        load_curriculum(campus, pilot, instructors, tally)
        staff = User.objects.get(email=demo_email("staff"))
        timetable = plan_timetable(cohort=pilot, actor=staff, now=PLANNED_ON, time_limit=30, workers=2)
        publish_timetable(timetable=timetable, actor=staff, now=PLANNED_ON)
        tally.created[Timetable._meta.label] += 1
        take_attendance(campus, pilot, participants, rng, tally)
        pay_lecture_fees(pilot, staff, tally)
        issued = issue_certificates_to_completed(cohort=pilot, by=staff, now=CERTIFIED_ON)
        tally.created[Certificate._meta.label] += len(issued.certificates)
    load_citizen_cohort(campus, tracks[(campus.pk, "citizen-innovators")], tally)


def load_pilot_cohort(campus, track, tally):
    spec = {
        "track": track, "name_ko": "2020 시범 과정", "name_en": "2020 pilot", "starts_on": PILOT_START,
        "ends_on": PILOT_START + timedelta(weeks=16) - timedelta(days=2), "weeks": 16,
        "place": Space.objects.get(campus=campus, slug="social-innovation-lab"), "size": PARTICIPANTS,
        "admission": Cohort.Admission.SELECTION, "completion_attendance": 80, "is_published": True,
    }  # fmt: skip
    cohort = sync(
        Cohort.objects.filter(campus=campus),
        [Cohort(campus=campus, slug=PILOT, **spec)],
        key=("campus_id", "slug"),
        fields=list(spec),
        tally=tally,
    )[(campus.pk, PILOT)]
    load_slots(cohort, SLOTS, tally)
    return cohort


def load_instructors(campus, tally):
    rng = random.Random(f"{SEED}-instructors")
    emails = [demo_email(local) for local, _fields, _windows in INSTRUCTORS]
    users = sync(
        User.objects.filter(email__in=emails),
        [
            User(email=email, name_ko=ko, name_en=en)
            for email, (ko, en) in zip(emails, _names(rng, len(emails)), strict=True)
        ],
        key=("email",),
        fields=[],
        tally=tally,
        on_create=lambda user: user.set_unusable_password(),
    )
    pool = [users[(email,)] for email in emails]
    mentor = User.objects.get(email=demo_email("mentor"))
    sync(
        CampusRole.objects.filter(campus=campus, role=CampusRole.Role.INSTRUCTOR),
        [CampusRole(campus=campus, user=user, role=CampusRole.Role.INSTRUCTOR) for user in [*pool, mentor]],
        key=("user_id", "role"),
        fields=[],
        tally=tally,
    )
    windows = (
        [
            (user, day, start, end)
            for user, (_local, _fields, days) in zip(pool, INSTRUCTORS, strict=True)
            for day, start, end in days
        ]
        + [(mentor, day, 18, 22) for day in (1, 3)]
        + [(mentor, 5, 10, 17)]
        + [(mentor, day, 9, 18) for day in (2, 3, 4)]
    )
    sync(
        InstructorAvailability.objects.filter(campus=campus, instructor__in=[*pool, mentor]),
        [
            InstructorAvailability(
                campus=campus, instructor=user, weekday=day, starts_at=time(start), ends_at=time(end)
            )
            for user, day, start, end in windows
        ],
        key=("instructor_id", "weekday", "starts_at"),
        fields=["ends_at"],
        tally=tally,
    )
    return {"mentor": mentor, **dict(enumerate(pool))}


def _names(rng, count):
    return [person_name(rng) for _n in range(count)]


def load_participants(campus, cohort, tally):
    """The demo participant and the first pilot applicants; one joins in week 2, one leaves in week 6."""
    emails = [demo_email("participant")] + [demo_email(f"member{number:04d}") for number in range(1, 60)]
    users = list(User.objects.filter(email__in=emails).order_by("email"))[:PARTICIPANTS]
    participants = sync(
        Participant.objects.filter(cohort=cohort),
        [
            Participant(
                campus=campus,
                cohort=cohort,
                user=user,
                source=Participant.Source.LATE if index == PARTICIPANTS - 1 else Participant.Source.CALL,
                joined_on=PILOT_START + timedelta(weeks=1 if index == PARTICIPANTS - 1 else 0),
            )
            for index, user in enumerate(users)
        ],
        key=("cohort_id", "user_id"),
        fields=[],
        tally=tally,
    )
    sync(
        CampusRole.objects.filter(campus=campus, role=CampusRole.Role.PARTICIPANT),
        [CampusRole(campus=campus, user=user, role=CampusRole.Role.PARTICIPANT) for user in users],
        key=("user_id", "role"),
        fields=[],
        tally=tally,
    )
    people = [participants[(cohort.pk, user.pk)] for user in users]
    leaver = people[-2]
    leaver.state, leaver.left_on = Participant.State.WITHDRAWN, PILOT_START + timedelta(weeks=5, days=3)
    leaver.leave_reason = "Moved to Busan for work."
    leaver.save(update_fields=["state", "left_on", "leave_reason"])
    return people


def load_curriculum(campus, cohort, instructors, tally):
    rows = []

    def add(kind, ko, en, teacher, **fields):
        rows.append((Session(campus=campus, cohort=cohort, kind=kind, title_ko=ko, title_en=en,
                             position=len(rows) + 1, **fields), teacher))  # fmt: skip

    for ko, en, teacher in LECTURES:
        add(Session.Kind.LECTURE, ko, en, teacher)
    for ko, en, teacher in WORKSHOPS:
        add(Session.Kind.WORKSHOP, ko, en, teacher)
    for number in range(1, EXPERIMENTS + 1):
        add(Session.Kind.EXPERIMENT, f"작업반 실험 {number}", f"Working-group experiment {number}", "mentor",
            earliest_week=5)  # fmt: skip
    for number in range(1, MENTORING + 1):
        add(Session.Kind.MENTORING, f"멘토링 {number}", f"Mentoring {number}", number % 4)
    add(Session.Kind.FIELD_STUDY, "현장 연구 (3일)", "Field study (3 days)", "mentor", duration_minutes=480,
        days=3, offsite=True, offsite_place="성수동 소셜벤처 밸리 · Seongsu social-venture valley",
        earliest_week=7, latest_week=10)  # fmt: skip
    add(Session.Kind.PRESENTATION, "결과 발표회", "Results presentation", "mentor", earliest_week=16)
    sessions = Session.objects.bulk_create([session for session, _teacher in rows])
    tally.created[Session._meta.label] += len(sessions)
    by_title = {session.title_en: session for session in sessions}
    for session, teacher in rows:
        session.instructors.set([instructors[teacher]])
    by_title["Results presentation"].after.set([s for s in sessions if s.kind == Session.Kind.EXPERIMENT])
    by_title["Working-group experiment 1"].after.set([by_title["Workshop: finding a common task"]])
    by_title["Workshop: finding a common task"].after.set([by_title["Workshop: defining the problem"]])
    by_title["Workshop: defining the problem"].after.set([by_title["Orientation: what social innovation is"]])


def take_attendance(campus, cohort, participants, rng, tally):
    """Most come; three miss too much to complete. Instructors delivered every session."""
    entries = cohort.timetables.get(state=Timetable.State.PUBLISHED).entries.select_related("session")
    low = {participants[3].pk, participants[11].pk, participants[19].pk}
    marks, ratings = [], []
    for entry in entries:
        held_on = entry.starts_at.astimezone(campus.tz).date()
        for participant in participants:
            if held_on < participant.joined_on or (participant.left_on and held_on > participant.left_on):
                continue
            state, reason = _attendance(rng, participant.pk in low)
            attended = state in (Attendance.State.PRESENT, Attendance.State.LATE)
            marks.append(
                Attendance(
                    campus=campus, session=entry.session, participant=participant, state=state, reason=reason,
                    presented=attended and entry.session.kind == Session.Kind.PRESENTATION,
                    via=Attendance.Via.CODE if attended else Attendance.Via.STAFF,
                    marked_at=entry.ends_at,
                )
            )  # fmt: skip
            if attended and rng.random() < 0.3:
                ratings.append(
                    Feedback(
                        campus=campus,
                        session=entry.session,
                        participant=participant,
                        rating=rng.choices([3, 4, 5], weights=[1, 4, 5])[0],
                    )
                )
    Attendance.objects.bulk_create(marks)
    Feedback.objects.bulk_create(ratings)
    tally.created[Attendance._meta.label] += len(marks)
    tally.created[Feedback._meta.label] += len(ratings)


def pay_lecture_fees(cohort, staff, tally):
    """Every instructor confirmed and delivered; the fee records that wrote are dated with their
    session and paid at the end of its month, except November's, which are still due."""
    entries = cohort.timetables.get(state=Timetable.State.PUBLISHED).entries.select_related("session")
    Engagement.objects.filter(session__cohort=cohort).update(state=Engagement.State.CONFIRMED)
    by_month = defaultdict(list)
    for entry in entries:
        record_delivery(session=entry.session, actor=staff)
        records = FeeRecord.objects.filter(engagement__session=entry.session)
        records.update(created=entry.ends_at)
        held_on = entry.starts_at.astimezone(cohort.campus.tz).date()
        by_month[held_on.replace(day=1)].extend(records)
    for month, records in sorted(by_month.items()):
        if month.month < FEES_DUE_FROM_MONTH:
            mark_paid(
                records=records,
                paid_on=month.replace(day=calendar.monthrange(month.year, month.month)[1]),
                actor=staff,
            )
        tally.created[FeeRecord._meta.label] += len(records)


def _attendance(rng, often_away):
    roll = rng.random()
    if roll < (0.3 if often_away else 0.04):
        return Attendance.State.ABSENT, ""
    if roll < (0.35 if often_away else 0.07):
        return Attendance.State.EXCUSED, "병원 진료 · medical appointment"
    if roll < (0.45 if often_away else 0.12):
        return Attendance.State.LATE, ""
    return Attendance.State.PRESENT, ""


def load_citizen_cohort(campus, track, tally):
    spec = {
        "track": track, "name_ko": "2027 시민 혁신가 과정", "name_en": "2027 citizen innovators",
        "starts_on": date(2027, 3, 2), "ends_on": date(2027, 6, 19), "weeks": 16, "size": CITIZEN_PLACES,
        "place": Space.objects.get(campus=campus, slug="sangsang-training-1"),
        "admission": Cohort.Admission.LOTTERY, "registration_opens_at": REGISTRATION[0],
        "registration_closes_at": REGISTRATION[1], "completion_attendance": 70,
        "completion_requires_presentation": False, "is_published": True,
    }  # fmt: skip
    cohort = sync(
        Cohort.objects.filter(campus=campus),
        [Cohort(campus=campus, slug=CITIZENS, **spec)],
        key=("campus_id", "slug"),
        fields=list(spec),
        tally=tally,
    )[(campus.pk, CITIZENS)]
    load_slots(cohort, [(2, 19, 21), (5, 10, 13)], tally)
    sync(
        Session.objects.filter(cohort=cohort),
        [
            Session(
                campus=campus,
                cohort=cohort,
                kind=kind,
                title_ko=ko,
                title_en=en,
                position=position,
                duration_minutes=120,
            )
            for position, (kind, ko, en) in enumerate(CITIZEN_SESSIONS, start=1)
        ],
        key=("cohort_id", "position"),
        fields=["kind", "title_ko", "title_en"],
        tally=tally,
    )
    entered = set(cohort.registrations.values_list("user_id", flat=True))
    emails = [demo_email(f"member{number:04d}") for number in range(100, 100 + ENTRANTS)]
    for hours, user in enumerate(User.objects.filter(email__in=emails).order_by("email")):
        if user.pk not in entered:
            register(cohort=cohort, user=user, now=REGISTRATION[0] + timedelta(hours=hours))
            tally.created["programs.Registration"] += 1


def load_slots(cohort, slots, tally):
    sync(
        CohortSlot.objects.filter(cohort=cohort),
        [
            CohortSlot(
                campus=cohort.campus, cohort=cohort, weekday=day, starts_at=time(start), ends_at=time(end)
            )
            for day, start, end in slots
        ],
        key=("cohort_id", "weekday", "starts_at"),
        fields=["ends_at"],
        tally=tally,
    )
