"""The Seoul campus's mentor network: social-innovation leaders from the plan's four fields
(environment, manufacturing, investment, digital) and two the operators added. The people and
their organisations are invented; the fields, the instructor pool and the fee are the plan's."""

from datetime import datetime
from typing import NamedTuple


class Field(NamedTuple):
    code: str
    name_ko: str
    name_en: str


class Mentor(NamedTuple):
    local: str  # the e-mail's local part at the demo domain
    fields: tuple[str, ...]
    keywords: str
    languages: tuple[str, ...]
    affiliation: str
    capacity: int
    bio_ko: str
    bio_en: str
    listed: bool = True


FIELDS = (
    Field("environment", "환경", "Environment"),
    Field("manufacturing", "제조", "Manufacturing"),
    Field("investment", "투자", "Investment"),
    Field("digital", "디지털", "Digital"),
    Field("urban-regeneration", "도시재생", "Urban regeneration"),
    Field("care", "돌봄·복지", "Care and welfare"),
)

# The first five already teach in the programs demo (the demo mentor and one instructor per field).
MENTORS = (
    Mentor(
        "mentor",
        ("environment", "manufacturing"),
        "자원순환, 업사이클링, 메이커, circular economy",
        ("ko", "en"),
        "사회혁신 리더 네트워크 코디네이터",
        3,
        "환경과 제조 분야를 잇는 사회혁신 리더입니다. 자원순환 제품을 만드는 작은 제조 공동체를 10년 동안 "
        "도왔고, 현장과 연결된 강의를 맡고 있습니다.",
        "A social-innovation leader between environment and manufacturing: ten years helping small "
        "makers' communities build products from recovered materials; teaches field-linked lectures.",
    ),
    Mentor(
        "instructor-environment",
        ("environment",),
        "기후위기, 탄소중립, 에너지 전환, 시민 참여",
        ("ko",),
        "시민에너지협동조합 '햇빛마을' 이사",
        2,
        "아파트 베란다 태양광과 마을 에너지 자립 사업을 이끌었습니다. 주민이 스스로 탄소를 줄이는 실험을 "
        "설계하는 법을 가르칩니다.",
        "Led balcony solar and neighbourhood energy self-reliance projects; teaches how residents design "
        "their own carbon-cutting experiments.",
    ),
    Mentor(
        "instructor-manufacturing",
        ("manufacturing",),
        "팹랩, 디지털 제작, 메이커, 시제품",
        ("ko", "en"),
        "공공 팹랩 '만드는 마을' 운영 책임자",
        2,
        "레이저 커터와 3D 프린터로 시민의 아이디어를 한 주 만에 시제품으로 만드는 공공 팹랩을 운영합니다.",
        "Runs a public fab lab where citizens' ideas become prototypes within a week, with laser cutters "
        "and 3D printers.",
    ),
    Mentor(
        "instructor-investment",
        ("investment",),
        "임팩트 투자, 소셜벤처, 사회성과 측정, 재무 모델",
        ("ko", "en"),
        "임팩트 투자사 '다음걸음파트너스' 심사역",
        3,
        "소셜벤처 초기 투자를 7년 동안 심사했습니다. 사회적 성과를 숫자로 설명하고 지속 가능한 재무 구조를 "
        "세우는 일을 돕습니다.",
        "Seven years screening early-stage social ventures; helps teams show their social results in "
        "numbers and build a finance model that lasts.",
    ),
    Mentor(
        "instructor-digital",
        ("digital",),
        "공공데이터, 시빅해킹, 서비스 디자인, 오픈소스",
        ("ko", "en"),
        "시빅테크 모임 '코드로 잇는 서울' 활동가",
        2,
        "공공데이터로 동네 문제를 보이게 만드는 시빅해킹 모임을 꾸려 왔습니다. 작은 디지털 도구로 빠르게 "
        "실험하는 법을 함께 합니다.",
        "Organises civic hackers who make neighbourhood problems visible with open data; builds small "
        "digital tools to test ideas fast.",
    ),
    Mentor(
        "mentor-zero-waste",
        ("environment",),
        "제로웨이스트, 자원순환, 리필 스테이션, 업사이클링",
        ("ko",),
        "제로웨이스트 가게 '알맹이' 공동대표",
        2,
        "동네 리필 가게를 열고 일회용품 없는 시장을 만든 경험을 나눕니다.",
        "Opened a neighbourhood refill shop and a market without disposables; shares how it was done.",
    ),
    Mentor(
        "mentor-urban-farm",
        ("environment", "urban-regeneration"),
        "도시농업, 퇴비화, 음식물 쓰레기, 공동체 정원",
        ("ko",),
        "도시농업 네트워크 '텃밭서울' 사무국장",
        2,
        "옥상 텃밭과 공동체 퇴비 실험을 30곳 넘는 마을에서 운영했습니다.",
        "Ran rooftop gardens and community composting trials in more than thirty neighbourhoods.",
    ),
    Mentor(
        "mentor-climate-data",
        ("environment", "digital"),
        "기후위기, 대기질, 센서, 공공데이터",
        ("ko", "en"),
        "대기질 시민 측정 프로젝트 '숨' 리더",
        2,
        "시민이 직접 만든 미세먼지 센서 500대의 데이터를 모아 지도로 공개했습니다.",
        "Gathered the data of 500 citizen-built air-quality sensors into a public map.",
    ),
    Mentor(
        "mentor-repair",
        ("manufacturing", "environment"),
        "수리, 업사이클링, 자원순환, 메이커",
        ("ko",),
        "수리 협동조합 '고쳐쓰는 가게' 대표",
        2,
        "버려지는 가전과 가구를 고쳐 다시 쓰게 하는 수리 카페를 8년째 운영합니다.",
        "Has run a repair café for eight years, giving discarded appliances and furniture a second life.",
    ),
    Mentor(
        "mentor-hardware",
        ("manufacturing",),
        "하드웨어 스타트업, 시제품, 양산, 소량 생산",
        ("ko", "en"),
        "하드웨어 액셀러레이터 '을지로 메이커스' 매니저",
        3,
        "을지로 제조 골목과 하드웨어 스타트업을 이어 소량 생산을 돕습니다.",
        "Connects hardware start-ups with Euljiro's workshop alleys for small-batch production.",
    ),
    Mentor(
        "mentor-fabcity",
        ("manufacturing", "urban-regeneration"),
        "팹시티, 지역 생산, 팹랩, 디지털 제작",
        ("en", "ko"),
        "팹시티 네트워크 협력 연구자",
        2,
        "바르셀로나와 서울의 팹시티 실험을 비교 연구했습니다. 도시 안에서 만들고 쓰는 순환을 설계합니다.",
        "Compared the Fab City experiments of Barcelona and Seoul; designs cycles of making and using "
        "within the city.",
    ),
    Mentor(
        "mentor-textile",
        ("manufacturing", "environment"),
        "의류 재활용, 업사이클링, 봉제, 지역 생산",
        ("ko",),
        "봉제 마을기업 '다시입다' 대표",
        2,
        "창신동 봉제 공장들과 함께 헌 옷을 새 제품으로 만드는 마을기업을 운영합니다.",
        "Runs a village enterprise that turns old clothes into new products with Changsin-dong's "
        "sewing workshops.",
    ),
    Mentor(
        "mentor-social-finance",
        ("investment",),
        "사회적 금융, 크라우드펀딩, 재무 모델, 협동조합",
        ("ko",),
        "사회적금융 중개기관 '함께기금' 팀장",
        3,
        "협동조합과 마을기업의 융자와 크라우드펀딩을 200건 넘게 설계했습니다.",
        "Designed more than 200 loans and crowdfunding campaigns for co-operatives and village enterprises.",
    ),
    Mentor(
        "mentor-impact-measure",
        ("investment", "care"),
        "사회성과 측정, 임팩트 평가, SROI, 설문 설계",
        ("ko", "en"),
        "사회성과 평가 연구소 연구위원",
        2,
        "사회투자수익률(SROI)과 사전·사후 설문으로 사회혁신 사업의 성과를 측정해 왔습니다.",
        "Measures social-innovation projects with SROI and before-and-after surveys.",
    ),
    Mentor(
        "mentor-venture",
        ("investment", "digital"),
        "소셜벤처, 임팩트 투자, 사업 모델, 피칭",
        ("en", "ko"),
        "소셜벤처 액셀러레이터 파트너",
        3,
        "소셜벤처 40곳의 초기 성장을 도왔습니다. 투자자 앞에서 문제와 해법을 설명하는 법을 코칭합니다.",
        "Helped forty social ventures through their first growth; coaches teams to pitch problem and "
        "solution to investors.",
    ),
    Mentor(
        "mentor-public-procurement",
        ("investment", "urban-regeneration"),
        "공공구매, 사회적 경제, 조달, 협동조합",
        ("ko",),
        "사회적경제 공공구매 지원센터 자문위원",
        2,
        "사회적 경제 기업이 공공기관에 판로를 여는 공공구매 제도를 안내합니다.",
        "Guides social-economy enterprises into public procurement as a market.",
        False,
    ),
    Mentor(
        "mentor-civic-data",
        ("digital",),
        "공공데이터, 데이터 시각화, 시빅해킹, 지도",
        ("ko", "en"),
        "데이터 저널리즘 스튜디오 대표",
        2,
        "공공데이터로 도시 문제를 지도와 그래프로 보여 주는 작업을 합니다.",
        "Shows urban problems as maps and charts built from open data.",
    ),
    Mentor(
        "mentor-platform",
        ("digital", "care"),
        "플랫폼 협동조합, 돌봄, 서비스 디자인, 앱",
        ("ko",),
        "돌봄 플랫폼 협동조합 개발자",
        2,
        "돌봄 노동자가 함께 소유하는 예약 플랫폼을 만들었습니다.",
        "Built a booking platform owned by the care workers who use it.",
    ),
    Mentor(
        "mentor-opensource",
        ("digital",),
        "오픈소스, 서비스 디자인, 사용자 조사, 디지털 포용",
        ("en",),
        "Open-source civic software maintainer",
        2,
        "서울에 사는 외국인 개발자로, 시민이 쓰는 오픈소스 도구를 관리합니다. 영어로 멘토링합니다.",
        "A foreign developer living in Seoul who maintains open-source tools citizens use; mentors in "
        "English.",
    ),
    Mentor(
        "mentor-digital-inclusion",
        ("digital", "care"),
        "디지털 포용, 고령자, 교육, 서비스 디자인",
        ("ko",),
        "디지털 배움터 강사 네트워크 대표",
        2,
        "어르신과 이주민의 디지털 배움을 돕는 강사 네트워크를 이끕니다.",
        "Leads a network of tutors who help older people and migrants learn digital skills.",
    ),
    Mentor(
        "mentor-regeneration",
        ("urban-regeneration",),
        "도시재생, 주민 참여, 빈집, 골목상권",
        ("ko",),
        "도시재생 현장지원센터 센터장",
        2,
        "빈집과 골목 상권을 주민과 함께 되살리는 도시재생 현장을 맡아 왔습니다.",
        "Has run urban-regeneration sites that revive empty houses and alley shops with residents.",
    ),
    Mentor(
        "mentor-housing",
        ("urban-regeneration", "care"),
        "공동체 주택, 주거, 청년, 주민 참여",
        ("ko",),
        "사회주택 협동조합 상임이사",
        2,
        "청년과 어르신이 함께 사는 사회주택을 짓고 운영합니다.",
        "Builds and runs social housing where young people and older residents live together.",
    ),
    Mentor(
        "mentor-care",
        ("care",),
        "돌봄, 고령자, 마을 돌봄, 자원봉사",
        ("ko",),
        "마을 돌봄 공동체 '이웃손' 대표",
        2,
        "이웃이 이웃을 돌보는 마을 돌봄 모임 20곳을 꾸렸습니다.",
        "Set up twenty neighbourhood groups in which neighbours care for each other.",
    ),
    Mentor(
        "mentor-global",
        ("urban-regeneration", "environment"),
        "국제 협력, 도시 의제, 정책, 리빙랩",
        ("en", "ko", "nl"),
        "해외 혁신기관 교류 코디네이터",
        2,
        "브레인포트와 SIX 같은 해외 기관과 공동 도시 의제를 발굴했습니다. 리빙랩 방법론을 가르칩니다.",
        "Found joint urban agendas with partners such as Brainport and SIX; teaches living-lab methods.",
    ),
)

# What a working group asks of a mentor, by its problem's theme: fields and topics.
THEME_WISHES = {
    "energy": (("environment",), "기후위기, 에너지 전환, 탄소중립, 시민 참여"),
    "waste": (("environment", "manufacturing"), "자원순환, 업사이클링, 제로웨이스트, 리필 스테이션"),
    "food": (("environment", "care"), "음식물 쓰레기, 퇴비화, 도시농업, 돌봄"),
    "urban-regeneration": (("urban-regeneration",), "도시재생, 빈집, 주민 참여, 공동체 주택"),
    "care": (("care",), "돌봄, 고령자, 마을 돌봄, 사회성과 측정"),
    "digital-inclusion": (("digital", "care"), "디지털 포용, 고령자, 서비스 디자인, 교육"),
    "": (("investment",), "사회성과 측정, 재무 모델, 소셜벤처"),
}


class Meeting(NamedTuple):
    when: datetime  # naive, Asia/Seoul; each group meets on a different day of that week
    minutes: int
    place: str
    topic: str
    private_notes: str
    shared_notes: str
    follow_ups: str
    comments: tuple[str, ...]


MENTORING_MEETINGS = (
    Meeting(
        datetime(2020, 9, 21, 19),
        90,
        "서울혁신파크 미래청 2층 회의실",
        "문제 정의 점검: 누가, 어디서, 얼마나 겪는가",
        "팀 안에서 역할이 한 사람에게 몰려 있다. 다음 만남 전에 개별 연락해 볼 것.",
        "문제를 겪는 사람을 한 문장으로 정의했습니다. "
        "현장 인터뷰 대상 10명을 정하고 질문지를 함께 다듬었습니다.",
        "인터뷰 10건 진행, 질문지 공유 문서에 정리",
        (
            "문제를 좁히는 질문이 큰 도움이 됐어요.",
            "현장 이야기를 많이 들을 수 있었습니다.",
            "다음에는 시간을 더 길게 잡고 싶어요.",
        ),
    ),
    Meeting(
        datetime(2020, 10, 12, 19),
        120,
        "서울혁신파크 사회혁신랩",
        "실험 설계: 가설, 측정 지표, 4주 일정",
        "예산 계획이 낙관적이다. 재료비를 다시 확인하도록 권할 것.",
        "가설을 하나로 정하고 성과 지표 두 가지(참여 가구 수, 줄어든 양)를 골랐습니다. "
        "4주 실험 일정을 세웠습니다.",
        "측정 양식 만들기, 현장 협력 기관에 일정 공유",
        (
            "지표를 정하는 과정이 명확해졌어요.",
            "실험 일정이 현실적으로 바뀌었습니다.",
            "구체적인 사례를 알려 주셔서 좋았어요.",
        ),
    ),
    Meeting(
        datetime(2020, 11, 2, 19),
        90,
        "온라인 (화상회의)",
        "중간 결과 돌아보기와 결과 발표 준비",
        "팀 분위기가 좋아졌다. 결과 발표 후에도 후속 프로젝트로 이어갈 가능성이 있다.",
        "첫 3주 결과를 함께 읽었습니다. 숫자와 참여자 이야기를 함께 보여 주는 발표 구성을 잡았습니다.",
        "발표 자료 초안, 후속 지원 사업 공고 확인",
        (
            "발표 구성을 잡는 데 큰 도움이 됐습니다.",
            "결과를 숫자로 말하는 법을 배웠어요.",
            "후속 단계까지 함께 고민해 주셨어요.",
        ),
    ),
)
