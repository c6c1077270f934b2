"""Demo visits: two years of group tours that add up to the article's figures, and the tours ahead.

“Visitors last year: 166 institutions, 3,150 people; expected to more than double”: the
tours of 2018 hold exactly those figures and 2019's exactly twice them, spread over the
months with spring and autumn peaks. Ministries and cities are named as the public bodies
they are; every visit, and every other institution, is generated.
"""

import random
from collections import Counter, defaultdict
from datetime import date, timedelta

from opencampus.park.models import TourSlot, VisitRequest, VisitSurvey
from opencampus.people.models import User

from . import names
from .park_spaces import at, closed_dates
from .specs import demo_email
from .sync import sync

Kind = VisitRequest.InstitutionKind
State = VisitRequest.State

SEED = 3150
YEARS = {2018: (166, 3150), 2019: (332, 6300)}  # institutions, visitors
MONTH_WEIGHTS = [3, 4, 9, 12, 13, 10, 6, 5, 10, 13, 11, 4]
KIND_WEIGHTS = {
    Kind.CENTRAL_GOVERNMENT: 12,
    Kind.LOCAL_GOVERNMENT: 30,
    Kind.DOMESTIC_BODY: 20,
    Kind.OVERSEAS_BODY: 16,
    Kind.SCHOOL: 10,
    Kind.CITIZENS_GROUP: 12,
}
GROUP_SIZES = {
    Kind.CENTRAL_GOVERNMENT: (6, 20),
    Kind.LOCAL_GOVERNMENT: (8, 35),
    Kind.DOMESTIC_BODY: (6, 30),
    Kind.OVERSEAS_BODY: (5, 25),
    Kind.SCHOOL: (15, 40),
    Kind.CITIZENS_GROUP: (8, 30),
}
SMALLEST, LARGEST = 3, 40  # a tour's guides take 40 visitors
TOUR_LENGTH = timedelta(minutes=90)
KOREAN_TOURS, ENGLISH_TOURS = (10, 14), (11, 15)
# Public holidays of 2018 and 2019 that fell on weekdays: no tours.
HOLIDAYS = {
    date(2018, 1, 1), date(2018, 2, 15), date(2018, 2, 16), date(2018, 3, 1),
    date(2018, 5, 7), date(2018, 5, 22), date(2018, 6, 6), date(2018, 6, 13), date(2018, 8, 15),
    date(2018, 9, 24), date(2018, 9, 25), date(2018, 9, 26), date(2018, 10, 3), date(2018, 10, 9),
    date(2018, 12, 25), date(2019, 1, 1), date(2019, 2, 4), date(2019, 2, 5), date(2019, 2, 6),
    date(2019, 3, 1), date(2019, 5, 6), date(2019, 6, 6), date(2019, 8, 15), date(2019, 9, 12),
    date(2019, 9, 13), date(2019, 10, 3), date(2019, 10, 9), date(2019, 12, 25),
}  # fmt: skip

MINISTRIES = [
    "행정안전부", "기획재정부", "국무조정실", "환경부", "고용노동부", "중소벤처기업부", "국토교통부",
    "보건복지부", "문화체육관광부", "농림축산식품부", "산업통상자원부", "과학기술정보통신부",
]  # fmt: skip
MINISTRY_UNITS = ["정책기획관실", "사회혁신추진단", "혁신행정담당관실", "사회적경제 담당 부서"]
CITIES = [
    "수원시", "성남시", "고양시", "전주시", "광주광역시 광산구", "부산광역시", "대구광역시 수성구",
    "대전광역시 유성구", "세종특별자치시", "청주시", "천안시", "춘천시", "원주시", "강릉시",
    "제주특별자치도", "창원시", "김해시", "포항시", "순천시", "여수시", "목포시", "군산시", "완주군",
    "홍성군", "시흥시", "화성시", "안산시", "의정부시", "파주시", "서울특별시 성북구", "서울특별시 금천구",
    "서울특별시 도봉구", "경기도", "충청남도", "전라북도", "경상남도",
]  # fmt: skip
CITY_UNITS = ["사회혁신과", "협치담당관", "마을공동체과", "사회적경제과", "의회 의원연구단체", "청년정책과"]
DOMESTIC_FORMS = ["사회적경제지원센터", "마을공동체지원센터", "청년센터", "공익활동지원센터", "사회혁신센터"]
SCHOOL_FORMS = [
    "고등학교 사회탐구 동아리",
    "중학교 자유학기 탐방반",
    "고등학교 환경 동아리",
    "중학교 진로 탐방단",
]
CITIZEN_FORMS = ["주민자치회", "기후행동 모임", "마을 활동가 모임", "협동조합 연합회", "자원봉사단"]
OVERSEAS = {
    "JP": (["Yokohama", "Kyoto", "Fukuoka", "Osaka"], "Yuki Tanaka"),
    "CN": (["Shenzhen", "Shanghai", "Chengdu"], "Li Wei"),
    "TW": (["Taipei", "Taichung", "Kaohsiung"], "Chen Yi-ting"),
    "US": (["Boston", "Seattle", "New York"], "Emily Carter"),
    "DE": (["Berlin", "Hamburg"], "Jonas Weber"),
    "NL": (["Amsterdam", "Eindhoven", "Rotterdam"], "Sanne de Jong"),
    "FR": (["Paris", "Lyon"], "Camille Martin"),
    "GB": (["London", "Manchester"], "Oliver Hughes"),
    "SG": (["Singapore"], "Tan Wei Ling"),
    "TH": (["Bangkok", "Chiang Mai"], "Nattapong Suksawat"),
    "VN": (["Hanoi", "Ho Chi Minh City"], "Nguyen Thi Lan"),
    "MN": (["Ulaanbaatar"], "Bat-Erdene Dorj"),
}
COUNTRY_WEIGHTS = {"JP": 5, "CN": 5, "TW": 4, "US": 2, "DE": 1, "NL": 1, "FR": 1, "GB": 1, "SG": 1, "TH": 2,
                   "VN": 2, "MN": 1}  # fmt: skip
OVERSEAS_BODIES = [
    "City Government delegation", "Social Innovation Lab", "Civic Tech Network", "Fab Lab",
    "University urban studies group", "Social Enterprise Agency",
]  # fmt: skip
TOPICS_KO = [
    "혁신파크 운영 모델과 입주단체 협업", "청년 지원 정책과 청년청", "팹랩과 시민 발명가", "에너지 전환 실험",
    "옛 공공기관 부지 재생", "사회적경제 생태계", "사회혁신랩 입주 과정",
]  # fmt: skip
TOPICS_EN = ["How the park is run", "Fab Lab and Fab City", "Urban regeneration of a public site",
             "Resident organisations and co-working", "Social innovation policy in Seoul"]  # fmt: skip
PLACES = ["녹번", "불광", "응암", "성미산", "망원", "수유", "상계", "정릉", "장위", "대림", "신림", "구로"]
SURVEY_SHARE = 0.4
USEFUL = ["입주단체와의 대화", "팹랩 견학", "운영 모델 설명", "사회혁신랩 사례 발표", "공간 재생 이야기"]
SUGGESTIONS = [
    "",
    "",
    "자료집을 미리 받고 싶습니다.",
    "질의응답 시간이 더 길었으면 합니다.",
    "주차 안내가 필요합니다.",
]


def load(campus, tally, *, now):
    rng = random.Random(SEED)
    for year, (institutions, visitors) in YEARS.items():
        load_year(campus, tally, rng, year=year, institutions=institutions, visitors=visitors)
    load_upcoming(campus, tally, now=now)


def spread(total, weights):
    """``total`` split in proportion to ``weights`` by largest remainder, so the parts add up exactly."""
    shares = [total * weight / sum(weights) for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda index: counts[index] - shares[index])
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def fit_total(rng, sizes, total):
    """Nudge ``sizes`` one visitor at a time, within a tour's limits, until they add up to ``total``."""
    while difference := total - sum(sizes):
        step = 1 if difference > 0 else -1
        index = rng.randrange(len(sizes))
        if SMALLEST <= sizes[index] + step <= LARGEST:
            sizes[index] += step
    return sizes


def institution(rng, kind):
    """A name, country and contact person for an institution of ``kind``."""
    if kind == Kind.OVERSEAS_BODY:
        country = rng.choices(list(COUNTRY_WEIGHTS), weights=list(COUNTRY_WEIGHTS.values()))[0]
        cities, contact = OVERSEAS[country]
        return f"{rng.choice(cities)} {rng.choice(OVERSEAS_BODIES)}", country, contact
    place = rng.choice(PLACES)
    if kind == Kind.CENTRAL_GOVERNMENT:
        name = f"{rng.choice(MINISTRIES)} {rng.choice(MINISTRY_UNITS)}"
    elif kind == Kind.LOCAL_GOVERNMENT:
        name = f"{rng.choice(CITIES)} {rng.choice(CITY_UNITS)}"
    elif kind == Kind.DOMESTIC_BODY:
        name = f"{rng.choice(CITIES).split()[-1]} {rng.choice(DOMESTIC_FORMS)}"
    elif kind == Kind.SCHOOL:
        name = f"{place}{rng.choice(SCHOOL_FORMS)}"
    else:
        name = f"{place} {rng.choice(CITIZEN_FORMS)}"
    return name, "KR", names.person_name(rng)[0]


def plan_year(rng, year, institutions, visitors):
    """The visits of ``year``: (month, kind, name, country, contact, headcount, group size)."""
    visits = []
    for month, count in enumerate(spread(institutions, MONTH_WEIGHTS), start=1):
        for _ in range(count):
            kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            visits.append([month, kind, *institution(rng, kind), rng.randint(*GROUP_SIZES[kind])])
    for visit, headcount in zip(
        visits, fit_total(rng, [visit[-1] for visit in visits], visitors), strict=True
    ):
        visit[-1] = headcount
        # Who was announced: mostly who came, sometimes a few more or one less.
        visit.append(min(LARGEST, max(1, headcount + rng.choice([0, 0, 0, 1, 2, 3, -1]))))
    return visits


def tour_days(year, month):
    day = date(year, month, 1)
    while day.month == month:
        if day.weekday() < 5 and day not in HOLIDAYS:
            yield day
        day += timedelta(days=1)


def seat(rng, campus, year, visits):
    """Put each visit in a tour of its month: Korean at 10:00 and 14:00, English at 11:00 and 15:00.

    Groups share a tour while their announced sizes fit its 40 places. Returns the tours
    (``{start: language}``) and each visit's tour start, in the order of ``visits``.
    """
    tours, seated, guests, starts = {}, Counter(), defaultdict(set), []
    for month, kind, name, *_details, group_size in visits:
        language = "en" if kind == Kind.OVERSEAS_BODY else "ko"
        hours = ENGLISH_TOURS if language == "en" else KOREAN_TOURS
        options = [at(campus, day, hour) for day in tour_days(year, month) for hour in hours]
        rng.shuffle(options)
        start = next(
            start for start in options if seated[start] + group_size <= LARGEST and name not in guests[start]
        )
        tours[start] = language
        seated[start] += group_size
        guests[start].add(name)
        starts.append(start)
    return tours, starts


VISIT_FIELDS = [
    "slot_id", "institution", "institution_kind", "country", "group_size", "headcount", "state", "language",
]  # fmt: skip


def load_year(campus, tally, rng, *, year, institutions, visitors):
    visits = plan_year(rng, year, institutions, visitors)
    tours, starts = seat(rng, campus, year, visits)
    first, last = at(campus, date(year, 1, 1), 0), at(campus, date(year + 1, 1, 1), 0)
    slots = sync(
        TourSlot.objects.filter(campus=campus, start__gte=first, start__lt=last),
        [
            TourSlot(campus=campus, start=start, end=start + TOUR_LENGTH, capacity=LARGEST, language=language)
            for start, language in sorted(tours.items())
        ],
        key=("campus_id", "start"),
        fields=["end", "capacity", "language"],
        tally=tally,
    )
    rows = []
    for number, (visit, start) in enumerate(zip(visits, starts, strict=True), start=1):
        _month, kind, name, country, contact, headcount, group_size = visit
        english = kind == Kind.OVERSEAS_BODY
        rows.append(
            VisitRequest(
                campus=campus,
                slot=slots[(campus.pk, start)],
                institution=name,
                institution_kind=kind,
                country=country,
                contact_name=contact,
                contact_email=f"visit-{year}-{number:03d}@example.org",
                group_size=group_size,
                headcount=headcount,
                language="en" if english else "ko",
                preferred_dates=[start.date().isoformat()],
                topics=rng.choice(TOPICS_EN if english else TOPICS_KO),
                state=State.VISITED,
                checked_in_at=start + timedelta(minutes=5),
            )
        )
    saved = sync(
        VisitRequest.objects.filter(campus=campus, contact_email__in=[row.contact_email for row in rows]),
        rows,
        key=("contact_email",),
        fields=VISIT_FIELDS,
        tally=tally,
    )
    if year == max(YEARS):
        load_surveys(campus, tally, rng, list(saved.values()))


def load_surveys(campus, tally, rng, visits):
    """Answers to the post-visit survey from about two groups in five."""
    surveys = []
    for visit in visits:
        if rng.random() >= SURVEY_SHARE:
            continue
        rating = rng.choices([5, 4, 3, 2], weights=[45, 40, 12, 3])[0]
        surveys.append(
            VisitSurvey(
                campus=campus,
                visit=visit,
                rating=rating,
                most_useful=rng.choice(USEFUL),
                suggestions=rng.choice(SUGGESTIONS),
                would_recommend=rating >= 4 or rng.random() < 0.5,
            )
        )
    sync(
        VisitSurvey.objects.filter(visit__in=visits),
        surveys,
        key=("visit_id",),
        fields=[],
        tally=tally,
    )


# Upcoming: tours on Tuesdays and Thursdays, the Thursday afternoon one in English, from this
# week on; a confirmed group takes the first tour in its language from so many days ahead.

TOUR_WEEKS = 6
UPCOMING = [
    # institution, kind, country, contact, group size, language, state, (days ahead, hour) of the tour
    ("세종특별자치시 협치담당관", Kind.LOCAL_GOVERNMENT, "KR", "김도윤", 12, "ko", State.REQUESTED, None),
    ("Hanoi Social Innovation Network", Kind.OVERSEAS_BODY, "VN", "Nguyen Thi Lan", 8, "en", State.REQUESTED,
     None),
    ("고용노동부 사회적기업과", Kind.CENTRAL_GOVERNMENT, "KR", "이서진", 10, "ko", State.REQUESTED, None),
    ("녹번고등학교 환경 동아리", Kind.SCHOOL, "KR", "박하은", 24, "ko", State.REQUESTED, None),
    ("수원시 사회혁신과", Kind.LOCAL_GOVERNMENT, "KR", "정유나", 15, "ko", State.CONFIRMED, (2, 10)),
    ("Shenzhen Open Innovation Lab delegation", Kind.OVERSEAS_BODY, "CN", "Li Wei", 12, "en", State.CONFIRMED,
     (6, 14)),
    ("전주시 사회적경제지원센터", Kind.DOMESTIC_BODY, "KR", "최민호", 18, "ko", State.CONFIRMED, (9, 14)),
    ("은평구 마을 활동가 모임", Kind.CITIZENS_GROUP, "KR", "한소율", 25, "ko", State.CONFIRMED, (16, 10)),
    ("한빛여행사 단체 관광", Kind.DOMESTIC_BODY, "KR", "오태민", 60, "ko", State.DECLINED, None),
]  # fmt: skip
DECLINED_NOTE = (
    "투어 한 회에 40명까지 안내할 수 있어 60명 단체 관광은 받지 못합니다. 두 회로 나누어 다시 신청해 주세요."
)


def tour_starts(campus, now):
    """``{start: language}`` of the tours to come in ``TOUR_WEEKS`` weeks from this one, holidays aside."""
    closed = closed_dates()
    today = now.astimezone(campus.tz).date()
    monday = today - timedelta(days=today.weekday())
    starts = {}
    for week in range(TOUR_WEEKS):
        for weekday in (1, 3):
            day = monday + timedelta(days=7 * week + weekday)
            if day in closed:
                continue
            for hour in (10, 14):
                if at(campus, day, hour) > now:
                    starts[at(campus, day, hour)] = "en" if (weekday, hour) == (3, 14) else "ko"
    return starts


def load_upcoming(campus, tally, *, now):
    starts = tour_starts(campus, now)
    today = now.astimezone(campus.tz).date()
    guide = User.objects.get(email=demo_email("staff"))
    slots = sync(
        TourSlot.objects.filter(campus=campus, start__gte=min(starts)),
        [
            TourSlot(campus=campus, start=start, end=start + TOUR_LENGTH, capacity=LARGEST, language=language,
                     guide=guide)
            for start, language in sorted(starts.items())
        ],
        key=("campus_id", "start"),
        fields=["end", "capacity", "language"],
        tally=tally,
    )  # fmt: skip
    slots = sorted(slots.values(), key=lambda slot: slot.start)
    wished = [(today + timedelta(days=days)).isoformat() for days in (22, 24)]
    rows = []
    for name, kind, country, contact, size, language, state, tour in UPCOMING:
        slot = None
        if tour is not None:
            days, hour = tour
            wanted = at(campus, today + timedelta(days=days), hour)
            slot = next(slot for slot in slots if slot.start >= wanted and slot.language == language)
        rows.append(
            VisitRequest(
                campus=campus,
                slot=slot,
                institution=name,
                institution_kind=kind,
                country=country,
                contact_name=contact,
                contact_email=f"visit-upcoming-{len(rows) + 1}@example.org",
                group_size=size,
                language=language,
                preferred_dates=[slot.start.astimezone(campus.tz).date().isoformat()] if slot else wished,
                topics=TOPICS_EN[0] if language == "en" else TOPICS_KO[0],
                state=state,
                staff_note=DECLINED_NOTE if state == State.DECLINED else "",
            )
        )
    sync(
        VisitRequest.objects.filter(campus=campus, contact_email__in=[row.contact_email for row in rows]),
        rows,
        key=("contact_email",),
        fields=[],
        tally=tally,
    )
