"""Seoul Innovation Park: the campus, its partners and residents, and the demo logins.

Facts come from the two public documents in the project's context (the 2nd-phase
operating vision article and the 2019 Open Campus plan). The named institutions are
real and described only as those documents do; every other organisation and person is
generated from a fixed seed.
"""

import datetime
import random
from dataclasses import replace

from . import names
from .specs import CampusPlan, CampusSpec, LoginSpec, MemberSpec, OrganisationSpec, demo_email

SEED = 2015  # the year the park opened
RESIDENT_ORGANISATIONS = 230  # "about 230 organisations, 1,200 people"
RESIDENT_PEOPLE = 1200  # the resident demo login is one of them

CAMPUS = CampusSpec(
    slug="seoul",
    name_ko="서울혁신파크",
    name_en="Seoul Innovation Park",
    tagline_ko="사회문제 해결 플랫폼 · 글로벌 사회혁신 오픈 캠퍼스",
    tagline_en="A social-problem-solving platform · Global Social Innovation Open Campus",
    description_ko=(
        "서울혁신파크는 2015년 은평구 녹번동 옛 질병관리본부 부지(10만9691㎡)에 문을 연 사회문제 해결 "
        "실험 공간으로, 2기에는 사회문제 해결 플랫폼으로 운영됩니다. 청년·마을공동체·사회적경제 "
        "중간지원조직과 문화·예술, 공동체 치유·복지, 환경·생태·에너지 분야의 230여 개 단체, 1,200여 명이 "
        "입주해 교류·협업합니다. 2기 중점 혁신 과제는 에너지, 쓰레기, 먹거리입니다.\n\n"
        "글로벌 사회혁신 오픈 캠퍼스는 “혁신 주체 양성을 통한 사회혁신 생태계 활성화”를 비전으로, "
        "국내 최고의 혁신가 과정, 혁신 현장과 연계한 캠퍼스 확장, 아시아 최대의 혁신 리더 네트워크를 "
        "목표로 합니다. 교육(최고 혁신가 과정, 시민 혁신가 과정) → 실험(지역 혁신 현장과 연결한 지속적인 "
        "실험) → 교류(국내외 혁신가 네트워크, 워크숍과 포럼)가 하나의 통합 기반에서 이어집니다.\n\n"
        "데모 데이터: 공공 문서에 나오는 기관 외의 입주단체와 사람은 모두 생성한 가상의 데이터입니다."
    ),
    description_en=(
        "Seoul Innovation Park opened in 2015 on the former national disease-control site in Nokbeon-dong, "
        "Eunpyeong-gu (109,691 m²) as an experimental space for solving social problems; in its 2nd phase "
        "it runs as a social-problem-solving platform. About 230 organisations and 1,200 people work "
        "here: intermediary support organisations for youth, village communities and the social economy, "
        "and groups in culture and the arts, community healing and welfare, and environment, ecology and "
        "energy. The 2nd phase's priority themes are energy, waste and food.\n\n"
        "The Global Social Innovation Open Campus has one vision, to activate the social-innovation "
        "ecosystem by growing innovators, and three goals: the best innovator course in Korea, a campus "
        "that extends into local innovation sites, and Asia's largest network of innovation leaders. "
        "Education (the top innovator course and the citizen innovator course) → experiment (continuous "
        "experiments at local innovation sites) → exchange (a network of domestic and overseas "
        "innovators, workshops and forums) run on one integrated base.\n\n"
        "Demo data: apart from the institutions named in the public documents, every organisation and "
        "person here is generated and fictional."
    ),
    contact_email="seoul-innovation-park@example.org",
    address="서울특별시 은평구 통일로 684 (684 Tongil-ro, Eunpyeong-gu, Seoul)",
)

PLAN_SOURCE_KO = "2019년 글로벌 사회혁신 오픈 캠퍼스 추진 계획"
PLAN_SOURCE_EN = "the 2019 Global Social Innovation Open Campus plan"


def _partner(slug, name_ko, name_en, country, description_ko, description_en, category="innovation"):
    return OrganisationSpec(
        slug=slug,
        name_ko=name_ko,
        name_en=name_en,
        kind="partner",
        category=category,
        country=country,
        description_ko=description_ko,
        description_en=description_en,
    )


PARTNERS = [
    _partner(
        "brainport", "브레인포트", "Brainport", "NL",
        f"네덜란드 아인트호번의 혁신 지역. {PLAN_SOURCE_KO}에 해외 교류 협력기관으로 나옵니다.",
        f"The innovation region around Eindhoven, the Netherlands; an exchange partner in {PLAN_SOURCE_EN}.",
    ),
    _partner(
        "p2p-foundation", "P2P 재단", "P2P Foundation", "NL",
        f"P2P(개인 간 협력)와 커먼즈를 연구하는 재단. {PLAN_SOURCE_KO}에 해외 교류 협력기관으로 나옵니다.",
        f"A foundation for peer-to-peer practice and the commons; an exchange partner in {PLAN_SOURCE_EN}.",
    ),
    _partner(
        "six", "사회혁신교류(SIX)", "SIX (Social Innovation Exchange)", "GB",
        f"영국에 기반을 둔 국제 사회혁신 네트워크. {PLAN_SOURCE_KO}에 해외 교류 협력기관으로 나옵니다.",
        f"A UK-based global social-innovation network; an exchange partner in {PLAN_SOURCE_EN}.",
    ),
    _partner(
        "shenzhen-innovation-institution", "중국 심천 혁신기관", "A Shenzhen innovation institution", "CN",
        f"{PLAN_SOURCE_KO}은 “중국 심천 혁신기관”을 협력기관으로 들 뿐 기관명을 밝히지 않습니다.",
        f"{PLAN_SOURCE_EN.capitalize()} names “a Shenzhen innovation institution” as a partner "
        "without saying which one.",
    ),
    _partner(
        "fab-city-global-initiative", "팹시티 글로벌 이니셔티브", "Fab City Global Initiative", "ES",
        "자급자족 도시를 만드는 글로벌 프로젝트로, 미국 보스턴 등 18개 도시가 참여합니다. "
        "서울이노베이션팹랩이 서울의 팹시티 프로젝트를 운영합니다.",
        "A global project for self-sufficient cities, with 18 cities taking part, Boston among them; "
        "the Seoul Innovation Fab Lab runs Seoul's Fab City project.",
        category="makers",
    ),
    _partner(
        "socia", "사회혁신 아카데미 SOCIA", "SOCIA social innovation academy", "EU",
        f"유럽연합의 사회혁신 아카데미. {PLAN_SOURCE_KO}이 본보기로 든 해외 아카데미입니다.",
        f"A European Union social-innovation academy; a model academy named in {PLAN_SOURCE_EN}.",
    ),
    _partner(
        "social-innovation-academy-bilbao", "사회혁신 아카데미 (빌바오)",
        "Social Innovation Academy (Bilbao)", "ES",
        f"스페인 빌바오의 사회혁신 아카데미. {PLAN_SOURCE_KO}이 본보기로 든 해외 아카데미입니다.",
        f"A social-innovation academy in Bilbao, Spain; a model academy named in {PLAN_SOURCE_EN}.",
    ),
    _partner(
        "global-innovation-academy", "글로벌 혁신 아카데미 (영파운데이션)",
        "Global Innovation Academy (Young Foundation)", "GB",
        f"영국 영파운데이션의 혁신 아카데미. {PLAN_SOURCE_KO}이 본보기로 든 해외 아카데미입니다.",
        f"The Young Foundation's innovation academy in the UK; a model academy named in {PLAN_SOURCE_EN}.",
    ),
    _partner(
        "triangle-social-innovation-academy", "트라이앵글 사회혁신 아카데미",
        "Triangle social innovation academy", "US",
        f"미국의 사회혁신 아카데미. {PLAN_SOURCE_KO}이 본보기로 든 해외 아카데미입니다.",
        f"A social-innovation academy in the United States; a model academy named in {PLAN_SOURCE_EN}.",
    ),
]  # fmt: skip

NAMED_RESIDENTS = [
    OrganisationSpec(
        slug="non-electric-workshop-seoul",
        name_ko="일본 비전화공방 서울사무소",
        name_en="Non-Electric Workshop (Japan), Seoul office",
        kind="resident",
        category="environment",
        description_ko=(
            "전기와 화학 물질에 의존하지 않는 세상을 목표로 활동하는 일본 비전화공방의 서울사무소입니다."
        ),
        description_en=(
            "The Seoul office of Japan's Non-Electric Workshop, which works toward a world that does not "
            "depend on electricity and chemicals."
        ),
    ),
    OrganisationSpec(
        slug="seoul-innovation-fab-lab",
        name_ko="서울이노베이션팹랩",
        name_en="Seoul Innovation Fab Lab",
        kind="resident",
        category="makers",
        description_ko=(
            "녹색도시와 지속가능성을 실험하는 팹시티 프로젝트를 운영하고, 사회문제를 해결할 발명품을 만드는 "
            "시민 발명가를 발굴·지원합니다."
        ),
        description_en=(
            "Runs the Fab City project, experimenting with a green, sustainable city, and discovers and "
            "supports citizen inventors whose inventions tackle social problems."
        ),
    ),
]

# How the 230 residents spread over the fields the article names (named residents included).
CATEGORY_COUNTS = {
    "intermediary": 10,
    "youth": 30,
    "village": 28,
    "social_economy": 34,
    "culture_arts": 34,
    "healing_welfare": 26,
    "environment": 34,
    "makers": 12,
    "digital": 12,
    "innovation": 10,
}
# Intermediary support centres employ more people than a small cooperative.
MEMBER_WEIGHT = {"intermediary": 6}

PLACES = [
    ("은평", "Eunpyeong"), ("녹번", "Nokbeon"), ("불광", "Bulgwang"),
    ("응암", "Eungam"), ("갈현", "Galhyeon"),
    ("구산", "Gusan"), ("진관", "Jingwan"), ("연신내", "Yeonsinnae"),
    ("북한산", "Bukhansan"), ("서울", "Seoul"),
    ("마포", "Mapo"), ("서대문", "Seodaemun"), ("성북", "Seongbuk"), ("종로", "Jongno"), ("관악", "Gwanak"),
    ("성미산", "Seongmisan"), ("한강", "Hangang"), ("도봉", "Dobong"),
    ("금천", "Geumcheon"), ("노원", "Nowon"),
]  # fmt: skip

P2P_FOUNDATION = "p2p-foundation"

LOGINS = [
    LoginSpec(
        email=demo_email("operator"), name_ko="정하늘", name_en="Haneul Jung", role="operator",
        expertise="campus operations, budget", languages=("ko", "en"),
        bio_ko="수탁 운영기관에서 서울혁신파크와 오픈 캠퍼스 운영을 맡고 있습니다.",
        bio_en="Runs Seoul Innovation Park and the Open Campus for the consigned operator.",
    ),
    LoginSpec(
        email=demo_email("staff"), name_ko="박서연", name_en="Seoyeon Park", role="staff",
        expertise="curriculum, spaces", languages=("ko", "en"),
        bio_ko="교육과정과 공간 예약을 담당하는 캠퍼스 스태프입니다.",
        bio_en="Campus staff looking after the curriculum and space bookings.",
    ),
    LoginSpec(
        email=demo_email("reviewer"), name_ko="이도윤", name_en="Doyun Lee", role="reviewer",
        expertise="social economy, impact measurement", languages=("ko",),
        bio_ko="시범과정 참가자 선정 심의위원입니다.",
        bio_en="Member of the selection committee for the pilot course.",
    ),
    LoginSpec(
        email=demo_email("mentor"), name_ko="최민재", name_en="Minjae Choi", role="mentor",
        expertise="environment, manufacturing", languages=("ko", "en"),
        bio_ko="환경·제조 분야의 사회혁신 리더(멘토)로, 강사 풀에서 현장 연계 강의를 맡습니다.",
        bio_en="Social-innovation leader (mentor) in environment and manufacturing; teaches field-linked "
        "lectures from the instructor pool.",
    ),
    LoginSpec(
        email=demo_email("participant"), name_ko="윤지아", name_en="Jia Yoon", role="participant",
        expertise="energy, urban regeneration", languages=("ko", "en"),
        bio_ko="최고 혁신가 과정에 참여하는 사회혁신가입니다.",
        bio_en="Social innovator taking part in the top innovator course.",
    ),
    LoginSpec(
        email=demo_email("resident"), name_ko="강태오", name_en="Taeo Kang", role="resident",
        expertise="waste, resource circulation", languages=("ko",),
        bio_ko="서울혁신파크 입주단체의 대표입니다.",
        bio_en="Representative of a resident organisation of Seoul Innovation Park.",
        membership_role="representative",
    ),
    LoginSpec(
        email=demo_email("partner"), name_ko="에바 더프리스", name_en="Eva de Vries", role="partner",
        preferred_language="en", expertise="commons, peer production", languages=("en", "nl"),
        bio_ko="P2P 재단에서 해외 교류 협력을 맡고 있습니다.",
        bio_en="Works on overseas exchange at the P2P Foundation.",
        organisation=P2P_FOUNDATION,
    ),
]  # fmt: skip


def login(role):
    return next(spec for spec in LOGINS if spec.role == role)


def plan():
    rng = random.Random(SEED)
    named = NAMED_RESIDENTS
    counts = dict(CATEGORY_COUNTS)
    for organisation in named:
        counts[organisation.category] -= 1
    generated = names.organisations(
        rng,
        places=PLACES,
        counts=counts,
        campus_name_ko=CAMPUS.name_ko,
        campus_name_en=CAMPUS.name_en,
        taken={organisation.slug for organisation in PARTNERS + named},
    )
    residents = named + generated
    assert len(residents) == RESIDENT_ORGANISATIONS

    # The resident demo login represents the first generated organisation.
    represented = generated[0].slug
    logins = [replace(spec, organisation=represented) if spec.role == "resident" else spec for spec in LOGINS]
    members = _members(rng, residents, count=RESIDENT_PEOPLE - 1, represented={represented})
    return CampusPlan(campus=CAMPUS, organisations=PARTNERS + residents, logins=logins, members=members)


def _members(rng, organisations, *, count, represented):
    """``count`` generated accounts, at least one per organisation, the first its representative.

    Organisations in ``represented`` already have a representative (a demo login).
    """
    sizes = [1] * len(organisations)
    weights = [MEMBER_WEIGHT.get(organisation.category, 1) for organisation in organisations]
    for index in rng.choices(range(len(organisations)), weights=weights, k=count - len(organisations)):
        sizes[index] += 1

    members = []
    for organisation, size in zip(organisations, sizes, strict=True):
        for position in range(size):
            if position == 0 and organisation.slug not in represented:
                role = "representative"
            elif position == 1 and size >= 5:
                role = "manager"
            else:
                role = "member"
            name_ko, name_en = names.person_name(rng)
            members.append(
                MemberSpec(
                    email=demo_email(f"member{len(members) + 1:04d}"),
                    name_ko=name_ko,
                    name_en=name_en,
                    organisation=organisation.slug,
                    membership_role=role,
                    is_listed=role != "member",
                    since=datetime.date(2015, 9, 1) + datetime.timedelta(days=rng.randrange(4 * 365)),
                )
            )
    return members
