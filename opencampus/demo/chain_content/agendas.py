"""Social problems brought by citizens, resident organisations and the campus team, 2018 to 2020."""

from dataclasses import dataclass
from typing import NamedTuple


class Step(NamedTuple):
    """One dated change of an agenda's state, with the public explanation."""

    to_state: str
    on: str
    explanation_ko: str
    explanation_en: str


class Evidence(NamedTuple):
    title: str
    url: str


@dataclass(frozen=True, kw_only=True)
class Agenda:
    key: str
    title_ko: str
    title_en: str
    description_ko: str
    description_en: str
    theme: str
    district: str | None  # a name_ko of SEOUL_DISTRICTS
    place: str
    affected_ko: str
    affected_en: str
    sdg_targets: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    origin: str  # "citizen" | "organisation" | "staff"
    organisation: str | None = None
    history: tuple[Step, ...]  # starts with the proposal
    duplicate_of: str | None = None

    @property
    def state(self):
        return self.history[-1].to_state

    @property
    def proposed_on(self):
        return self.history[0].on


SDG_7 = Evidence("UN SDG 7 — Affordable and clean energy", "https://sdgs.un.org/goals/goal7")
SDG_12 = Evidence("UN SDG 12 — Responsible consumption and production", "https://sdgs.un.org/goals/goal12")
SDG_2 = Evidence("UN SDG 2 — Zero hunger", "https://sdgs.un.org/goals/goal2")
SDG_11 = Evidence("UN SDG 11 — Sustainable cities and communities", "https://sdgs.un.org/goals/goal11")
SEOUL_OPEN_DATA = Evidence("서울 열린데이터광장 (Seoul Open Data Plaza)", "https://data.seoul.go.kr/")

PILOT_ADOPTION = "2020-07-06"  # the day staff chose the problems offered to the 2020 pilot cohort
PILOT_ADOPTION_KO = "2020 시범 과정 작업반에 제안할 과제로 채택했습니다."
PILOT_ADOPTION_EN = "Adopted as one of the problems offered to the 2020 pilot cohort's working groups."

AGENDAS = (
    # Energy
    Agenda(
        key="old-house-heating",
        title_ko="노후 다세대주택의 겨울 난방비 부담과 결로",
        title_en="Winter heating bills and condensation in old multi-family houses",
        description_ko=(
            "녹번동 언덕의 1980~90년대 다세대주택에는 단열재가 거의 없고 홑유리 창호인 집이 많습니다. "
            "에너지 상담으로 찾아간 32가구 가운데 21가구가 지난겨울 한 달 가스비가 20만 원을 넘었다고 "
            "답했습니다. 북쪽 벽과 창틀에 결로와 곰팡이가 생겨, 아이나 어르신이 있는 집은 기침을 달고 "
            "삽니다. 세입자는 집주인 동의 없이 고칠 수 없고, 집주인은 비용을 돌려받을 길이 없다며 손을 "
            "놓고 있습니다."
        ),
        description_en=(
            "On the hill in Nokbeon-dong, many multi-family houses built in the 1980s and 90s have almost "
            "no insulation and single-glazed windows. Of the 32 households we visited for energy advice, 21 "
            "said a winter month's gas bill had passed 200,000 won. Condensation and mould form on north "
            "walls and window frames, and homes with children or older people live with a constant cough. "
            "Tenants cannot make repairs without the owner's consent, and owners see no way to get the cost "
            "back."
        ),
        theme="energy",
        district="은평구",
        place="은평구 녹번동 일대",
        affected_ko="녹번동 노후 다세대주택 세입자, 특히 어린이나 어르신이 있는 가구",
        affected_en="Tenants of old multi-family houses in Nokbeon-dong, above all households with children "
        "or older people",
        sdg_targets=("7.1", "7.3", "11.1"),
        evidence=(SDG_7,),
        origin="organisation",
        organisation="everyones-energy-institute",
        history=(
            Step(
                "proposed",
                "2018-03-19",
                "모두의 에너지 연구소가 에너지 상담 기록을 바탕으로 제안했습니다.",
                "Proposed by Everyone's Energy Institute from its energy-advice visits.",
            ),
            Step(
                "under_review",
                "2018-04-09",
                "캠퍼스 팀이 현장을 둘러보고 검토를 시작했습니다. 세입자와 집주인의 동의를 함께 얻을 "
                "방법도 살핍니다.",
                "The campus team visited the houses and started the review, including how to win the "
                "consent of tenants and owners alike.",
            ),
            Step(
                "adopted",
                "2018-06-04",
                "2기 중점 과제인 에너지 분야의 대표 실험 과제로 채택했습니다.",
                "Adopted as the major experiment of the energy field, one of the 2nd phase's priority "
                "themes.",
            ),
            Step(
                "in_experiment",
                "2018-09-03",
                "“녹번동 에너지 자립 골목” 실험이 시작됐습니다.",
                "The “Nokbeon-dong energy self-reliant alley” experiment has started.",
            ),
            Step(
                "resolved",
                "2020-02-17",
                "실험 가구의 겨울 가스 사용량이 줄었고, 은평구 마을 집수리 모임이 단열 개선 방식을 "
                "이어받아 해결로 기록합니다.",
                "Winter gas use fell in the experiment's households and the Eunpyeong home-repair circle has "
                "taken the retrofit method on, so we record the problem as resolved.",
            ),
        ),
    ),
    # Browser-test search example: "rooftop" matches the English title of this agenda only.
    Agenda(
        key="rooftop-solar",
        title_ko="공공건물 옥상의 빈 공간에 시민 햇빛발전소를",
        title_en="Community solar on the empty rooftops of public buildings",
        description_ko=(
            "은평구의 동 주민센터와 구립 도서관 옥상 14곳을 둘러보니 11곳이 실외기와 물탱크 말고는 "
            "비어 있었습니다. 햇빛발전 협동조합에 출자하고 싶은 주민들은 설치할 지붕을 찾지 못해 몇 년째 "
            "기다리고 있습니다. 공공건물 옥상을 시민 발전소에 빌려주는 절차가 기관마다 달라 끝까지 가 본 "
            "사람이 없습니다. 옥상 방수, 구조 안전, 임대료를 누가 어떻게 판단하는지부터 정리해야 합니다."
        ),
        description_en=(
            "We walked the rooftops of 14 community service centres and district libraries in Eunpyeong-gu; "
            "11 held nothing but air-conditioning units and water tanks. Residents who want to invest in a "
            "solar cooperative have waited for years because they cannot find a roof for the panels. Each "
            "office handles a request to lease a public roof differently, so no one has seen one through. "
            "Someone first has to sort out who decides on waterproofing, structural safety and rent, and how."
        ),
        theme="energy",
        district="은평구",
        place="은평구 동 주민센터·구립 도서관",
        affected_ko="햇빛발전 협동조합 조합원과 출자를 바라는 주민, 공공건물을 관리하는 공무원",
        affected_en="Solar cooperative members, residents who want to invest, and the officials who "
        "manage public buildings",
        sdg_targets=("7.2", "17.17"),
        evidence=(SEOUL_OPEN_DATA, SDG_7),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2019-11-04",
                "은평구 주민이 제안했습니다.",
                "Proposed by a resident of Eunpyeong-gu.",
            ),
            Step(
                "under_review",
                "2020-01-13",
                "구청 재산 관리 부서에 옥상 임대 절차를 묻고 검토를 시작했습니다.",
                "We asked the district's property office how roof leases work and started the review.",
            ),
            Step("adopted", PILOT_ADOPTION, PILOT_ADOPTION_KO, PILOT_ADOPTION_EN),
            Step(
                "in_experiment",
                "2020-09-21",
                "시범 과정 작업반이 주민센터 옥상 네 곳의 설치 가능성을 따지는 실험을 시작했습니다.",
                "A pilot-course working group has started an experiment checking four community-centre "
                "roofs.",
            ),
        ),
    ),
    Agenda(
        key="banjiha-summer-heat",
        title_ko="반지하 주택의 여름 폭염과 습기",
        title_en="Summer heat and damp in semi-basement homes",
        description_ko=(
            "신림동 반지하 주택을 찾아가는 돌봄 활동가들은 7~8월 실내 습도가 80%를 넘는 집을 여러 번 "
            "봤습니다. 창문이 길가에 바로 붙어 있어 밤에도 열기 어렵고, 에어컨이 없거나 있어도 전기요금 "
            "걱정에 켜지 않는 집이 많습니다. 올여름 방문한 45가구 가운데 17가구에서 벽지 곰팡이를 "
            "확인했습니다. 혼자 사는 어르신과 청년이 특히 많습니다."
        ),
        description_en=(
            "Care workers visiting semi-basement homes in Sillim-dong repeatedly found indoor humidity "
            "above 80% in July and August. The windows open straight onto the pavement, so people hesitate "
            "to open them even at night, and many homes have no air conditioner or leave it off for fear of "
            "the bill. This summer we found mould on the wallpaper in 17 of the 45 homes we visited. Many "
            "of the tenants are older people or young adults living alone."
        ),
        theme="energy",
        district="관악구",
        place="관악구 신림동 일대",
        affected_ko="관악구 반지하 주택에 혼자 사는 어르신과 청년",
        affected_en="Older people and young adults living alone in semi-basement homes in Gwanak-gu",
        sdg_targets=("11.1", "7.1", "13.1"),
        origin="organisation",
        organisation="gwanak-care-circle",
        history=(
            Step(
                "proposed",
                "2019-08-19",
                "관악 돌봄 모임이 여름 방문 기록을 바탕으로 제안했습니다.",
                "Proposed by Gwanak Care Circle from its summer home visits.",
            ),
            Step(
                "under_review",
                "2019-10-07",
                "에너지와 주거 두 분야에 걸친 문제라 함께 검토합니다.",
                "The problem spans energy and housing; we review it with both in mind.",
            ),
            Step("adopted", PILOT_ADOPTION, PILOT_ADOPTION_KO, PILOT_ADOPTION_EN),
        ),
    ),
    Agenda(
        key="school-energy-data",
        title_ko="학교 전기 사용량을 정작 학생들은 볼 수 없음",
        title_en="Students cannot see how much electricity their own school uses",
        description_ko=(
            "상계동의 한 중학교에서 환경 동아리를 맡은 교사입니다. 학생들이 교실 전등과 냉난방을 줄이는 "
            "캠페인을 했지만, 학교 전기 사용량은 행정실에만 있어 효과를 확인할 수 없었습니다. 한 달치 "
            "고지서를 받아 보는 데 3주가 걸렸고, 시간대별 자료는 구할 수 없었습니다. 학생들이 자기 "
            "학교의 에너지 사용을 직접 본다면 캠페인이 훨씬 오래갈 것입니다."
        ),
        description_en=(
            "I teach at a middle school in Sanggye-dong and run its environment club. The students ran a "
            "campaign to switch off classroom lights and heating, but the school's electricity figures sit "
            "in the admin office, so they could not tell whether it worked. Getting one month's bill took "
            "three weeks, and hourly data was not available at all. If students could see their own "
            "school's energy use, campaigns like this would last much longer."
        ),
        theme="energy",
        district="노원구",
        place="노원구 상계동",
        affected_ko="노원구 중·고등학교 학생과 환경 동아리 교사",
        affected_en="Secondary-school students in Nowon-gu and the teachers who run environment clubs",
        sdg_targets=("4.7", "7.3"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-05-11",
                "노원구의 교사가 제안했습니다.",
                "Proposed by a teacher in Nowon-gu.",
            ),
        ),
    ),
    Agenda(
        key="shop-doors-open-ac",
        title_ko="문을 열어 둔 채 냉방하는 상점",
        title_en="Shops running air conditioning with their doors wide open",
        description_ko=(
            "여름 저녁 종각역 주변 상점가를 걸으며 세어 보니 1층 매장 60곳 가운데 23곳이 문을 열어 둔 "
            "채 냉방을 하고 있었습니다. 손님을 끌기 위해서라지만 찬 공기가 그대로 길로 새고, 길은 실외기 "
            "열기로 더 뜨거워집니다. 상인들은 옆 가게가 열어 두니 혼자 닫을 수 없다고 말합니다. 상인들 "
            "사이의 약속이나 다른 방법을 함께 찾고 싶습니다."
        ),
        description_en=(
            "On a summer evening we counted the ground-floor shops around Jonggak station: 23 of 60 were "
            "running their air conditioning with the doors open. It draws customers in, they say, but the "
            "cold air pours out onto the street while the outdoor units make the pavement hotter still. "
            "Shopkeepers told us they cannot close their door while the shop next door keeps its open. We "
            "would like to find, with them, an agreement among traders or another way out."
        ),
        theme="energy",
        district="종로구",
        place="종로구 종각역 주변 상점가",
        affected_ko="종각 상점가 상인과 보행자",
        affected_en="Shopkeepers and pedestrians around Jonggak",
        sdg_targets=("7.3",),
        origin="organisation",
        organisation="jongno-energy-network",
        history=(
            Step(
                "proposed",
                "2018-07-23",
                "종로 에너지 네트워크가 제안했습니다.",
                "Proposed by Jongno Energy Network.",
            ),
            Step(
                "archived",
                "2018-08-20",
                "단속과 계도는 구청 소관이고, 상인회가 실험에 함께할 뜻이 없어 보관합니다. 상인회가 "
                "참여하겠다고 하면 다시 제안할 수 있습니다.",
                "Enforcement belongs to the district office and the traders' association did not want to "
                "take part in an experiment, so we archive it. It can be proposed again if the traders "
                "join.",
            ),
        ),
    ),
    Agenda(
        key="energy-cooperative-members",
        title_ko="햇빛발전 협동조합에 젊은 조합원이 들어오지 않음",
        title_en="Young people are not joining neighbourhood solar cooperatives",
        description_ko=(
            "서울의 햇빛발전 협동조합 다섯 곳의 조합원 명부를 함께 살펴보니 조합원의 70% 가까이가 50대 "
            "이상이었습니다. 20~30대는 출자금 10만 원도 부담스럽고, 총회가 평일 낮에 열려 갈 수 없다고 "
            "말합니다. 설립을 이끈 세대가 물러나면 발전소 관리와 재투자를 맡을 사람이 없습니다. 청년이 "
            "적은 돈으로, 자기 시간에 참여할 길이 필요합니다."
        ),
        description_en=(
            "Going through the member lists of five solar cooperatives in Seoul, we found that close to 70% "
            "of members were in their fifties or older. People in their twenties and thirties say even a "
            "100,000-won share is a stretch, and general meetings are held on weekday afternoons. When the "
            "founding generation steps back, no one will be left to maintain the plants or reinvest. Young "
            "people need a way in that fits small budgets and their own hours."
        ),
        theme="energy",
        district=None,
        place="서울 시내 햇빛발전 협동조합 다섯 곳",
        affected_ko="햇빛발전 협동조합과 참여를 바라는 청년",
        affected_en="Solar cooperatives and the young people who would like to join them",
        sdg_targets=("7.2", "16.7"),
        origin="organisation",
        organisation="eunpyeong-youth-energy-cooperative",
        history=(
            Step(
                "proposed",
                "2020-06-15",
                "은평 청년 에너지 협동조합이 제안했습니다.",
                "Proposed by Eunpyeong Youth Energy Cooperative.",
            ),
            Step(
                "under_review",
                "2020-08-10",
                "다른 협동조합의 명부 자료를 더 모으며 검토하고 있습니다.",
                "Under review while we gather member figures from more cooperatives.",
            ),
        ),
    ),
    # Waste and resource circulation
    Agenda(
        key="apartment-recycling-contamination",
        title_ko="아파트 재활용품이 오염돼 재활용되지 못함",
        title_en="Recyclables from apartment complexes too contaminated to be recycled",
        description_ko=(
            "분리배출 날 은평구 아파트 단지 여섯 곳의 재활용 마대를 열어 보니 음식물이 묻은 용기, 라벨이 "
            "붙은 페트병, 일반 쓰레기가 섞여 있었습니다. 수거 업체는 이물질이 많은 마대는 선별장에서 "
            "되돌려 받는다고 합니다. 주민들은 열심히 분리했는데 결국 태워진다는 말에 허탈해합니다. 무엇을 "
            "어떻게 버려야 하는지 배출하는 자리에서 바로 알려 줄 방법이 필요합니다."
        ),
        description_en=(
            "On collection day we opened the recycling sacks at six apartment complexes in Eunpyeong-gu and "
            "found food-stained containers, labelled PET bottles and general rubbish mixed in. The collector "
            "says sacks with too much contamination are sent back from the sorting plant. Residents who sort "
            "carefully are dismayed to hear that their recycling ends up burned anyway. People need to be "
            "shown, right at the bins, what goes where and how."
        ),
        theme="waste",
        district="은평구",
        place="은평구 응암동·녹번동 아파트 단지",
        affected_ko="아파트 주민, 관리사무소, 수거 업체",
        affected_en="Apartment residents, management offices and the waste collector",
        sdg_targets=("12.5", "11.6"),
        evidence=(SDG_12,),
        origin="staff",
        history=(
            Step(
                "proposed",
                "2018-10-08",
                "캠퍼스 팀이 2기 중점 과제(쓰레기) 현장 조사를 바탕으로 제안했습니다.",
                "Proposed by the campus team after field visits for the 2nd phase's priority theme of waste.",
            ),
            Step(
                "under_review",
                "2018-11-05",
                "참여할 단지를 찾으며 검토를 시작했습니다.",
                "Review started while we look for complexes willing to take part.",
            ),
            Step(
                "adopted",
                "2019-01-21",
                "자원순환 분야의 대표 실험 과제로 채택했습니다.",
                "Adopted as the major experiment of the waste and resource-circulation field.",
            ),
            Step(
                "in_experiment",
                "2019-04-01",
                "“깨끗한 분리배출 아파트” 실험이 여섯 개 단지에서 시작됐습니다.",
                "The “clean recycling apartments” experiment has started in six complexes.",
            ),
            Step(
                "resolved",
                "2020-09-07",
                "여섯 개 단지가 전용 수거함과 자원 지킴이 운영을 관리규약에 넣고 스스로 운영하고 있어 "
                "해결로 기록합니다.",
                "All six complexes have written the dedicated bins and resident helpers into their rules "
                "and run them themselves, so we record the problem as resolved.",
            ),
        ),
    ),
    Agenda(
        key="delivery-containers",
        title_ko="1인 가구 배달 음식의 일회용 용기",
        title_en="Single-use containers from food delivery piling up in one-person households",
        description_ko=(
            "신촌 대학가 원룸 건물 세 곳의 재활용 배출장을 한 달 동안 살폈더니 배출량의 절반 넘게가 "
            "배달 음식 용기와 비닐이었습니다. 코로나19 이후 배달이 늘면서 배출량도 눈에 띄게 늘었습니다. "
            "용기에 기름과 양념이 남아 대부분 재활용되지 못합니다. 식당은 다회용기가 비싸고 회수가 "
            "어렵다고, 주민은 씻어서 돌려줄 곳이 없다고 말하며 서로를 바라보고 있습니다."
        ),
        description_en=(
            "For a month we watched the recycling points of three studio-flat buildings near the Sinchon "
            "universities: more than half of what was put out was food-delivery containers and plastic "
            "bags. Since COVID-19, deliveries have grown and the piles with them. Most containers still "
            "carry oil and sauce, so most cannot be recycled. Restaurants say reusable containers cost too "
            "much and are hard to collect; residents say there is nowhere to return them."
        ),
        theme="waste",
        district="서대문구",
        place="서대문구 신촌 대학가 원룸촌",
        affected_ko="대학가 1인 가구, 배달 음식점, 건물 관리인",
        affected_en="People living alone near the universities, delivery restaurants and building caretakers",
        sdg_targets=("12.5",),
        evidence=(SDG_12,),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-04-20",
                "신촌에 사는 대학원생이 제안했습니다.",
                "Proposed by a graduate student living in Sinchon.",
            ),
            Step(
                "under_review",
                "2020-05-25",
                "참여할 식당이 있는지 알아보며 검토합니다.",
                "Under review while we find out whether any restaurants would take part.",
            ),
            Step("adopted", PILOT_ADOPTION, PILOT_ADOPTION_KO, PILOT_ADOPTION_EN),
            Step(
                "in_experiment",
                "2020-10-05",
                "시범 과정 작업반이 식당 다섯 곳과 다회용 배달 용기 실험을 시작했습니다.",
                "A pilot-course working group has started a reusable-container trial with five restaurants.",
            ),
        ),
    ),
    # Near-duplicate pair, worded differently in Korean: food-waste-bins-smell / food-waste-bins-summer.
    Agenda(
        key="food-waste-bins-smell",
        title_ko="공동주택 음식물 쓰레기 수거함 주변 악취와 벌레",
        title_en="Smell and flies around shared food-waste bins in housing blocks",
        description_ko=(
            "화곡동 빌라 골목의 공동 음식물 쓰레기 수거함은 일주일에 두 번만 비워져 여름이면 악취가 "
            "심하고 벌레가 들끓습니다. 살펴본 골목 네 곳 가운데 세 곳은 수거함 뚜껑이 고장 난 채 "
            "방치돼 있었습니다. 수거함 바로 옆 1층 집은 창문을 열 수 없다고 합니다. 수거함을 누가 "
            "청소하고 관리할지 정해지지 않아 민원만 쌓입니다."
        ),
        description_en=(
            "The shared bins for food waste in the villa alleys of Hwagok-dong are emptied only twice a "
            "week, so in summer they stink and swarm with flies. In three of the four alleys we checked, "
            "the lids were broken and had been left that way. The ground-floor flat next to one bin says it "
            "cannot open its windows. Nobody is in charge of cleaning the bins, so complaints simply pile "
            "up."
        ),
        theme="waste",
        district="강서구",
        place="강서구 화곡동 빌라 밀집 지역",
        affected_ko="빌라 밀집 지역 주민, 특히 수거함 옆 1층 가구",
        affected_en="Residents of the villa blocks, above all the ground-floor homes next to the bins",
        sdg_targets=("11.6", "12.3"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-07-27",
                "화곡동 주민이 제안했습니다.",
                "Proposed by a resident of Hwagok-dong.",
            ),
        ),
    ),
    Agenda(
        key="food-waste-bins-summer",
        title_ko="여름마다 되풀이되는 음식물 쓰레기 수거함 악취 민원",
        title_en="Every summer, the same complaints about stinking food-scrap bins",
        description_ko=(
            "신월동 다세대주택 골목에서는 해마다 여름이면 음식물 쓰레기 수거함 악취 민원이 되풀이됩니다. "
            "주민 모임이 7월 한 달 동안 수거함 12곳을 살펴보니 9곳 주변에 국물이 흘러 있었고 벌레가 "
            "많았습니다. 수거함을 씻는 사람이 정해져 있지 않고, 물기를 빼지 않고 버리는 집이 많습니다. "
            "수거함 관리와 배출 습관을 함께 바꿀 방법이 필요합니다."
        ),
        description_en=(
            "In the alleys of Sinwol-dong the same complaint comes back every summer: the food-scrap bins "
            "reek. Our residents' group checked 12 of them through July; liquid had leaked around nine and "
            "insects were everywhere. No one is responsible for washing them, and many households put scraps "
            "out without draining them. We need to change both how the bins are looked after and how people "
            "use them."
        ),
        theme="waste",
        district="양천구",
        place="양천구 신월동 다세대주택 골목",
        affected_ko="다세대주택 골목 주민과 환경미화원",
        affected_en="Residents of the multi-family-house alleys and the street cleaners",
        sdg_targets=("11.6", "12.3"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-08-24",
                "신월동 주민 모임이 제안했습니다.",
                "Proposed by a residents' group in Sinwol-dong.",
            ),
            Step(
                "under_review",
                "2020-09-14",
                "화곡동 수거함 악취 제안과 비슷해 함께 검토합니다.",
                "Reviewed together with the similar proposal about the bins in Hwagok-dong.",
            ),
        ),
    ),
    Agenda(
        key="repair-small-appliances",
        title_ko="고칠 곳이 없어 버려지는 소형 가전",
        title_en="Small appliances thrown away because nobody repairs them",
        description_ko=(
            "구산동과 갈현동의 대형폐기물 배출 장소를 석 달 동안 매주 살펴보니, 선풍기·전기밥솥·토스터"
            "처럼 간단히 고칠 수 있어 보이는 가전이 매주 열 대 넘게 나와 있었습니다. 제조사 서비스센터는 "
            "멀고, 부품이 없다거나 수리비가 새 제품값과 비슷하다는 답을 듣기 일쑤입니다. 동네 전파사는 "
            "거의 사라졌습니다. 고쳐 쓰고 싶은 주민은 많지만 맡길 곳이 없습니다."
        ),
        description_en=(
            "For three months we checked the bulky-waste points of Gusan-dong and Galhyeon-dong every week, "
            "and each week more than ten appliances that looked easy to fix — fans, rice cookers, toasters — "
            "had been put out. Manufacturers' service centres are far away and often say there are no parts "
            "or that the repair costs about as much as a new one. The neighbourhood repair shops have all "
            "but gone. Plenty of residents would rather fix things but have nowhere to take them."
        ),
        theme="waste",
        district="은평구",
        place="은평구 구산동·갈현동",
        affected_ko="고쳐 쓰고 싶은 주민, 특히 어르신 가구",
        affected_en="Residents who would rather repair, especially older households",
        sdg_targets=("12.5",),
        origin="organisation",
        organisation="gusan-repair-workshop",
        history=(
            Step(
                "proposed",
                "2018-05-14",
                "구산 수리 공방이 배출 장소 관찰 기록을 바탕으로 제안했습니다.",
                "Proposed by Gusan Repair Workshop from its notes on the bulky-waste points.",
            ),
            Step(
                "under_review",
                "2018-06-11",
                "수리할 수 있는 사람과 공간을 찾을 수 있는지 검토합니다.",
                "Under review: can we find people who repair and a place to do it?",
            ),
            Step(
                "adopted",
                "2018-09-10",
                "2019년 지원사업으로 풀어 볼 과제로 채택했습니다.",
                "Adopted as a problem for the 2019 supported projects.",
            ),
            Step(
                "in_experiment",
                "2019-03-04",
                "2019년 지원사업 “구산동 동네 수리 카페”가 시작됐습니다.",
                "The 2019 supported project “Neighbourhood repair café in Gusan-dong” has started.",
            ),
            Step(
                "resolved",
                "2020-03-16",
                "지원이 끝난 뒤에도 주민 수리 봉사단이 수리 카페를 한 달에 두 번 열고 있어 해결로 "
                "기록합니다.",
                "After the funding ended, a volunteer repair team still opens the café twice a month, so we "
                "record the problem as resolved.",
            ),
        ),
    ),
    Agenda(
        key="repair-cafe-wanted",
        title_ko="우리 동네에도 수리 카페가 있었으면",
        title_en="A repair café for our neighbourhood",
        description_ko=(
            "고장 난 전기 주전자와 스탠드를 고치려고 서비스센터에 전화했더니 부품이 단종됐다고 "
            "했습니다. 다른 나라에는 동네 사람들이 모여 물건을 함께 고치는 수리 카페가 있다고 들었습니다. "
            "갈현동 주민 모임에서 물어보니 고칠 물건이 있다는 사람이 15명을 넘었습니다. 공구와 고칠 줄 "
            "아는 사람만 있으면 될 것 같습니다."
        ),
        description_en=(
            "I called the service centre to fix a broken kettle and a desk lamp and was told the parts are "
            "discontinued. I have heard that in other countries neighbours meet at repair cafés to fix "
            "things together. When I asked at our residents' meeting in Galhyeon-dong, more than 15 people "
            "said they had something to mend. All we need are tools and someone who knows how."
        ),
        theme="waste",
        district="은평구",
        place="은평구 갈현동",
        affected_ko="갈현동 주민",
        affected_en="Residents of Galhyeon-dong",
        sdg_targets=("12.5",),
        origin="citizen",
        duplicate_of="repair-small-appliances",
        history=(
            Step(
                "proposed",
                "2019-02-18",
                "갈현동 주민이 제안했습니다.",
                "Proposed by a resident of Galhyeon-dong.",
            ),
            Step(
                "under_review",
                "2019-03-11",
                "비슷한 과제가 있는지 살피고 있습니다.",
                "Checking whether a similar problem is already on file.",
            ),
            Step(
                "archived",
                "2019-03-25",
                "“고칠 곳이 없어 버려지는 소형 가전”과 같은 문제라 그 과제로 합쳤습니다. 갈현동 주민 "
                "모임을 구산동 수리 카페에 연결했습니다.",
                "This is the same problem as “Small appliances thrown away because nobody repairs them”, so "
                "we merged it there and put the Galhyeon-dong residents in touch with the Gusan-dong repair "
                "café.",
            ),
        ),
    ),
    # Food
    Agenda(
        key="market-surplus-food",
        title_ko="전통시장에서 버려지는 식재료와 끼니를 거르는 이웃",
        title_en="Unsold market produce is thrown out while neighbours skip meals",
        description_ko=(
            "대조시장 채소·반찬 가게 열 곳에 물어보니, 문 닫을 때 팔지 못해 버리는 채소와 두부가 가게마다 "
            "하루 2~5kg이라고 했습니다. 같은 동네 주민센터 복지 담당자는 끼니를 자주 거르는 홀몸 "
            "어르신이 늘었다고 말합니다. 상인들은 나누고 싶어도 받아 갈 사람과 시간이 맞지 않아 그냥 "
            "버린다고 합니다. 남는 식재료가 시장 안에서 끼니가 될 수 있을지 실험해 보고 싶습니다."
        ),
        description_en=(
            "Ten vegetable and side-dish stalls at Daejo Market told us they each throw away 2 to 5 kg of "
            "unsold vegetables and tofu at closing time. The welfare officer at the local community centre "
            "says more older people living alone are skipping meals. Stallholders would share, but nobody "
            "comes to collect at the right time, so it goes in the bin. We want to test whether the market "
            "itself can turn leftover produce into meals."
        ),
        theme="food",
        district="은평구",
        place="은평구 대조시장 일대",
        affected_ko="대조시장 상인, 끼니를 거르는 홀몸 어르신과 1인 가구",
        affected_en="Daejo Market stallholders, and older people and others living alone who skip meals",
        sdg_targets=("12.3", "2.1"),
        evidence=(SDG_2,),
        origin="organisation",
        organisation="little-food-collective",
        history=(
            Step(
                "proposed",
                "2019-06-03",
                "작은 먹거리 모임이 상인 인터뷰를 바탕으로 제안했습니다.",
                "Proposed by Little Food Collective after interviewing stallholders.",
            ),
            Step(
                "under_review",
                "2019-07-08",
                "시장 상인회와 주민센터의 뜻을 물으며 검토합니다.",
                "Under review while we ask the traders' association and the community centre.",
            ),
            Step(
                "adopted",
                "2019-10-14",
                "먹거리 분야의 대표 실험 과제로 채택했습니다.",
                "Adopted as the major experiment of the food field.",
            ),
            Step(
                "in_experiment",
                "2020-05-11",
                "코로나19로 두 달 늦게 “대조시장 나눔 부엌” 실험이 시작됐습니다.",
                "Two months late because of COVID-19, the “Daejo Market sharing kitchen” experiment has "
                "started.",
            ),
        ),
    ),
    Agenda(
        key="vacation-lunch-children",
        title_ko="방학 중 점심을 거르는 아이들",
        title_en="Children who go without lunch in the school holidays",
        description_ko=(
            "상계동 지역아동센터 두 곳의 교사들은 겨울방학 동안 점심을 제대로 먹지 못하고 센터에 오는 "
            "아이를 하루 6~8명 봤습니다. 급식카드를 쓸 수 있는 가게가 편의점과 분식집 몇 곳뿐이라 "
            "아이들은 컵라면과 삼각김밥으로 끼니를 때웁니다. 센터가 쉬는 날에는 아예 점심을 건너뛴다는 "
            "아이도 있습니다. 아이들이 동네에서 따뜻한 한 끼를 먹을 방법이 필요합니다."
        ),
        description_en=(
            "Teachers at two local children's centres in Sanggye-dong saw six to eight children a day "
            "arrive without a proper lunch during the winter holidays. The children's meal cards work only "
            "at a few convenience stores and snack bars, so lunch is cup noodles and rice triangles. Some "
            "children say that on days the centre is closed they skip lunch altogether. Children need a way "
            "to get a warm meal in their own neighbourhood."
        ),
        theme="food",
        district="노원구",
        place="노원구 상계동 지역아동센터 주변",
        affected_ko="급식카드를 쓰는 초등학생과 지역아동센터 교사",
        affected_en="Primary pupils who rely on meal cards, and the children's-centre teachers",
        sdg_targets=("2.1", "2.2"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-02-10",
                "지역아동센터 교사가 제안했습니다.",
                "Proposed by a teacher at a local children's centre.",
            ),
            Step(
                "under_review",
                "2020-03-16",
                "개학 연기로 상황이 더 나빠져 서둘러 검토합니다.",
                "With the school year postponed the situation is worse; we are reviewing it promptly.",
            ),
            Step("adopted", PILOT_ADOPTION, PILOT_ADOPTION_KO, PILOT_ADOPTION_EN),
        ),
    ),
    Agenda(
        key="urban-farm-plots-abandoned",
        title_ko="분양받고 방치되는 도시텃밭",
        title_en="Allotment plots left untended after they are handed out",
        description_ko=(
            "해마다 신청 경쟁이 치열한 구립 텃밭인데, 6월이 지나면 40구획 가운데 10곳 남짓이 잡초만 "
            "무성합니다. 분양받은 사람이 바빠지거나 멀리 살아 발길을 끊는 경우가 많습니다. 옆 구획 "
            "사람들은 날아오는 잡초 씨에 애를 먹고, 대기자는 다음 해까지 기다려야 합니다. 방치된 구획을 "
            "중간에 다른 사람이 이어 가꿀 방법이 있으면 좋겠습니다."
        ),
        description_en=(
            "Plots in the district allotments are hotly contested each year, yet after June about ten of the "
            "forty are nothing but weeds. Often the holder got busy or lives too far away and stopped "
            "coming. Neighbouring gardeners battle the seeds blowing over, and people on the waiting list "
            "have to wait another year. It would help if someone else could take over a neglected plot "
            "part-way through the season."
        ),
        theme="food",
        district="강동구",
        place="강동구 상일동 구립 텃밭",
        affected_ko="텃밭 분양자와 대기자",
        affected_en="Allotment holders and people on the waiting list",
        sdg_targets=("2.4", "11.7"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2019-04-15",
                "텃밭을 가꾸는 주민이 제안했습니다.",
                "Proposed by a resident who keeps an allotment.",
            ),
            Step(
                "under_review",
                "2019-05-20",
                "다른 구립 텃밭의 상황도 알아보며 검토합니다.",
                "Under review while we look at other district allotments.",
            ),
            Step(
                "proposed",
                "2019-06-03",
                "한 해만의 일인지 알 수 없어, 올해 관찰 기록을 더 부탁드리며 돌려보냈습니다.",
                "We could not tell whether this happens every year, so we sent it back asking for this "
                "season's observations.",
            ),
        ),
    ),
    Agenda(
        key="cafeteria-leftovers",
        title_ko="매일 버려지는 구내식당 잔반과 남은 밥",
        title_en="Office canteens throw away cooked food after every lunch",
        description_ko=(
            "을지로 사무용 빌딩 구내식당 세 곳의 도움을 받아 일주일 동안 잔반을 달아 보니 점심 한 끼에 "
            "식당마다 40~70kg이 나왔습니다. 미리 지어 놓고 배식도 하지 못한 밥과 국도 적지 않았습니다. "
            "식당은 음식이 모자라면 항의를 받으니 넉넉히 만든다고 합니다. 예약이나 배식 방식을 바꾸면 "
            "남는 양을 줄일 수 있을지 알고 싶습니다."
        ),
        description_en=(
            "Three office-building canteens in Euljiro let us weigh their leftovers for a week: each threw "
            "away 40 to 70 kg after a single lunch. A fair share was rice and soup cooked in advance and "
            "never served. The canteens cook generously because running short brings complaints. We want to "
            "know whether booking or serving differently could cut what is left over."
        ),
        theme="food",
        district="중구",
        place="중구 을지로 사무용 빌딩",
        affected_ko="구내식당 운영자와 직장인",
        affected_en="Canteen operators and office workers",
        sdg_targets=("12.3",),
        origin="organisation",
        organisation="hangang-food-network",
        history=(
            Step(
                "proposed",
                "2020-03-09",
                "한강 먹거리 네트워크가 제안했습니다.",
                "Proposed by Hangang Food Network.",
            ),
            Step(
                "under_review",
                "2020-04-06",
                "재택근무로 식수 인원이 크게 바뀌어, 다시 측정한 자료를 기다리며 검토합니다.",
                "Remote work has changed canteen numbers a lot; we are waiting for fresh measurements.",
            ),
        ),
    ),
    Agenda(
        key="single-household-groceries",
        title_ko="1인 가구가 다 먹지 못하고 버리는 대용량 식재료",
        title_en="People living alone throw out food sold only in family-size packs",
        description_ko=(
            "신림동 청년 1인 가구 모임 20명이 2주 동안 버린 음식을 적어 보니, 절반 넘게가 대파·양배추·"
            "두부처럼 한 번에 다 쓰기 어려운 식재료였습니다. 동네 마트의 소포장은 비싸거나 아예 "
            "없습니다. 이웃과 나누고 싶어도 아는 사람이 없습니다. 장을 함께 보거나 남는 재료를 나눌 "
            "방법이 필요합니다."
        ),
        description_en=(
            "Twenty young people living alone in Sillim-dong noted everything they threw away for two weeks: "
            "more than half was spring onions, cabbage, tofu and the like, which are hard to use up in one "
            "go. Small packs at the local supermarkets cost more or do not exist. They would share with "
            "neighbours but do not know any. People need ways to shop together or pass on what is left."
        ),
        theme="food",
        district="관악구",
        place="관악구 신림동 원룸촌",
        affected_ko="관악구의 청년 1인 가구",
        affected_en="Young people living alone in Gwanak-gu",
        sdg_targets=("12.3",),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-09-07",
                "신림동 청년 모임이 제안했습니다.",
                "Proposed by a young residents' group in Sillim-dong.",
            ),
        ),
    ),
    # Urban regeneration
    Agenda(
        key="vacant-shops-bulgwang",
        title_ko="불광동 오래된 골목 상가의 빈 점포",
        title_en="Empty shopfronts in the old shopping alleys of Bulgwang-dong",
        description_ko=(
            "불광역 뒤편 골목 상가 1층 점포 48곳 가운데 11곳이 반년 넘게 비어 있습니다. 빈 점포가 "
            "이어지자 저녁이면 골목이 어두워져 주민들이 돌아서 다닙니다. 건물주들은 임대료를 낮추느니 "
            "비워 두는 편이 낫다고 말합니다. 한편 주민들은 고장 난 물건을 고치거나 필요한 것을 만들 "
            "동네 공간이 없다고 합니다."
        ),
        description_en=(
            "Behind Bulgwang station, 11 of the 48 ground-floor shops in the old shopping alleys have stood "
            "empty for more than six months. With empty shopfronts side by side, the alleys go dark in the "
            "evening and residents walk the long way round. Landlords say leaving a shop empty beats "
            "lowering the rent. Meanwhile residents say there is no place nearby to fix broken things or "
            "make what they need."
        ),
        theme="urban-regeneration",
        district="은평구",
        place="은평구 불광동 골목 상가",
        affected_ko="골목 상가 상인과 주변 주민",
        affected_en="Shopkeepers in the alleys and the residents around them",
        sdg_targets=("11.3", "12.5"),
        evidence=(SDG_11,),
        origin="organisation",
        organisation="together-urban-regeneration-circle",
        history=(
            Step(
                "proposed",
                "2018-11-19",
                "함께하는 도시재생 모임이 골목 점포 조사를 바탕으로 제안했습니다.",
                "Proposed by Together Urban Regeneration Circle after surveying the alley shops.",
            ),
            Step(
                "under_review",
                "2018-12-17",
                "서울이노베이션팹랩과 함께 검토합니다.",
                "Under review together with the Seoul Innovation Fab Lab.",
            ),
            Step(
                "adopted",
                "2019-03-18",
                "도시재생·팹시티 분야의 대표 실험 과제로 채택했습니다.",
                "Adopted as the major experiment of the urban regeneration and Fab City field.",
            ),
            Step(
                "in_experiment",
                "2019-07-01",
                "“팹시티 서울: 불광동 동네 제작소” 실험이 시작됐습니다.",
                "The “Fab City Seoul: neighbourhood makerspaces in Bulgwang-dong” experiment has started.",
            ),
        ),
    ),
    Agenda(
        key="alley-parking-fire-access",
        title_ko="좁은 골목 주차로 소방차가 들어갈 수 없음",
        title_en="Parked cars keep fire engines out of narrow residential alleys",
        description_ko=(
            "망원동 주택가 골목 여섯 곳을 밤 10시에 살펴보니 네 곳은 양쪽 주차 때문에 차 한 대 지나가기도 "
            "빠듯했습니다. 지난겨울 이웃집 화재 때 소방차가 골목 입구에서 멈춰 호스를 끌고 들어갔습니다. "
            "주민끼리 주차 문제로 다투는 일도 잦습니다. 밤에 비는 주변 건물 주차장을 나눠 쓰는 방법 등을 "
            "함께 찾고 싶습니다."
        ),
        description_en=(
            "We walked six residential alleys in Mangwon-dong at 10 pm; in four of them, cars parked on both "
            "sides left barely enough room for one car to pass. Last winter, when a neighbour's house caught "
            "fire, the engine stopped at the mouth of the alley and the crew dragged the hose in. Residents "
            "often quarrel over parking. We would like to look for ways out together, such as sharing nearby "
            "car parks that stand empty at night."
        ),
        theme="urban-regeneration",
        district="마포구",
        place="마포구 망원동 주택가",
        affected_ko="골목 주민, 특히 화재에 취약한 노후 주택 가구",
        affected_en="Residents of the alleys, above all those in old houses at risk of fire",
        sdg_targets=("11.2", "11.3"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2018-08-06",
                "망원동 주민이 제안했습니다.",
                "Proposed by a resident of Mangwon-dong.",
            ),
            Step(
                "archived",
                "2018-09-03",
                "구청의 거주자 우선 주차 공유 사업에서 다룰 문제라 안내하고 보관합니다.",
                "This belongs to the district's resident-parking sharing programme; we pointed the proposer "
                "there and archived it.",
            ),
            Step(
                "proposed",
                "2019-05-13",
                "제안자가 화재 때의 소방차 진입 문제와 새 관찰 기록을 더해 다시 제안했습니다.",
                "The proposer brought it back with the fire-engine access problem and new observations.",
            ),
            Step(
                "under_review",
                "2019-06-17",
                "소방서와 주민 모임의 의견을 들으며 다시 검토합니다.",
                "Under review again, hearing the fire station and the residents' group.",
            ),
        ),
    ),
    Agenda(
        key="artists-priced-out",
        title_ko="임대료가 올라 작업실을 떠나는 예술가들",
        title_en="Artists priced out of their studios as the neighbourhood turns popular",
        description_ko=(
            "성수동 골목에서 작업실을 운영하던 예술가 모임 회원 14명 가운데 6명이 지난 2년 사이 "
            "재계약에서 임대료가 30% 넘게 올라 동네를 떠났습니다. 작업실이 빠진 자리에는 카페와 팝업 "
            "매장이 들어섰습니다. 동네를 알린 사람들이 가장 먼저 밀려난다는 자조가 나옵니다. 예술가와 "
            "건물주가 함께 지킬 수 있는 약속이 필요합니다."
        ),
        description_en=(
            "Of the 14 members of our artists' group who kept studios in the alleys of Seongsu-dong, six "
            "have left the area in the last two years after rent rises of more than 30% at renewal. Cafés "
            "and pop-up shops moved in where the studios were. People joke bitterly that those who made the "
            "neighbourhood known are the first to be pushed out. Artists and landlords need an agreement "
            "both sides can keep."
        ),
        theme="urban-regeneration",
        district="성동구",
        place="성동구 성수동 일대",
        affected_ko="성수동의 예술가와 작은 작업실",
        affected_en="Artists and small studios in Seongsu-dong",
        sdg_targets=("11.1", "11.3"),
        origin="organisation",
        organisation="hangang-arts-cooperative",
        history=(
            Step(
                "proposed",
                "2019-09-16",
                "한강 문화예술 협동조합이 제안했습니다.",
                "Proposed by Hangang Arts Cooperative.",
            ),
            Step(
                "under_review",
                "2019-10-21",
                "건물주가 함께할 수 있는지 알아보며 검토합니다.",
                "Under review while we find out whether landlords would take part.",
            ),
            Step(
                "adopted",
                "2020-01-20",
                "건물주와 예술가가 함께하는 임대 협약 실험을 전제로 채택했습니다.",
                "Adopted on the condition of a lease-agreement experiment with landlords and artists.",
            ),
            Step(
                "archived",
                "2020-06-29",
                "건물주의 참여를 끝내 얻지 못해 실험 현장을 찾지 못했습니다. 그사이 작업실 두 곳이 더 "
                "옮겨 가 보관하며, 모은 기록은 공개합니다.",
                "No landlord agreed to take part, so there was no field site for the experiment; meanwhile "
                "two more studios moved away. We archive the problem and publish what we gathered.",
            ),
        ),
    ),
    Agenda(
        key="vacant-houses-jangwi",
        title_ko="재개발이 풀린 동네에 남은 빈집",
        title_en="Empty houses left behind where redevelopment was called off",
        description_ko=(
            "재개발 구역에서 해제된 장위동 골목을 주민들과 걸으며 세어 보니 한 블록에만 빈집이 9채 "
            "있었습니다. 몇 년째 사람이 살지 않은 집은 담이 기울고 쓰레기가 쌓여 이웃이 불안해합니다. "
            "집주인을 찾기 어렵고, 찾아도 고칠 돈이 없다고 합니다. 빈집을 동네에 필요한 공간으로 바꿀 "
            "수 있을지 작게라도 시험해 보고 싶습니다."
        ),
        description_en=(
            "Walking an alley of Jangwi-dong with residents after the area was released from redevelopment, "
            "we counted nine empty houses in a single block. Houses nobody has lived in for years have "
            "leaning walls and rubbish piling up, and the neighbours feel unsafe. The owners are hard to "
            "find, and those we find say they cannot afford repairs. We want to test, even on a small "
            "scale, whether an empty house can become a space the neighbourhood needs."
        ),
        theme="urban-regeneration",
        district="성북구",
        place="성북구 장위동 일대",
        affected_ko="빈집 주변 주민, 특히 어르신과 아이",
        affected_en="Neighbours of the empty houses, especially older people and children",
        sdg_targets=("11.1", "11.3"),
        origin="organisation",
        organisation="together-urban-regeneration-school",
        history=(
            Step(
                "proposed",
                "2019-12-02",
                "함께하는 도시재생 학교가 주민과 함께 걸은 기록을 바탕으로 제안했습니다.",
                "Proposed by Together Urban Regeneration School after a walk with residents.",
            ),
            Step(
                "under_review",
                "2020-01-20",
                "빈집 소유자를 찾을 방법을 살피며 검토합니다.",
                "Under review while we look at how to trace the owners.",
            ),
            Step("adopted", PILOT_ADOPTION, PILOT_ADOPTION_KO, PILOT_ADOPTION_EN),
        ),
    ),
    Agenda(
        key="hillside-stairs-snow",
        title_ko="눈 오는 날 계단길에 갇히는 산동네 어르신",
        title_en="Older residents on hillside stairways are stuck indoors when it snows",
        description_ko=(
            "창신동 언덕 마을에는 차가 다니지 못하는 계단길이 많고 난간이 없는 구간도 있습니다. 지난겨울 "
            "눈이 온 뒤 사흘 동안 경로당에 나오지 못한 어르신이 회원 30명 가운데 12명이었습니다. 계단 "
            "제설은 주민 몇 명이 맡아 왔는데 모두 70대입니다. 겨울철 이동과 안부 확인을 함께 풀 방법이 "
            "필요합니다."
        ),
        description_en=(
            "The hillside village of Changsin-dong is full of stairways that no car can reach, some without "
            "handrails. Last winter, after it snowed, 12 of the 30 members of the senior centre could not "
            "come for three days. A handful of residents have always cleared the stairs, and all of them are "
            "in their seventies. We need a way to deal with getting around in winter and checking on "
            "neighbours together."
        ),
        theme="urban-regeneration",
        district="종로구",
        place="종로구 창신동 언덕 마을",
        affected_ko="계단길에 사는 어르신과 제설을 맡아 온 주민",
        affected_en="Older people living on the stairways and the residents who clear them",
        sdg_targets=("11.2", "11.7"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-01-06",
                "창신동 경로당 총무가 제안했습니다.",
                "Proposed by the secretary of the Changsin-dong senior centre.",
            ),
        ),
    ),
    # Care
    Agenda(
        key="elderly-heatwave-isolation",
        title_ko="무더위쉼터가 닫힌 여름, 혼자 견디는 어르신",
        title_en="Older people living alone face the heat by themselves while cooling shelters are shut",
        description_ko=(
            "올해는 코로나19로 경로당과 무더위쉼터 상당수가 문을 닫은 채 여름을 맞습니다. 도봉구에서 안부 "
            "전화를 하는 돌봄 활동가들은 맡은 어르신 60명 가운데 20명 넘게가 집에 선풍기 하나뿐이라고 "
            "전했습니다. 전화로는 어지럼증이나 탈수를 알아채기 어렵습니다. 모이지 않고도 더위를 피하고 "
            "서로 살필 방법이 필요합니다."
        ),
        description_en=(
            "This year summer arrives with many senior centres and cooling shelters closed by COVID-19. "
            "Care workers who phone older people in Dobong-gu report that more than 20 of the 60 they call "
            "have nothing but a single electric fan at home. Over the phone it is hard to notice dizziness "
            "or dehydration. We need ways to escape the heat and look out for one another without "
            "gathering."
        ),
        theme="care",
        district="도봉구",
        place="도봉구 창동·방학동",
        affected_ko="도봉구에 혼자 사는 어르신",
        affected_en="Older people living alone in Dobong-gu",
        sdg_targets=("13.1", "10.2"),
        origin="organisation",
        organisation="little-care-institute",
        history=(
            Step(
                "proposed",
                "2020-06-01",
                "작은 돌봄 연구소가 안부 전화 기록을 바탕으로 제안했습니다.",
                "Proposed by Little Care Institute from its check-in call notes.",
            ),
            Step(
                "under_review",
                "2020-06-15",
                "여름이 코앞이라 서둘러 검토합니다.",
                "Reviewed promptly, with summer close.",
            ),
            Step("adopted", PILOT_ADOPTION, PILOT_ADOPTION_KO, PILOT_ADOPTION_EN),
        ),
    ),
    Agenda(
        key="young-carers",
        title_ko="아픈 가족을 돌보느라 일과 공부를 놓는 청년",
        title_en="Young adults who give up work or study to care for a sick family member",
        description_ko=(
            "청년활동 허브의 자조 모임에 모인 돌봄 청년 18명 가운데 11명이 가족 돌봄 때문에 휴학하거나 "
            "일을 그만둔 적이 있다고 했습니다. 대부분 보호자로 여겨지지 않아 상담이나 휴식 지원을 어디에 "
            "물어야 할지 몰랐습니다. 같은 처지의 청년을 만난 것이 처음이라는 사람이 많았습니다. 돌봄 "
            "청년을 먼저 찾아내고 쉴 틈을 만들어 줄 방법이 필요합니다."
        ),
        description_en=(
            "Of 18 young carers who came to the self-help group at the youth activity hub, 11 had taken "
            "time off study or left a job to care for a family member. Most were not seen as carers, so they "
            "did not know where to ask for counselling or respite. Many said it was the first time they had "
            "met anyone in the same situation. Young carers need to be found early and given room to rest."
        ),
        theme="care",
        district=None,
        place="서울 전역 (청년 자조 모임 참가자)",
        affected_ko="가족을 돌보는 10~30대 청년",
        affected_en="People in their teens, twenties and thirties who care for a family member",
        sdg_targets=("5.4", "10.2"),
        origin="organisation",
        organisation="seoul-youth-activity-hub",
        history=(
            Step(
                "proposed",
                "2020-02-24",
                "서울 청년활동 허브가 제안했습니다.",
                "Proposed by Seoul Youth Activity Hub.",
            ),
            Step(
                "under_review",
                "2020-04-27",
                "돌봄 청년을 만나는 기관들의 이야기를 모으며 검토합니다.",
                "Under review while we gather accounts from the organisations that meet young carers.",
            ),
        ),
    ),
    Agenda(
        key="after-school-care-gap",
        title_ko="오후 5시 이후 초등학생 돌봄 공백",
        title_en="No after-school care for primary pupils after 5 pm",
        description_ko=(
            "거여동 맞벌이 부모 모임의 설문에 답한 35가정 가운데 22가정이, 학교 돌봄교실이 끝나는 오후 "
            "5시부터 부모가 돌아오는 7시 반까지 아이가 혼자 있거나 학원을 돈다고 답했습니다. 학원비 "
            "부담도 크지만 아이가 지쳐 간다는 걱정이 더 컸습니다. 동네에 저녁까지 맡길 곳이 없습니다. "
            "부모들이 돌아가며 돌보는 방법도 생각하고 있습니다."
        ),
        description_en=(
            "Of 35 families who answered a survey by working parents in Geoyeo-dong, 22 said their child is "
            "alone or shuttles between cram schools from 5 pm, when school care ends, until a parent gets "
            "home around 7:30. The fees are a burden, but parents worried more about how tired the children "
            "get. There is nowhere in the neighbourhood to leave a child until evening. The parents are also "
            "thinking about taking turns."
        ),
        theme="care",
        district="송파구",
        place="송파구 거여동",
        affected_ko="맞벌이 가정의 초등학생과 부모",
        affected_en="Primary pupils of working parents, and the parents",
        sdg_targets=("5.4", "4.2"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2019-03-25",
                "거여동 부모 모임이 제안했습니다.",
                "Proposed by a parents' group in Geoyeo-dong.",
            ),
            Step(
                "under_review",
                "2019-04-29",
                "동네의 돌봄 시설 현황을 살피며 검토합니다.",
                "Under review while we map the care services in the area.",
            ),
            Step(
                "archived",
                "2019-07-15",
                "동네에 저녁 8시까지 여는 다함께돌봄센터가 새로 문을 열어, 제안자와 상의해 보관합니다. "
                "공백이 다시 생기면 다시 제안할 수 있습니다.",
                "A community care centre open until 8 pm has opened in the neighbourhood, so, with the "
                "proposers' agreement, we archive the problem. It can be proposed again if the gap comes "
                "back.",
            ),
        ),
    ),
    Agenda(
        key="dementia-carer-burnout",
        title_ko="치매 가족을 돌보는 사람은 쉴 틈이 없음",
        title_en="Family carers of people with dementia get no time off",
        description_ko=(
            "면목동에서 치매 가족 모임을 꾸린 지 2년, 회원 16명 가운데 10명이 하루 두 시간도 혼자 있는 "
            "시간이 없다고 말합니다. 주간보호센터는 대기가 길고, 코로나19 이후에는 운영 시간까지 "
            "줄었습니다. 돌봄자가 먼저 쓰러져 입원한 일도 올해만 두 번 있었습니다. 짧게라도 믿고 맡기고 "
            "쉴 수 있는 방법이 필요합니다."
        ),
        description_en=(
            "Two years into running a group for dementia carers in Myeonmok-dong, 10 of our 16 members say "
            "they do not get even two hours a day to themselves. Day-care centres have long waiting lists, "
            "and since COVID-19 they have cut their hours too. Twice this year alone a carer collapsed and "
            "ended up in hospital first. Carers need a way to hand over with confidence and rest, even "
            "briefly."
        ),
        theme="care",
        district="중랑구",
        place="중랑구 면목동",
        affected_ko="치매 가족을 돌보는 배우자와 자녀",
        affected_en="Spouses and children caring for a family member with dementia",
        sdg_targets=("3.4", "5.4"),
        origin="organisation",
        organisation="seongbuk-mental-health-centre",
        history=(
            Step(
                "proposed",
                "2020-08-31",
                "성북 마음건강 센터가 면목동 가족 모임과 함께 제안했습니다.",
                "Proposed by Seongbuk Mental Health Centre with the family group in Myeonmok-dong.",
            ),
        ),
    ),
    # Digital inclusion
    Agenda(
        key="senior-kiosks",
        title_ko="무인 주문기 앞에서 돌아서는 어르신",
        title_en="Older people give up at self-order kiosks",
        description_ko=(
            "연신내역 주변 패스트푸드점과 카페 여덟 곳 가운데 다섯 곳이 무인 주문기로만 주문을 받습니다. "
            "점심시간 한 시간 동안 지켜보니 어르신 14명 가운데 9명이 주문하지 못하고 직원을 찾거나 그냥 "
            "나갔습니다. 화면 글씨가 작고, 뒤에 선 사람 눈치가 보여 연습할 엄두도 나지 않는다고 합니다. "
            "부담 없이 미리 연습해 볼 곳이 필요합니다."
        ),
        description_en=(
            "Five of the eight fast-food restaurants and cafés around Yeonsinnae station take orders only "
            "through self-order kiosks. Watching for an hour at lunchtime, we saw 9 of 14 older customers "
            "fail to order and look for staff or simply leave. The text on screen is small, and with people "
            "queuing behind them they do not dare try. They need somewhere to practise without pressure."
        ),
        theme="digital-inclusion",
        district="은평구",
        place="은평구 연신내역 주변 상가",
        affected_ko="무인 주문기가 낯선 어르신",
        affected_en="Older people unused to self-order kiosks",
        sdg_targets=("10.2", "9.c"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2018-06-18",
                "연신내에 사는 주민이 제안했습니다.",
                "Proposed by a resident of Yeonsinnae.",
            ),
            Step(
                "under_review",
                "2018-07-16",
                "복지관과 함께 연습 공간을 마련할 수 있을지 검토합니다.",
                "Under review: could a welfare centre host a practice space?",
            ),
            Step(
                "adopted",
                "2018-10-22",
                "2019년 지원사업으로 풀어 볼 과제로 채택했습니다.",
                "Adopted as a problem for the 2019 supported projects.",
            ),
            Step(
                "in_experiment",
                "2019-04-15",
                "2019년 지원사업 “연신내 어르신 키오스크 연습 교실”이 시작됐습니다.",
                "The 2019 supported project “Kiosk practice classes for older people in Yeonsinnae” has "
                "started.",
            ),
            Step(
                "adopted",
                "2020-03-09",
                "코로나19로 복지관이 휴관해 연습 교실을 이어 갈 수 없어, 채택 상태로 되돌리고 새 방법을 "
                "찾습니다.",
                "With welfare centres closed by COVID-19 the classes cannot go on; we return the problem to "
                "adopted and look for a new approach.",
            ),
            Step(
                "in_experiment",
                "2020-09-28",
                "시범 과정 작업반이 집에서 연습하는 키오스크 실험을 시작했습니다.",
                "A pilot-course working group has started an experiment with kiosk practice at home.",
            ),
        ),
    ),
    # Near-duplicate pair written first in English: foreign-residents-notices / migrant-alerts-korean-only.
    Agenda(
        key="foreign-residents-notices",
        title_ko="한국어로만 나오는 구청 안내를 놓치는 외국인 주민",
        title_en="District notices reach foreign residents only in Korean, so they miss them",
        description_ko=(
            "이태원동에 사는 외국인 주민으로, 회원이 400명쯤 되는 영어 동네 모임을 함께 운영하고 있습니다. "
            "건물 현관의 안내문이나 구청 문자가 무슨 뜻인지 묻는 글이 매주 올라옵니다. 대형폐기물 "
            "규칙, 도로 공사, 예방접종 신청 같은 것들입니다. 안내는 대부분 한국어로만 나오고, 기계 "
            "번역은 날짜와 장소를 틀리게 옮깁니다. 그 때문에 회원들이 쓰레기 수거일 변경과 단수를 놓친 "
            "적이 있습니다."
        ),
        description_en=(
            "I am a foreign resident in Itaewon-dong and help run an English-language neighbourhood group "
            "of about 400 members. Every week someone asks what a notice on the building door or a text from "
            "the district office means: bulky-waste rules, road works, vaccination sign-ups. Most notices "
            "are only in Korean, and machine translation gets dates and places wrong. Because of it, members "
            "have missed a change of rubbish collection day and a water cut."
        ),
        theme="digital-inclusion",
        district="용산구",
        place="용산구 이태원동·한남동",
        affected_ko="한국어를 읽기 어려운 외국인 주민",
        affected_en="Foreign residents who cannot easily read Korean",
        sdg_targets=("10.2", "16.10"),
        origin="citizen",
        history=(
            Step(
                "proposed",
                "2020-04-13",
                "외국인 주민이 영어로 제안했습니다.",
                "Proposed in English by a foreign resident.",
            ),
            Step(
                "under_review",
                "2020-05-18",
                "구청 안내문이 어떤 언어로 나가는지 모으며 검토합니다.",
                "Under review while we collect which languages district notices go out in.",
            ),
        ),
    ),
    Agenda(
        key="migrant-alerts-korean-only",
        title_ko="재난 문자와 방역 안내를 한국어로만 받는 이주민 이웃",
        title_en="Foreign residents get emergency alerts and health notices only in Korean",
        description_ko=(
            "우리 상담 창구를 찾는 이주노동자와 유학생들은 읽을 수 없는 재난 문자와 방역 안내를 계속 "
            "내밉니다. 문자는 한국어로만 오고, 친구가 번역해 줄 즈음이면 검사소나 규칙이 이미 "
            "바뀌어 있습니다. 6월에는 2주 동안 이런 문의를 37건 받았습니다. 외국인 주민도 같은 안내를 "
            "같은 때에, 읽을 수 있는 언어로 받아야 합니다."
        ),
        description_en=(
            "Migrant workers and foreign students who come to our help desk keep showing us emergency alerts "
            "and health notices they cannot read. The alerts arrive only in Korean, and by the time a friend "
            "translates them the testing site or the rule has changed. In June we logged 37 such questions "
            "in two weeks. Foreign residents need the same notices at the same time, in a language they read."
        ),
        theme="digital-inclusion",
        district=None,
        place="서울 전역 (이주민 상담 창구 기록)",
        affected_ko="이주노동자, 유학생 등 한국어가 서툰 이주민",
        affected_en="Migrant workers, foreign students and other migrants with little Korean",
        sdg_targets=("16.10", "3.d"),
        origin="organisation",
        organisation="hangang-neighbourhood-welfare-circle",
        history=(
            Step(
                "proposed",
                "2020-06-22",
                "한강 마을복지 모임이 상담 기록을 바탕으로 영어로 먼저 써서 제안했습니다.",
                "Proposed by Hangang Neighbourhood Welfare Circle from its help-desk log, written in English "
                "first.",
            ),
        ),
    ),
    Agenda(
        key="booking-sites-screen-readers",
        title_ko="화면 낭독기로는 예약할 수 없는 공공시설 예약 사이트",
        title_en="Screen-reader users cannot book public facilities online",
        description_ko=(
            "시각장애인 회원 10명이 서울의 공공시설 예약 사이트 다섯 곳에서 체육관과 회의실 예약을 직접 "
            "해 보았습니다. 다섯 곳 모두 달력에서 날짜를 고르는 단계에서 화면 낭독기가 아무것도 읽어 주지 "
            "않아, 예약을 끝낸 사람은 한 명뿐이었습니다. 전화 예약은 업무 시간에만 되고 온라인 선착순에서 "
            "밀립니다. 예약 화면을 함께 점검하고 고칠 방법이 필요합니다."
        ),
        description_en=(
            "Ten blind members of our cooperative tried to book a gym or a meeting room on five public "
            "booking sites in Seoul. On all five, the screen reader read nothing at the step where a date is "
            "picked from a calendar, and only one person managed to finish a booking. Phone bookings work "
            "only in office hours and lose out to the online first-come queue. The booking pages need to be "
            "tested and fixed together with the people who use them."
        ),
        theme="digital-inclusion",
        district="광진구",
        place="광진구 자양동",
        affected_ko="화면 낭독기를 쓰는 시각장애인",
        affected_en="Blind and partially sighted people who use screen readers",
        sdg_targets=("10.2", "9.c"),
        origin="organisation",
        organisation="seongmisan-independent-living-cooperative",
        history=(
            Step(
                "proposed",
                "2020-08-03",
                "성미산 자립생활 협동조합이 제안했습니다.",
                "Proposed by Seongmisan Independent Living Cooperative.",
            ),
            Step(
                "under_review",
                "2020-09-07",
                "사이트를 운영하는 기관을 정리하며 검토합니다.",
                "Under review while we list the bodies that run the sites.",
            ),
        ),
    ),
)

AGENDAS_BY_KEY = {agenda.key: agenda for agenda in AGENDAS}


def state_on(agenda, day):
    """The agenda's state at the end of ``day`` (an ISO date), or None before it was proposed."""
    state = None
    for step in agenda.history:
        if step.on > day:
            break
        state = step.to_state
    return state
