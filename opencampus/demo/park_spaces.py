"""Demo spaces: the park's buildings, floors, rooms and machines, their features, opening
hours, closed days and the machine trainings; a small set for Suwon.

The park stands on the former national disease-control site; the building names and
room plans are invented. Rooms hold their building's opening hours unless they set
their own (the fab lab does).
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from opencampus.park.models import ClosedDay, Feature, OpeningHours, Space, Training

from .sync import sync

Kind = Space.Kind

FEATURES = [
    ("projector", "빔프로젝터", "Projector"),
    ("video-conferencing", "화상회의 장비", "Video conferencing"),
    ("step-free-access", "무장애 출입", "Step-free access"),
    ("kitchen", "주방", "Kitchen"),
    ("whiteboard", "화이트보드", "Whiteboard"),
    ("sound-system", "음향 설비", "Sound system"),
    ("dust-extraction", "집진·환기 설비", "Dust extraction and ventilation"),
]
SUWON_FEATURES = [feature for feature in FEATURES if feature[0] in {"projector", "whiteboard"}]

TRAININGS = [
    (
        "laser-cutter-safety", "레이저 커터 안전 교육", "Laser cutter safety",
        "재료별 출력 설정, 화재 대응, 집진기 사용법을 익히는 2시간 교육입니다.",
        "Two hours on settings for each material, fire response and the dust extractor.",
        365,
    ),
    (
        "3d-printer-basics", "3D 프린터 기초 교육", "3D printer basics",
        "모델 준비, 슬라이싱, 필라멘트 교체와 출력물 관리 기초를 배웁니다.",
        "Preparing a model, slicing, changing filament and looking after prints.",
        730,
    ),
    (
        "cnc-router", "CNC 라우터 교육", "CNC router training",
        "공구 교체, 소재 고정, 비상 정지를 실습하는 교육입니다. 6개월마다 다시 받아야 합니다.",
        "Hands-on tool changes, clamping and emergency stops; to be renewed every six months.",
        180,
    ),
]  # fmt: skip

BUILDING_HOURS = [(weekday, time(9), time(22)) for weekday in range(5)] + [(5, time(10), time(18))]
FAB_LAB_HOURS = [(weekday, time(10), time(19)) for weekday in range(5)]
OUTDOOR_HOURS = [(weekday, time(9), time(21)) for weekday in range(7)]
SUWON_HOURS = [(weekday, time(9), time(18)) for weekday in range(5)]

# Public holidays in the coming months, campus-wide (Seollal 2027 with its substitute day).
CLOSED_DAYS = [
    (date(2026, 12, 25), "성탄절", "Christmas Day"),
    (date(2027, 1, 1), "신정", "New Year's Day"),
    (date(2027, 2, 6), "설날 연휴", "Seollal holidays"),
    (date(2027, 2, 7), "설날", "Seollal"),
    (date(2027, 2, 8), "설날 연휴", "Seollal holidays"),
    (date(2027, 2, 9), "대체공휴일", "Substitute holiday"),
    (date(2027, 3, 1), "삼일절", "Independence Movement Day"),
]
FAB_LAB_CLOSED_DAYS = [(date(2026, 12, 31), "연말 재고 조사", "Year-end stocktaking")]


@dataclass(frozen=True)
class SpaceSpec:
    slug: str
    kind: str
    name_ko: str
    name_en: str
    parent: str = ""
    description_ko: str = ""
    description_en: str = ""
    capacity: int | None = None
    area_m2: int | None = None
    features: tuple[str, ...] = ()
    is_bookable: bool = True
    bookable_by_residents: bool = True
    bookable_by_participants: bool = True
    bookable_by_public: bool = False
    requires_approval: bool = False
    max_days_ahead: int = 90
    max_duration_minutes: int | None = None
    min_notice_hours: int = 0
    cancel_deadline_hours: int = 0
    training: str = ""
    hours: tuple = ()


SPACE_FIELDS = [
    "parent_id", "kind", "name_ko", "name_en", "description_ko", "description_en", "capacity", "area_m2",
    "is_bookable", "bookable_by_residents", "bookable_by_participants", "bookable_by_public",
    "requires_approval", "max_days_ahead", "max_duration_minutes", "min_notice_hours",
    "cancel_deadline_hours", "required_training_id",
]  # fmt: skip

# Seminar and training rooms: a day's notice to book, and to cancel.
MEETING = {"min_notice_hours": 24, "cancel_deadline_hours": 24}
COWORKING = {"bookable_by_public": True, "max_duration_minutes": 240}
MACHINE = {"kind": Kind.EQUIPMENT, "parent": "fab-lab", "min_notice_hours": 2, "cancel_deadline_hours": 2}
BUILDINGS = [
    # slug, Korean, English, floors, description (Korean, English)
    (
        "mirae-cheong", "미래청", "Mirae-cheong", 4,
        "옛 질병관리본부 본관을 고쳐 쓴 파크의 중심 건물. 글로벌 코워킹 스페이스와 사회혁신랩이 있습니다.",
        "The park's main building, the former disease-control headquarters, refitted: home of the "
        "global co-working space and the Social Innovation Lab.",
    ),
    (
        "sangsang-cheong", "상상청", "Sangsang-cheong", 3,
        "대강당과 교육실이 모인 교육·행사 건물입니다.",
        "The training and events building, with the large hall and the training rooms.",
    ),
    (
        "hyeoksin-dong", "혁신동", "Hyeoksin-dong", 3,
        "옛 실험동. 서울이노베이션팹랩의 제작 공간과 입주단체 사무실이 있습니다.",
        "A former laboratory building: the Seoul Innovation Fab Lab's workshop and resident offices.",
    ),
    (
        "cheongnyeon-cheong", "청년청", "Cheongnyeon-cheong", 2,
        "청년 단체의 사무실과 공유 부엌이 있는 건물입니다.",
        "Offices of youth organisations and a shared kitchen.",
    ),
]  # fmt: skip
# Office numbers per floor of each building; offices are held, not booked.
OFFICE_FLOORS = [
    ("mirae-cheong", 3, 10), ("mirae-cheong", 4, 10), ("sangsang-cheong", 3, 8),
    ("hyeoksin-dong", 2, 8), ("hyeoksin-dong", 3, 6), ("cheongnyeon-cheong", 2, 10),
]  # fmt: skip
OFFICE_AREAS = (33, 49, 66)


def _buildings():
    for slug, name_ko, name_en, floors, description_ko, description_en in BUILDINGS:
        yield SpaceSpec(
            slug, Kind.BUILDING, name_ko, name_en, description_ko=description_ko,
            description_en=description_en, is_bookable=False, hours=tuple(BUILDING_HOURS),
        )  # fmt: skip
        for floor in range(1, floors + 1):
            yield SpaceSpec(
                f"{slug}-{floor}f", Kind.FLOOR, f"{name_ko} {floor}층", f"{name_en} floor {floor}",
                parent=slug, is_bookable=False,
            )  # fmt: skip


def _offices():
    names = {slug: (name_ko, name_en) for slug, name_ko, name_en, *_rest in BUILDINGS}
    for building, floor, count in OFFICE_FLOORS:
        name_ko, name_en = names[building]
        for number in range(floor * 100 + 1, floor * 100 + count + 1):
            area = OFFICE_AREAS[number % len(OFFICE_AREAS)]
            yield SpaceSpec(
                f"{building}-{number}", Kind.ROOM, f"{name_ko} {number}호", f"{name_en} room {number}",
                parent=f"{building}-{floor}f", description_ko="입주단체 사무실",
                description_en="Resident office", capacity=area // 6, area_m2=area,
                features=("step-free-access",), is_bookable=False,
            )  # fmt: skip


def _room(slug, name_ko, name_en, parent, capacity, features, **rules):
    return SpaceSpec(slug, Kind.ROOM, name_ko, name_en, parent, capacity=capacity, features=features, **rules)


ROOMS = [
    _room(
        "global-coworking", "글로벌 코워킹 스페이스", "Global co-working space", "mirae-cheong-1f", 60,
        ("step-free-access", "kitchen", "video-conferencing"), is_bookable=False, area_m2=480,
        description_ko="국내외 혁신가가 함께 쓰는 열린 작업 공간. 로그인한 누구나 데스크와 부스를 최대 4시간 "
        "예약할 수 있습니다.",
        description_en="An open workspace shared by innovators from Korea and abroad: anyone signed in may "
        "book a desk or a booth for up to four hours.",
    ),
    *(
        SpaceSpec(
            f"coworking-desk-{number}", Kind.EQUIPMENT, f"공유 데스크 {number}", f"Hot desk {number}",
            "global-coworking", capacity=1, **COWORKING,
        )
        for number in range(1, 9)
    ),
    *(
        _room(
            f"coworking-booth-{letter}", f"미팅 부스 {letter.upper()}", f"Meeting booth {letter.upper()}",
            "global-coworking", 4, ("video-conferencing", "whiteboard"), **COWORKING,
        )
        for letter in "ab"
    ),
    _room(
        "social-innovation-lab", "사회혁신랩", "Social Innovation Lab", "mirae-cheong-2f", 60,
        ("projector", "video-conferencing", "whiteboard", "step-free-access", "kitchen"),
        area_m2=420, bookable_by_public=False, requires_approval=True, **MEETING,
        description_ko="19개 혁신 그룹과 활동가가 입주한 실험 공간. 입주단체와 과정 참여자가 신청하면 "
        "스태프가 승인합니다.",
        description_en="The experiment space of 19 innovation groups and activists: residents and course "
        "participants request it, staff approve.",
    ),
    _room("mirae-seminar-1", "세미나실 1", "Seminar room 1", "mirae-cheong-2f", 12,
          ("whiteboard", "video-conferencing", "step-free-access"), **MEETING),
    _room("mirae-seminar-2", "세미나실 2", "Seminar room 2", "mirae-cheong-2f", 20,
          ("projector", "whiteboard", "step-free-access"), **MEETING),
    _room(
        "sangsang-hall", "대강당", "Large hall", "sangsang-cheong-1f", 300,
        ("projector", "sound-system", "video-conferencing", "step-free-access"), area_m2=520,
        requires_approval=True, max_days_ahead=180, min_notice_hours=72, cancel_deadline_hours=72,
        description_ko="포럼, 성과 공유회, 입주단체 총회를 여는 300석 강당입니다.",
        description_en="A 300-seat hall for forums, results presentations and residents' assemblies.",
    ),
    _room("sangsang-training-1", "교육실 1", "Training room 1", "sangsang-cheong-2f", 40,
          ("projector", "whiteboard", "step-free-access"), **MEETING),
    _room("sangsang-training-2", "교육실 2", "Training room 2", "sangsang-cheong-2f", 30,
          ("projector", "whiteboard", "video-conferencing", "step-free-access"), **MEETING),
    _room("sangsang-training-3", "교육실 3", "Training room 3", "sangsang-cheong-2f", 80,
          ("projector", "sound-system", "step-free-access"), requires_approval=True, **MEETING),
    _room("sangsang-seminar-3", "세미나실 3", "Seminar room 3", "sangsang-cheong-2f", 16,
          ("whiteboard", "video-conferencing", "step-free-access"), **MEETING),
    _room(
        "fab-lab", "팹랩", "Fab lab", "hyeoksin-dong-1f", 20,
        ("dust-extraction", "whiteboard", "step-free-access"), area_m2=300, requires_approval=True,
        hours=tuple(FAB_LAB_HOURS), **MEETING,
        description_ko="서울이노베이션팹랩이 운영하는 제작 공간. 장비는 해당 교육을 마친 사람만 예약할 수 "
        "있습니다.",
        description_en="The workshop run by the Seoul Innovation Fab Lab; a machine can be booked only by "
        "people who completed its training.",
    ),
    SpaceSpec("laser-cutter", name_ko="레이저 커터", name_en="Laser cutter", capacity=2,
              features=("dust-extraction",), max_duration_minutes=180, training="laser-cutter-safety",
              **MACHINE),
    *(
        SpaceSpec(f"3d-printer-{number}", name_ko=f"3D 프린터 {number}", name_en=f"3D printer {number}",
                  capacity=1, max_duration_minutes=480, training="3d-printer-basics", **MACHINE)
        for number in (1, 2)
    ),
    SpaceSpec("cnc-router", name_ko="CNC 라우터", name_en="CNC router", capacity=2,
              features=("dust-extraction",), max_duration_minutes=240, training="cnc-router", **MACHINE),
    _room("hyeoksin-seminar-4", "세미나실 4", "Seminar room 4", "hyeoksin-dong-2f", 24,
          ("projector", "whiteboard"), requires_approval=True, **MEETING),
    _room("cheongnyeon-training-4", "청년청 교육실", "Cheongnyeon-cheong training room",
          "cheongnyeon-cheong-1f", 24, ("projector", "whiteboard", "step-free-access"), **MEETING),
    _room("cheongnyeon-kitchen", "공유 부엌", "Shared kitchen", "cheongnyeon-cheong-1f", 12,
          ("kitchen", "step-free-access"), **MEETING),
    SpaceSpec(
        "innovation-plaza", Kind.OUTDOOR, "혁신광장", "Innovation Plaza", capacity=500, area_m2=6000,
        features=("step-free-access",), requires_approval=True, max_days_ahead=180, min_notice_hours=72,
        cancel_deadline_hours=72, hours=tuple(OUTDOOR_HOURS),
        description_ko="건물 사이의 잔디 광장. 장터, 축제, 야외 상영에 씁니다.",
        description_en="The lawn between the buildings, for markets, festivals and open-air screenings.",
    ),
]  # fmt: skip

SEOUL_SPACES = [*_buildings(), *_offices(), *ROOMS]
OFFICES = [spec.slug for spec in _offices()]

SUWON_SPACES = [
    SpaceSpec(
        "suwon-innovation-centre", Kind.BUILDING, "수원 혁신센터", "Suwon Innovation Centre",
        is_bookable=False, hours=tuple(SUWON_HOURS), description_ko="데모용 가상 건물입니다.",
        description_en="A fictional building for the demo.",
    ),
    _room("suwon-seminar-room", "세미나실", "Seminar room", "suwon-innovation-centre", 20,
          ("projector", "whiteboard"), **MEETING),
    _room("suwon-training-room", "교육실", "Training room", "suwon-innovation-centre", 40, ("projector",),
          requires_approval=True, **MEETING),
    _room("suwon-coworking", "공유 오피스", "Shared office", "suwon-innovation-centre", 24, ("whiteboard",),
          **COWORKING),
]  # fmt: skip


def load_seoul(campus, tally):
    """The Seoul park's spaces and trainings; returns ``{slug: space}``."""
    trainings = sync(
        Training.objects.filter(campus=campus),
        [
            Training(
                campus=campus, slug=slug, name_ko=name_ko, name_en=name_en, description_ko=description_ko,
                description_en=description_en, valid_for_days=days,
            )
            for slug, name_ko, name_en, description_ko, description_en, days in TRAININGS
        ],
        key=("campus_id", "slug"),
        fields=["name_ko", "name_en", "description_ko", "description_en", "valid_for_days"],
        tally=tally,
    )  # fmt: skip
    trainings = {slug: training for (_, slug), training in trainings.items()}
    spaces = load_spaces(campus, tally, SEOUL_SPACES, features=FEATURES, trainings=trainings)
    closed = [(None, day, reason_ko, reason_en) for day, reason_ko, reason_en in CLOSED_DAYS]
    closed += [(spaces["fab-lab"], day, ko, en) for day, ko, en in FAB_LAB_CLOSED_DAYS]
    sync(
        ClosedDay.objects.filter(campus=campus),
        [
            ClosedDay(campus=campus, space=space, date=day, reason_ko=reason_ko, reason_en=reason_en)
            for space, day, reason_ko, reason_en in closed
        ],
        key=("space_id", "date"),
        fields=["reason_ko", "reason_en"],
        tally=tally,
    )
    return spaces


def load_suwon(campus, tally):
    return load_spaces(campus, tally, SUWON_SPACES, features=SUWON_FEATURES, trainings={})


def load_spaces(campus, tally, specs, *, features, trainings):
    """Create or bring back ``specs`` on ``campus``, parents before children; returns ``{slug: space}``."""
    features = sync(
        Feature.objects.filter(campus=campus),
        [Feature(campus=campus, slug=slug, name_ko=ko, name_en=en) for slug, ko, en in features],
        key=("campus_id", "slug"),
        fields=["name_ko", "name_en"],
        tally=tally,
    )
    feature_pk = {slug: feature.pk for (_, slug), feature in features.items()}
    spaces, remaining = {}, list(specs)
    while remaining:
        level = [spec for spec in remaining if not spec.parent or spec.parent in spaces]
        assert level, f"Spaces whose parent is missing: {[spec.slug for spec in remaining]}"
        synced = sync(
            Space.objects.filter(campus=campus),
            [_space(campus, spec, spaces, trainings) for spec in level],
            key=("campus_id", "slug"),
            fields=SPACE_FIELDS,
            tally=tally,
        )
        spaces.update((slug, space) for (_, slug), space in synced.items())
        remaining = [spec for spec in remaining if spec.slug not in spaces]

    through = Space.features.through
    sync(
        through.objects.filter(space__campus=campus),
        [
            through(space_id=spaces[spec.slug].pk, feature_id=feature_pk[slug])
            for spec in specs
            for slug in spec.features
        ],
        key=("space_id", "feature_id"),
        fields=[],
        tally=tally,
    )
    sync(
        OpeningHours.objects.filter(campus=campus),
        [
            OpeningHours(campus=campus, space=spaces[spec.slug], weekday=weekday, opens=opens, closes=closes)
            for spec in specs
            for weekday, opens, closes in spec.hours
        ],
        key=("space_id", "weekday", "opens"),
        fields=["closes"],
        tally=tally,
    )
    return spaces


def _space(campus, spec, spaces, trainings):
    parent = spaces.get(spec.parent)
    training = trainings.get(spec.training)
    return Space(
        campus=campus,
        parent_id=parent.pk if parent else None,
        required_training_id=training.pk if training else None,
        slug=spec.slug,
        kind=spec.kind,
        name_ko=spec.name_ko,
        name_en=spec.name_en,
        description_ko=spec.description_ko,
        description_en=spec.description_en,
        capacity=spec.capacity,
        area_m2=spec.area_m2,
        is_bookable=spec.is_bookable,
        bookable_by_residents=spec.bookable_by_residents,
        bookable_by_participants=spec.bookable_by_participants,
        bookable_by_public=spec.bookable_by_public,
        requires_approval=spec.requires_approval,
        max_days_ahead=spec.max_days_ahead,
        max_duration_minutes=spec.max_duration_minutes,
        min_notice_hours=spec.min_notice_hours,
        cancel_deadline_hours=spec.cancel_deadline_hours,
    )


def closed_dates(*, fab_lab=False):
    """The dates the demo's bookings avoid: campus-wide holidays, and the fab lab's own."""
    days = {day for day, _ko, _en in CLOSED_DAYS}
    return days | {day for day, _ko, _en in FAB_LAB_CLOSED_DAYS} if fab_lab else days


def at(campus, day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=campus.tz)
