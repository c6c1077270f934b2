"""150 supported projects over 2018 to 2020, generated from these parts."""

import itertools
import random
from datetime import date, timedelta
from typing import NamedTuple

from .agendas import AGENDAS_BY_KEY, state_on
from .themes import AS_OF, THEME_ORGANISATIONS


class Stem(NamedTuple):
    """A kind of project; a place is added to its title and a count to its result."""

    title_ko: str
    title_en: str
    result_ko: str  # with {n}
    result_en: str
    counts: tuple[int, int]
    # The problems a project of this kind addresses: it links to one already on file when it starts.
    agendas: tuple[str, ...] = ()


PROJECT_STEMS = {
    "energy": (
        Stem("베란다 미니태양광 공동구매", "Balcony mini-solar group purchase",
             "{n}가구가 베란다 미니태양광을 함께 설치했습니다.",
             "{n} households installed balcony mini-solar panels together.", (20, 80),
             ("old-house-heating",)),
        Stem("에너지 자립 마을 학교", "Energy self-reliance village school",
             "주민 {n}명이 여섯 차례의 에너지 교실을 마쳤습니다.",
             "{n} residents completed a six-session energy course.", (25, 60),
             ("old-house-heating",)),
        Stem("겨울철 창문 단열 나눔", "Window insulation for winter",
             "{n}가구의 창문에 단열 필름을 함께 붙였습니다.",
             "Volunteers and residents fitted insulating film to the windows of {n} homes.", (40, 150),
             ("old-house-heating",)),
        Stem("청소년 에너지 탐정단", "Teen energy detectives",
             "청소년 {n}명이 학교와 집의 대기 전력을 찾아 줄이는 방법을 발표했습니다.",
             "{n} teenagers tracked down standby power at school and at home and presented ways to cut it.",
             (15, 40),
             ("school-energy-data",)),
        Stem("작은 가게 조명 교체 상담", "Lighting advice for small shops",
             "가게 {n}곳이 조명을 바꾸고 전기요금 변화를 기록했습니다.",
             "{n} shops changed their lighting and logged the change in their electricity bills.", (10, 35),
             ("shop-doors-open-ac",)),
        Stem("우리 집 에너지 가계부", "Household energy diaries",
             "{n}가구가 석 달 동안 에너지 가계부를 썼습니다.",
             "{n} households kept an energy diary for three months.", (30, 90),
             ("old-house-heating",)),
        Stem("태양열 조리기 만들기", "Building solar cookers",
             "주민 {n}명이 태양열 조리기를 만들어 여름 동안 써 보았습니다.",
             "{n} residents built solar cookers and used them through the summer.", (12, 40)),
        Stem("에너지 빈곤 가구 방문 상담", "Home energy advice for households in energy poverty",
             "{n}가구를 찾아가 난방과 전기 사용을 함께 점검했습니다.",
             "We visited {n} households and went through their heating and electricity use with them.",
             (25, 70),
             ("old-house-heating", "banjiha-summer-heat")),
        Stem("햇빛발전 협동조합 출자 설명회", "Share-offer evenings for a solar cooperative",
             "설명회에 {n}명이 왔고 출자 문의 명단을 만들었습니다.",
             "{n} people came to the evenings and a list of prospective investors was drawn up.", (40, 120),
             ("rooftop-solar", "energy-cooperative-members")),
        Stem("자전거 발전기 에너지 장터", "Bicycle-generator energy fair",
             "주민 {n}명이 자전거 발전기로 전기를 만들어 보았습니다.",
             "{n} residents made electricity on bicycle generators.", (80, 300)),
        Stem("마을 기후 토론회", "Neighbourhood climate conversations",
             "주민 {n}명이 마을의 기후 행동 약속을 정했습니다.",
             "{n} residents agreed on the neighbourhood's climate pledges.", (20, 70)),
        Stem("전기 없이 사는 생활 기술 교실", "Living-without-electricity skills class",
             "{n}명이 전기 없이 쓰는 생활 도구를 만들었습니다.",
             "{n} people made household tools that need no electricity.", (10, 30)),
    ),
    "waste": (
        Stem("제로웨이스트 리필 스테이션", "Zero-waste refill station",
             "리필 스테이션을 {n}명이 이용했습니다.",
             "{n} people used the refill station.", (150, 600)),
        Stem("동네 수리 카페", "Neighbourhood repair café",
             "수리 의뢰 {n}건 가운데 절반 넘게를 고쳐 돌려드렸습니다.",
             "More than half of the {n} items brought in were repaired and handed back.", (60, 240),
             ("repair-small-appliances",)),
        Stem("폐현수막 장바구니 만들기", "Shopping bags from old banners",
             "폐현수막 {n}장으로 장바구니를 만들어 시장에 나눴습니다.",
             "{n} old banners were sewn into shopping bags and given out at the market.", (50, 200)),
        Stem("마을 행사 다회용기 대여", "Reusable tableware for local events",
             "마을 행사 {n}회에 다회용기를 빌려주었습니다.",
             "Reusable tableware was lent to {n} local events.", (8, 30),
             ("delivery-containers",)),
        Stem("아이스팩 모으기와 재사용", "Ice-pack collection for reuse",
             "아이스팩 {n}개를 모아 시장 상인들에게 다시 나눴습니다.",
             "{n} ice packs were collected and passed on to market traders.", (800, 3000)),
        Stem("병뚜껑 새활용 공방", "Bottle-cap upcycling workshop",
             "병뚜껑 {n}kg을 녹여 생활 소품으로 만들었습니다.",
             "{n} kg of bottle caps were melted down into everyday objects.", (20, 90),
             ("apartment-recycling-contamination",)),
        Stem("분리배출 도우미", "Recycling helpers",
             "분리배출 도우미 {n}명이 배출 장소에서 활동했습니다.",
             "{n} recycling helpers worked at the collection points.", (8, 30),
             ("apartment-recycling-contamination",)),
        Stem("헌 옷 수선·교환 장터", "Clothes mending and swap market",
             "옷 {n}벌이 교환되거나 수선됐습니다.",
             "{n} garments were swapped or mended.", (200, 900)),
        Stem("폐목재 가구 교실", "Furniture from reclaimed wood",
             "폐목재로 가구 {n}점을 만들어 이웃과 나눴습니다.",
             "{n} pieces of furniture were made from reclaimed wood and shared with neighbours.", (15, 60)),
        Stem("용기 들고 장보기", "Bring-your-own-container shopping",
             "가게 {n}곳이 개인 용기 장보기에 함께했습니다.",
             "{n} shops joined in serving customers' own containers.", (10, 40),
             ("delivery-containers",)),
        Stem("장난감 수리와 나눔", "Toy repair and sharing",
             "장난감 {n}개를 고쳐 다시 나눴습니다.",
             "{n} toys were repaired and given a second home.", (80, 300),
             ("repair-small-appliances",)),
        Stem("커피 찌꺼기 퇴비 만들기", "Compost from coffee grounds",
             "카페 {n}곳의 커피 찌꺼기를 모아 텃밭 퇴비로 썼습니다.",
             "Coffee grounds from {n} cafés were collected and composted for the gardens.", (5, 20)),
    ),
    "food": (
        Stem("공유 부엌 반찬 나눔", "Side dishes from a shared kitchen",
             "반찬 {n}꾸러미를 이웃에게 나눴습니다.",
             "{n} parcels of side dishes went to neighbours.", (300, 1200),
             ("market-surplus-food", "vacation-lunch-children")),
        Stem("옥상 정원 채소 가꾸기", "Growing vegetables in a roof garden",
             "주민 {n}명이 옥상 정원에서 채소를 길러 나눴습니다.",
             "{n} residents grew and shared vegetables in the roof garden.", (15, 50),
             ("urban-farm-plots-abandoned",)),
        Stem("로컬푸드 꾸러미", "Local food boxes",
             "{n}가구에 경기 북부 농가의 채소 꾸러미를 보냈습니다.",
             "{n} households received vegetable boxes from farms north of Seoul.", (30, 120)),
        Stem("어르신 함께 밥상", "Shared meals for older neighbours",
             "어르신 {n}명이 주 1회 함께 밥을 먹었습니다.",
             "{n} older neighbours ate together once a week.", (20, 60),
             ("market-surplus-food",)),
        Stem("도시 양봉", "Urban beekeeping",
             "벌통 {n}개를 함께 돌보며 꿀을 나눴습니다.",
             "Residents looked after {n} hives together and shared the honey.", (4, 12)),
        Stem("혼자 사는 청년 요리 모임", "Cooking club for young people living alone",
             "청년 {n}명이 한 달에 두 번 함께 장을 보고 요리했습니다.",
             "{n} young people shopped and cooked together twice a month.", (12, 40),
             ("single-household-groceries",)),
        Stem("못난이 농산물 장터", "Market for wonky produce",
             "못난이 농산물 {n}kg을 팔거나 나눴습니다.",
             "{n} kg of misshapen produce was sold or given away.", (300, 1500),
             ("market-surplus-food",)),
        Stem("학교 텃밭 수업", "School garden lessons",
             "학생 {n}명이 텃밭 수업을 마쳤습니다.",
             "{n} pupils completed the garden lessons.", (40, 150)),
        Stem("함께 장 담그기", "Making soy sauce and doenjang together",
             "{n}가구가 함께 장을 담가 나눴습니다.",
             "{n} households made and shared traditional sauces together.", (15, 50)),
        Stem("음식물 퇴비화 마을 실험", "Neighbourhood food-scrap composting",
             "{n}가구의 음식물 쓰레기로 퇴비를 만들었습니다.",
             "Food scraps from {n} households were turned into compost.", (20, 80),
             ("cafeteria-leftovers",)),
        Stem("씨앗 도서관", "Seed library",
             "씨앗 {n}봉지를 빌려주고 돌려받았습니다.",
             "{n} packets of seed were lent out and returned.", (100, 400),
             ("urban-farm-plots-abandoned",)),
        Stem("먹거리 나눔 냉장고", "Community food-sharing fridge",
             "나눔 냉장고로 식품 {n}건이 오갔습니다.",
             "{n} items of food changed hands through the fridge.", (200, 900),
             ("market-surplus-food", "single-household-groceries")),
    ),
    "urban-regeneration": (
        Stem("빈집 임시 공유 공간", "An empty house as a temporary shared space",
             "빈집에서 주민 모임이 {n}회 열렸습니다.",
             "Residents met {n} times in the empty house.", (15, 60),
             ("vacant-houses-jangwi",)),
        Stem("골목 벽화와 밤길 조명", "Alley mural and night lighting",
             "주민 {n}명이 골목 벽화와 조명 설치에 함께했습니다.",
             "{n} residents helped paint the mural and put up the lights.", (20, 70),
             ("vacant-shops-bulgwang",)),
        Stem("마을 계단 정원", "Stairway garden",
             "계단 정원의 화분 {n}개를 주민들이 나눠 돌봤습니다.",
             "Residents shared the care of {n} planters on the stairway.", (30, 120),
             ("hillside-stairs-snow",)),
        Stem("주민 공구 도서관", "Tool library",
             "공구를 {n}번 빌려주었습니다.",
             "Tools were lent out {n} times.", (120, 500),
             ("vacant-shops-bulgwang",)),
        Stem("시장 빈 점포 청년 가게", "Young makers' shop in an empty market unit",
             "청년 제작자 {n}팀이 빈 점포에서 물건을 팔았습니다.",
             "{n} teams of young makers sold their work from the empty unit.", (4, 12),
             ("vacant-shops-bulgwang",)),
        Stem("동네 제작소 열기", "Opening a neighbourhood makerspace",
             "동네 제작소를 주민 {n}명이 이용했습니다.",
             "{n} residents used the neighbourhood makerspace.", (80, 350),
             ("vacant-shops-bulgwang",)),
        Stem("주민과 함께 만드는 마을 지도", "Mapping the neighbourhood with residents",
             "주민 {n}명이 마을 지도에 장소 이야기를 모았습니다.",
             "{n} residents gathered stories of places for the neighbourhood map.", (25, 90)),
        Stem("골목 쉼터 벤치 만들기", "Benches for alley rest stops",
             "벤치 {n}개를 만들어 골목에 놓았습니다.",
             "{n} benches were built and placed in the alleys.", (6, 20),
             ("hillside-stairs-snow",)),
        Stem("주민 사랑방 고치기", "Renovating a residents' meeting room",
             "주민 {n}명이 사랑방 고치기에 참여했습니다.",
             "{n} residents took part in renovating the meeting room.", (15, 50),
             ("vacant-houses-jangwi",)),
        Stem("오래된 가게 기록", "Recording the neighbourhood's old shops",
             "오래된 가게 {n}곳의 이야기를 책으로 엮었습니다.",
             "The stories of {n} old shops were collected in a book.", (8, 25),
             ("artists-priced-out",)),
        Stem("빈터 주민 정원", "Residents' garden on a vacant lot",
             "빈터 {n}㎡를 주민 정원으로 가꿨습니다.",
             "{n} m² of vacant land became a residents' garden.", (80, 400),
             ("vacant-houses-jangwi",)),
        Stem("골목 장터 축제", "Alley market festival",
             "골목 장터를 {n}명이 찾았습니다.",
             "{n} people came to the alley market.", (300, 1500)),
    ),
    "care": (
        Stem("이웃 안부 살피미", "Neighbourly check-ins for people living alone",
             "살피미 주민들이 이웃 {n}명의 안부를 정기적으로 살폈습니다.",
             "Resident volunteers checked regularly on {n} neighbours.", (20, 80),
             ("elderly-heatwave-isolation",)),
        Stem("공동육아 품앗이", "Parents' childcare exchange",
             "{n}가정이 돌아가며 아이들을 돌봤습니다.",
             "{n} families took turns looking after the children.", (8, 30),
             ("after-school-care-gap",)),
        Stem("치매 가족 쉼 모임", "Respite circle for dementia carers",
             "치매 가족 돌봄자 {n}명이 쉼 모임에 참여했습니다.",
             "{n} dementia carers joined the respite circle.", (10, 30),
             ("dementia-carer-burnout",)),
        Stem("어르신 말벗 전화", "Phone companions for older people",
             "어르신 {n}명과 주 1회 통화했습니다.",
             "Volunteers phoned {n} older people every week.", (20, 70),
             ("elderly-heatwave-isolation",)),
        Stem("청년 마음건강 모임", "Young people's mental-health circle",
             "청년 {n}명이 여덟 번의 모임을 마쳤습니다.",
             "{n} young people completed eight sessions.", (10, 30),
             ("young-carers",)),
        Stem("자립 생활 요리 교실", "Cooking for independent living",
             "장애인 당사자 {n}명이 자립 요리 교실을 마쳤습니다.",
             "{n} disabled residents completed the independent-living cooking class.", (8, 20)),
        Stem("돌봄 청년 자조 모임", "Peer group for young carers",
             "돌봄 청년 {n}명이 서로를 만났습니다.",
             "{n} young carers met one another.", (8, 25),
             ("young-carers",)),
        Stem("마을 돌봄 지도", "Care map of the neighbourhood",
             "돌봄 자원 {n}곳을 지도에 담았습니다.",
             "{n} sources of care were put on the map.", (30, 120),
             ("young-carers", "after-school-care-gap")),
        Stem("방과 후 마을 돌봄", "After-school care by neighbours",
             "초등학생 {n}명이 저녁까지 마을 돌봄을 이용했습니다.",
             "{n} primary pupils used neighbourhood care until the evening.", (10, 35),
             ("after-school-care-gap",)),
        Stem("치유 농장 프로그램", "Healing-farm programme",
             "참여자 {n}명이 열 번의 치유 농업 프로그램을 마쳤습니다.",
             "{n} participants completed the ten-session healing-farm programme.", (12, 40)),
        Stem("홀몸 어르신 반려 식물", "Companion plants for older people living alone",
             "어르신 {n}명에게 반려 식물을 드리고 매달 찾아갔습니다.",
             "{n} older people received a plant and a monthly visit.", (20, 80),
             ("elderly-heatwave-isolation",)),
        Stem("돌봄 노동자 쉼터", "Rest space for care workers",
             "돌봄 노동자 {n}명이 쉼터를 이용했습니다.",
             "{n} care workers used the rest space.", (30, 120)),
    ),
    "digital-inclusion": (
        Stem("어르신 스마트폰 교실", "Smartphone class for older people",
             "어르신 {n}명이 스마트폰 교실을 마쳤습니다.",
             "{n} older people completed the smartphone class.", (20, 80),
             ("senior-kiosks",)),
        Stem("무인 주문기 체험 부스", "Self-order kiosk try-out booth",
             "체험 부스를 {n}명이 이용했습니다.",
             "{n} people tried the kiosks at the booth.", (60, 240),
             ("senior-kiosks",)),
        Stem("동네 공공데이터 지도", "Neighbourhood open-data map",
             "공공데이터 {n}종으로 동네 지도를 만들었습니다.",
             "A neighbourhood map was built from {n} open data sets.", (5, 15)),
        Stem("시민 해커톤", "Civic hackathon",
             "{n}팀이 동네 문제를 푸는 도구를 만들었습니다.",
             "{n} teams built tools for neighbourhood problems.", (6, 15)),
        Stem("웹 접근성 점검단", "Web accessibility testers",
             "점검단이 웹사이트 {n}곳을 점검해 고칠 점을 보냈습니다.",
             "The testers checked {n} websites and sent in what needed fixing.", (10, 40),
             ("booking-sites-screen-readers",)),
        Stem("이주민 디지털 길잡이", "Digital guides for migrants",
             "이주민 {n}명이 공공 서비스 앱 쓰는 법을 배웠습니다.",
             "{n} migrants learned to use public-service apps.", (15, 60),
             ("foreign-residents-notices", "migrant-alerts-korean-only")),
        Stem("청소년 미디어 리터러시", "Media literacy for teenagers",
             "청소년 {n}명이 허위 정보 가려내기 수업을 마쳤습니다.",
             "{n} teenagers completed classes on spotting false information.", (20, 80)),
        Stem("중고 노트북 고쳐 나누기", "Refurbished laptops for families",
             "중고 노트북 {n}대를 고쳐 원격 수업이 필요한 가정에 나눴습니다.",
             "{n} second-hand laptops were refurbished for families that needed them for remote classes.",
             (15, 60)),
        Stem("어르신 영상통화 돌봄", "Video calls with older people",
             "어르신 {n}명이 가족·이웃과 영상통화를 하게 됐습니다.",
             "{n} older people started video-calling family and neighbours.", (15, 50)),
        Stem("오픈소스 마을 홈페이지", "Open-source neighbourhood website",
             "마을 단체 {n}곳이 함께 쓰는 홈페이지를 열었습니다.",
             "{n} local groups launched a website they share.", (5, 15)),
        Stem("세대 간 디지털 배움 짝꿍", "Digital learning buddies across generations",
             "청년과 어르신 {n}쌍이 배움 짝꿍이 됐습니다.",
             "{n} pairs of young and older residents became learning buddies.", (10, 40),
             ("senior-kiosks",)),
        Stem("쉬운 말 공공 안내문", "Easy-read public notices",
             "공공 안내문 {n}건을 쉬운 말로 다시 썼습니다.",
             "{n} public notices were rewritten in plain language.", (10, 40),
             ("foreign-residents-notices", "migrant-alerts-korean-only")),
    ),
}  # fmt: skip

PROJECT_PLACES = (
    ("녹번동", "Nokbeon-dong"), ("불광동", "Bulgwang-dong"), ("응암동", "Eungam-dong"),
    ("갈현동", "Galhyeon-dong"), ("구산동", "Gusan-dong"), ("진관동", "Jingwan-dong"),
    ("대조동", "Daejo-dong"), ("역촌동", "Yeokchon-dong"), ("홍제동", "Hongje-dong"),
    ("연희동", "Yeonhui-dong"), ("망원동", "Mangwon-dong"), ("성산동", "Seongsan-dong"),
    ("창신동", "Changsin-dong"), ("장위동", "Jangwi-dong"), ("수유동", "Suyu-dong"),
    ("방학동", "Banghak-dong"), ("상계동", "Sanggye-dong"), ("신림동", "Sillim-dong"),
    ("독산동", "Doksan-dong"), ("문래동", "Mullae-dong"), ("성수동", "Seongsu-dong"),
    ("면목동", "Myeonmok-dong"), ("천호동", "Cheonho-dong"), ("화곡동", "Hwagok-dong"),
    ("정릉동", "Jeongneung-dong"),
)  # fmt: skip

PROJECT_BUDGETS = {  # KRW, lowest and highest
    "energy": (5_000_000, 30_000_000),
    "waste": (3_000_000, 25_000_000),
    "food": (4_000_000, 25_000_000),
    "urban-regeneration": (5_000_000, 35_000_000),
    "care": (3_000_000, 20_000_000),
    "digital-inclusion": (3_000_000, 20_000_000),
}
# Fifty a year; the 2nd phase's priority themes (energy, waste, food) get the most.
PROJECTS_PER_YEAR = {
    "energy": 10,
    "waste": 10,
    "food": 9,
    "urban-regeneration": 8,
    "care": 7,
    "digital-inclusion": 6,
}
PROJECT_YEARS = (2018, 2019, 2020)
STOPPED_IN_2020 = 2  # stopped when COVID-19 closed their venues


class AnchoredProject(NamedTuple):
    """A supported project the agendas' histories refer to by name."""

    title_ko: str
    title_en: str
    theme: str
    year: int
    starts_on: str
    ends_on: str
    budget: int
    organisation: str
    agenda: str
    results_ko: str
    results_en: str


ANCHORED_PROJECTS = (
    AnchoredProject(
        "구산동 동네 수리 카페",
        "Neighbourhood repair café in Gusan-dong",
        "waste",
        2019,
        "2019-03-04",
        "2019-11-29",
        18_500_000,
        "gusan-repair-workshop",
        "repair-small-appliances",
        "수리 의뢰 214건 가운데 151건을 고쳐 돌려드렸고, 주민 수리 봉사단 9명이 생겼습니다.",
        "151 of the 214 items brought in were repaired and handed back, and nine residents formed a "
        "volunteer repair team.",
    ),
    AnchoredProject(
        "연신내 어르신 키오스크 연습 교실",
        "Kiosk practice classes for older people in Yeonsinnae",
        "digital-inclusion",
        2019,
        "2019-04-15",
        "2019-12-13",
        12_800_000,
        "bukhansan-digital-inclusion-lab",
        "senior-kiosks",
        "연습용 무인 주문기 2대를 만들어 복지관 세 곳에서 어르신 176명이 연습했습니다.",
        "Two practice kiosks were built, and 176 older people practised on them at three welfare centres.",
    ),
)


def supported_projects(seed=2020):
    """The 150 supported projects of 2018 to 2020, the same for the same seed.

    Returns dicts with key, title_ko, title_en, theme, year, starts_on, ends_on (ISO strings),
    budget (KRW, whole thousands), status ("completed" | "running" | "stopped" as of AS_OF),
    organisation (slug), agenda (key or None), results_ko and results_en (None unless completed).
    """
    rng = random.Random(seed)
    organisations = {theme: itertools.cycle(slugs) for theme, slugs in THEME_ORGANISATIONS.items()}
    combinations = {}
    for theme, stems in PROJECT_STEMS.items():
        combinations[theme] = [(stem, place) for stem in stems for place in PROJECT_PLACES]
        rng.shuffle(combinations[theme])
    titles = {project.title_ko for project in ANCHORED_PROJECTS}
    projects = []
    for year in PROJECT_YEARS:
        this_year = [_anchored(project) for project in ANCHORED_PROJECTS if project.year == year]
        for theme, count in PROJECTS_PER_YEAR.items():
            stems_this_year = set()
            for _ in range(count - sum(project["theme"] == theme for project in this_year)):
                stem, place = _take_combination(combinations[theme], stems_this_year, titles)
                this_year.append(_generated(rng, year, theme, stem, place, next(organisations[theme])))
        if year == 2020:
            for project in rng.sample(this_year, STOPPED_IN_2020):
                _stop(rng, project)
        this_year.sort(key=lambda project: (project["starts_on"], project["title_en"]))
        for number, project in enumerate(this_year, start=1):
            project["key"] = f"project-{year}-{number:02d}"
        projects += this_year
    return projects


def _take_combination(combinations, stems_this_year, titles):
    """The first unused stem and place whose stem has not been used for the theme this year."""
    for index, (stem, place) in enumerate(combinations):
        title_ko = f"{place[0]} {stem.title_ko}"
        if stem not in stems_this_year and title_ko not in titles:
            del combinations[index]
            stems_this_year.add(stem)
            titles.add(title_ko)
            return stem, place
    raise ValueError("PROJECT_STEMS and PROJECT_PLACES have run out of unused titles.")


def _generated(rng, year, theme, stem, place, organisation):
    if year == 2020:  # COVID-19 pushed the 2020 round's starts back
        starts_on = date(2020, 4, 1) + timedelta(days=rng.randrange(150))
        ends_on = starts_on + timedelta(days=rng.randrange(120, 301))
    else:
        starts_on = date(year, 3, 2) + timedelta(days=rng.randrange(105))
        ends_on = min(starts_on + timedelta(days=rng.randrange(120, 271)), date(year, 12, 18))
    lowest, highest = PROJECT_BUDGETS[theme]
    completed = ends_on.isoformat() <= AS_OF
    candidates = _linkable_agendas(stem.agendas, starts_on.isoformat())
    agenda = rng.choice(candidates) if candidates else None
    count = rng.randint(*stem.counts)
    place_ko, place_en = place
    return {
        "title_ko": f"{place_ko} {stem.title_ko}",
        "title_en": f"{stem.title_en} in {place_en}",
        "theme": theme,
        "year": year,
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat(),
        "budget": rng.randrange(lowest, highest + 1, 1_000),
        "status": "completed" if completed else "running",
        "organisation": organisation,
        "agenda": agenda,
        "results_ko": stem.result_ko.format(n=count) if completed else None,
        "results_en": stem.result_en.format(n=count) if completed else None,
    }


def _anchored(project):
    return {
        "title_ko": project.title_ko,
        "title_en": project.title_en,
        "theme": project.theme,
        "year": project.year,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "budget": project.budget,
        "status": "completed",
        "organisation": project.organisation,
        "agenda": project.agenda,
        "results_ko": project.results_ko,
        "results_en": project.results_en,
    }


def _stop(rng, project):
    """Stop a 2020 project a couple of months in: its venue closed."""
    stopped_on = date.fromisoformat(project["starts_on"]) + timedelta(days=rng.randrange(45, 91))
    project.update(status="stopped", ends_on=stopped_on.isoformat(), results_ko=None, results_en=None)


def _linkable_agendas(keys, day):
    """Those of the agendas ``keys`` that were proposed by ``day`` and not archived then."""
    return [key for key in keys if state_on(AGENDAS_BY_KEY[key], day) not in {None, "archived"}]
