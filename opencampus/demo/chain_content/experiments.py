"""The 2nd phase's four major experiment projects (invented for the demo: the article does not name them)."""

from dataclasses import dataclass
from typing import NamedTuple


class Milestone(NamedTuple):
    title_ko: str
    title_en: str
    weight: int  # 1 to 5
    progress: int  # percent
    due_on: str


class Update(NamedTuple):
    on: str
    body_ko: str
    body_en: str


@dataclass(frozen=True, kw_only=True)
class FieldSite:
    name_ko: str
    name_en: str
    kind: str  # "local_site" | "resident" | "partner"
    district: str | None
    address: str
    organisation: str | None = None  # for a resident or partner site


@dataclass(frozen=True, kw_only=True)
class Experiment:
    key: str
    title_ko: str
    title_en: str
    theme: str
    agenda: str
    site: FieldSite
    organisation: str | None = None  # the team; None when a working group runs it
    starts_on: str
    ends_on: str
    budget: int
    status: str  # "running" | "completed" as of AS_OF
    hypothesis_ko: str
    hypothesis_en: str
    method_ko: str
    method_en: str
    milestones: tuple[Milestone, ...]
    updates: tuple[Update, ...]
    results_ko: str = ""
    results_en: str = ""
    lessons_ko: str = ""
    lessons_en: str = ""


PARK_ADDRESS = "서울특별시 은평구 통일로 684 서울혁신파크"

# The operating-vision article names four major experiment projects but not what they are: these four
# (energy, waste, food, urban regeneration with Fab City) are invented for the demo.
MAJOR_EXPERIMENTS = (
    Experiment(
        key="energy-alley",
        title_ko="녹번동 에너지 자립 골목",
        title_en="Nokbeon-dong energy self-reliant alley",
        theme="energy",
        agenda="old-house-heating",
        site=FieldSite(
            name_ko="녹번동 언덕 주택가",
            name_en="The hillside houses of Nokbeon-dong",
            kind="local_site",
            district="은평구",
            address="서울특별시 은평구 녹번동 일대",
        ),
        organisation="everyones-energy-institute",
        starts_on="2018-09-03",
        ends_on="2020-01-31",
        budget=240_000_000,
        status="completed",
        hypothesis_ko=(
            "세입자와 집주인이 비용을 나누는 간단한 단열 개선(창호 단열 필름, 문풍지, 내단열 보드)과 "
            "베란다 미니태양광, 이웃이 함께 보는 에너지 사용 기록을 묶으면, 노후 다세대주택 40가구의 "
            "겨울 가스 사용량을 한 해 만에 15% 넘게 줄일 수 있다."
        ),
        hypothesis_en=(
            "If simple insulation whose cost tenants and owners share (window film, draught strips, inner "
            "insulation boards), balcony mini-solar panels and an energy log neighbours look at together "
            "are combined, 40 households in old multi-family houses can cut their winter gas use by more "
            "than 15% within a year."
        ),
        method_ko=(
            "40가구를 모아 2018년 겨울 가스·전기 사용량을 기준값으로 기록하고, 2019년 봄부터 가을까지 "
            "가구별 단열 개선과 미니태양광 설치를 했습니다. 집주인에게는 비용의 30%만 부담하고 세입자의 "
            "2년 거주를 약속하는 “상생 협약”을 제안했습니다. 2019년 겨울 사용량을 같은 달끼리 비교하고, "
            "날씨 차이는 난방도일로 보정했습니다."
        ),
        method_en=(
            "We recruited 40 households, recorded their gas and electricity use in winter 2018 as a "
            "baseline, and from spring to autumn 2019 insulated each home and fitted mini-solar panels. "
            "Owners were offered a “fair-tenancy agreement”: they paid 30% of the cost and promised the "
            "tenant two more years. We compared use in the same months of winter 2019, adjusting for "
            "weather with heating degree-days."
        ),
        milestones=(
            Milestone(
                "참여 가구 모집과 상생 협약",
                "Recruit households and sign fair-tenancy agreements",
                2,
                100,
                "2018-11-30",
            ),
            Milestone(
                "겨울 사용량 기준값 기록", "Record a winter baseline of energy use", 2, 100, "2019-03-15"
            ),
            Milestone(
                "단열 개선과 미니태양광 설치",
                "Insulate homes and fit balcony mini-solar panels",
                5,
                100,
                "2019-09-30",
            ),
            Milestone(
                "두 번째 겨울 비교 측정", "Measure the second winter for comparison", 3, 100, "2020-01-15"
            ),
            Milestone(
                "결과 공유회와 집수리 모임 인계",
                "Share results and hand over to the home-repair circle",
                1,
                100,
                "2020-01-31",
            ),
        ),
        updates=(
            Update(
                "2018-10-15",
                "참여를 신청한 52가구 가운데 집주인 동의를 받은 40가구로 확정했습니다. 동의를 받지 못한 "
                "12가구에는 문풍지와 단열 필름만 나눠 드렸습니다.",
                "Of the 52 households that applied, the 40 whose owners agreed are in. The other 12 received "
                "draught strips and window film only.",
            ),
            Update(
                "2019-02-25",
                "기준값 기록을 마쳤습니다. 1월 가스 사용량은 가구당 평균 142㎥였습니다.",
                "The baseline is done: in January the households used 142 m³ of gas each on average.",
            ),
            Update(
                "2019-06-10",
                "1차로 18가구의 단열 공사를 마쳤습니다. 미니태양광은 베란다 방향 때문에 40가구 가운데 "
                "26가구에만 달 수 있습니다.",
                "The first 18 homes are insulated. Because of which way the balconies face, only 26 of the "
                "40 homes can take a mini-solar panel.",
            ),
            Update(
                "2019-10-07",
                "나머지 22가구 공사를 마쳤습니다. 입주단체인 일본 비전화공방 서울사무소와 전기 없이 쓰는 "
                "보온 조리 상자 만들기 워크숍을 열었습니다.",
                "The remaining 22 homes are done. With the resident Non-Electric Workshop Seoul office we "
                "ran a workshop on building a heat-retaining cooking box that needs no electricity.",
            ),
            Update(
                "2020-01-20",
                "11~12월 사용량을 비교했습니다. 난방도일로 보정한 가스 사용량이 평균 19% 줄었고, 결로가 "
                "생기는 집은 31곳에서 9곳으로 줄었습니다.",
                "November and December compared: weather-adjusted gas use fell 19% on average, and homes "
                "with condensation went from 31 to 9.",
            ),
        ),
        results_ko=(
            "40가구의 11~12월 가스 사용량(난방도일 보정)이 한 해 전 같은 달보다 평균 19% 줄었고, 결로와 "
            "곰팡이를 겪는 집은 31곳에서 9곳이 됐습니다. 미니태양광 26대는 한 대에 한 달 평균 약 25kWh를 "
            "만들었습니다."
        ),
        results_en=(
            "The 40 households' weather-adjusted gas use in November and December fell 19% on average "
            "against the same months a year earlier, and homes with condensation or mould went from 31 to "
            "9. The 26 mini-solar panels produced about 25 kWh a month each."
        ),
        lessons_ko=(
            "집주인의 동의가 가장 큰 관문이었습니다. 비용 일부 부담과 거주 기간 약속을 묶은 상생 협약이 "
            "통했지만, 협약을 거절한 집이 가장 낡은 집들이었습니다. 두 달 비교로는 부족해 다음 겨울 "
            "전체를 집수리 모임과 함께 다시 재기로 했습니다."
        ),
        lessons_en=(
            "Owners' consent was the biggest hurdle. The fair-tenancy agreement, tying a share of the cost "
            "to a promise of tenure, worked, but the owners who refused had the oldest houses. Two months "
            "of comparison are not enough, so the home-repair circle will measure the whole of next winter."
        ),
    ),
    Experiment(
        key="clean-recycling",
        title_ko="깨끗한 분리배출 아파트",
        title_en="Clean recycling apartments",
        theme="waste",
        agenda="apartment-recycling-contamination",
        site=FieldSite(
            name_ko="응암동·녹번동 참여 아파트 여섯 개 단지",
            name_en="Six participating apartment complexes in Eungam-dong and Nokbeon-dong",
            kind="local_site",
            district="은평구",
            address="서울특별시 은평구 응암동·녹번동",
        ),
        organisation="new-resource-circulation-institute",
        starts_on="2019-04-01",
        ends_on="2020-06-30",
        budget=150_000_000,
        status="completed",
        hypothesis_ko=(
            "분리배출 날 주민 “자원 지킴이”가 한 시간씩 곁에서 안내하고 투명 페트병·비닐·스티로폼 전용 "
            "수거함을 따로 두면, 여섯 개 단지 재활용품의 이물질 비율을 절반으로 줄이고 선별장에서 "
            "되돌아오는 양을 줄일 수 있다."
        ),
        hypothesis_en=(
            "If resident “resource keepers” stand by the bins for an hour on collection days and clear PET "
            "bottles, film and polystyrene get bins of their own, contamination in the six complexes' "
            "recycling halves and less is sent back from the sorting plant."
        ),
        method_ko=(
            "여섯 개 단지의 분리배출 날 재활용품을 매달 한 번 표본 조사(단지별 마대 10개)해 이물질 "
            "비율을 쟀습니다. 주민 자원 지킴이 48명을 양성해 배출 시간에 안내하게 했고, 투명 페트병 전용 "
            "수거함을 설치했습니다. 수거 업체가 선별장에서 되돌려 받은 양을 전년 같은 기간과 비교했습니다."
        ),
        method_en=(
            "Once a month we sampled the recycling on collection day (ten sacks per complex) and measured "
            "the share of contamination. We trained 48 resident resource keepers to guide neighbours at the "
            "bins and installed dedicated bins for clear PET bottles. We compared what the sorting plant "
            "sent back to the collector with the same period a year earlier."
        ),
        milestones=(
            Milestone(
                "관리사무소·입주자대표회의와 협약",
                "Agreements with management offices and residents' councils",
                1,
                100,
                "2019-05-31",
            ),
            Milestone("자원 지킴이 48명 양성", "Train 48 resource keepers", 2, 100, "2019-07-31"),
            Milestone("전용 수거함 설치와 안내", "Install dedicated bins and signs", 3, 100, "2019-09-30"),
            Milestone("매달 이물질 표본 조사", "Monthly contamination sampling", 3, 100, "2020-05-29"),
            Milestone(
                "결과 보고와 관리규약 반영",
                "Report and write the practice into complex rules",
                2,
                100,
                "2020-06-30",
            ),
        ),
        updates=(
            Update(
                "2019-05-20",
                "여섯 개 단지 입주자대표회의가 모두 참여를 의결했습니다. 첫 표본 조사에서 마대 60개의 "
                "이물질 비율은 평균 38%였습니다.",
                "All six residents' councils voted to take part. In the first sampling, contamination across "
                "60 sacks averaged 38%.",
            ),
            Update(
                "2019-08-05",
                "자원 지킴이 48명이 교육을 마쳤습니다. 70대 지킴이들이 가장 꾸준히 나옵니다.",
                "48 resource keepers have finished training. The keepers in their seventies turn up most "
                "faithfully.",
            ),
            Update(
                "2019-10-14",
                "투명 페트병 전용 수거함 24개를 설치했습니다. 라벨을 떼지 않은 병이 아직 절반쯤 됩니다.",
                "24 bins for clear PET bottles are in place. About half the bottles still have their labels "
                "on.",
            ),
            Update(
                "2020-02-24",
                "코로나19로 4월까지 지킴이 활동을 멈춥니다. 배달 용기가 늘어 스티로폼 배출량이 눈에 띄게 "
                "늘었습니다.",
                "Because of COVID-19 the keepers pause until April. With more deliveries, noticeably more "
                "polystyrene is being put out.",
            ),
            Update(
                "2020-05-18",
                "지킴이 활동을 다시 시작했습니다. 5월 표본 조사의 이물질 비율은 17%로, 처음의 절반 "
                "아래로 내려갔습니다.",
                "The keepers are back. May's sampling found 17% contamination, under half the starting "
                "level.",
            ),
            Update(
                "2020-06-29",
                "결과 공유회를 열었습니다. 여섯 개 단지 모두 전용 수거함과 지킴이 운영을 관리규약에 넣기로 "
                "했습니다.",
                "At the results meeting all six complexes decided to write the dedicated bins and the "
                "keepers into their rules.",
            ),
        ),
        results_ko=(
            "여섯 개 단지 재활용품의 이물질 비율이 38%(2019년 5월)에서 17%(2020년 5월)로 줄었고, 선별장에서 "
            "되돌아온 양은 전년 같은 기간보다 약 40% 적었습니다. 여섯 개 단지 모두 전용 수거함과 자원 "
            "지킴이 운영을 관리규약에 넣었습니다."
        ),
        results_en=(
            "Contamination in the six complexes' recycling fell from 38% (May 2019) to 17% (May 2020), and "
            "about 40% less was sent back from the sorting plant than in the same period a year earlier. "
            "All six complexes wrote the dedicated bins and the resource keepers into their rules."
        ),
        lessons_ko=(
            "안내판보다 사람이 효과가 컸습니다. 지킴이가 쉬는 동안(2020년 2~4월) 이물질 비율이 다시 "
            "올라, 주민 조직이 이어받지 않으면 효과가 오래가지 않는다는 것을 배웠습니다. 늘어난 배달 "
            "용기는 이 실험만으로 다룰 수 없어 별도 과제로 남겼습니다."
        ),
        lessons_en=(
            "People worked better than signs. While the keepers paused (February to April 2020) "
            "contamination rose again: without a residents' body to carry it on, the effect does not last. "
            "The growth in delivery containers was beyond this experiment and is left as a problem of its "
            "own."
        ),
    ),
    Experiment(
        key="sharing-kitchen",
        title_ko="대조시장 나눔 부엌",
        title_en="Daejo Market sharing kitchen",
        theme="food",
        agenda="market-surplus-food",
        site=FieldSite(
            name_ko="대조시장 나눔 부엌 (빈 점포 임차)",
            name_en="Daejo Market sharing kitchen (a rented empty unit)",
            kind="local_site",
            district="은평구",
            address="서울특별시 은평구 대조동 일대",
        ),
        organisation="little-food-collective",
        starts_on="2020-05-11",
        ends_on="2021-04-30",
        budget=180_000_000,
        status="running",
        hypothesis_ko=(
            "시장 상인이 그날 팔지 못한 채소·두부·반찬 재료를 저녁에 나눔 부엌으로 모으고 주민 요리 "
            "모임이 다음 날 도시락으로 만들면, 버려지는 식재료를 줄이면서 끼니를 거르는 홀몸 어르신과 "
            "1인 가구에게 주 3회 식사를 전할 수 있다."
        ),
        hypothesis_en=(
            "If stallholders bring the vegetables, tofu and side-dish ingredients they could not sell to a "
            "sharing kitchen in the evening, and a residents' cooking group turns them into packed lunches "
            "the next day, less food is thrown away and older people and others living alone who skip "
            "meals get three meals a week."
        ),
        method_ko=(
            "참여 점포 20곳이 저녁마다 남은 식재료의 무게와 종류를 기록하고, 부엌에서는 도시락으로 쓰인 "
            "양과 버려진 양을 나눠 적습니다. 도시락은 주민센터가 추천한 이웃에게 화·목·토요일에 배달하고, "
            "한 달에 한 번 받는 분들의 이야기를 듣습니다. 식품 위생 교육을 받은 주민 요리 모임 12명이 "
            "조리합니다."
        ),
        method_en=(
            "Each evening the 20 participating stalls log the weight and kind of what is left; the kitchen "
            "records what went into lunches and what was discarded. Lunches go out on Tuesdays, Thursdays "
            "and Saturdays to neighbours the community centre recommends, and once a month we hear from "
            "them. A residents' cooking group of 12, trained in food hygiene, does the cooking."
        ),
        milestones=(
            Milestone(
                "상인회 협약과 참여 점포 모집",
                "Agreement with the traders and recruitment of stalls",
                2,
                100,
                "2020-05-29",
            ),
            Milestone(
                "부엌 위생 설비와 식품 안전 교육",
                "Kitchen hygiene fit-out and food-safety training",
                2,
                100,
                "2020-06-30",
            ),
            Milestone("도시락 주 3회 운영 시작", "Start three lunch deliveries a week", 3, 100, "2020-07-31"),
            Milestone("식재료 기록 6개월 분석", "Analyse six months of produce records", 3, 40, "2021-01-29"),
            Milestone(
                "운영 주체 전환 (협동조합 설립)", "Hand over to a new cooperative", 4, 10, "2021-04-30"
            ),
        ),
        updates=(
            Update(
                "2020-05-11",
                "코로나19로 두 달 늦게 시작합니다. 대조시장 상인회와 협약을 맺었고 점포 20곳이 참여합니다.",
                "Starting two months late because of COVID-19. We signed an agreement with the Daejo Market "
                "traders and 20 stalls are taking part.",
            ),
            Update(
                "2020-06-29",
                "요리 모임 12명이 식품 위생 교육을 마쳤습니다. 방역 지침 때문에 함께 먹는 식당 대신 "
                "도시락으로 운영합니다.",
                "The 12 cooks have finished food-hygiene training. Because of the COVID-19 rules we deliver "
                "lunches instead of running a shared dining room.",
            ),
            Update(
                "2020-07-20",
                "첫 주에 도시락 96개를 배달했습니다. 남은 식재료는 하루 평균 31kg이 모였습니다.",
                "In the first week we delivered 96 lunches. Leftover produce averaged 31 kg a day.",
            ),
            Update(
                "2020-09-14",
                "장마철에는 잎채소가 빨리 상해 모은 식재료의 18%를 퇴비로 돌렸습니다. 저녁 6시 수거를 "
                "오후 4시로 앞당겨 봅니다.",
                "In the rainy season leafy vegetables spoiled quickly and 18% of what we collected went to "
                "compost. We are trying a 4 pm collection instead of 6 pm.",
            ),
            Update(
                "2020-11-09",
                "수거 시간을 앞당긴 뒤 퇴비로 가는 비율이 9%로 줄었습니다. 도시락을 받는 이웃은 84명입니다.",
                "Since the earlier collection, the share going to compost has dropped to 9%. 84 neighbours "
                "now receive lunches.",
            ),
        ),
    ),
    Experiment(
        key="fab-city-alley",
        title_ko="팹시티 서울: 불광동 동네 제작소",
        title_en="Fab City Seoul: neighbourhood makerspaces in Bulgwang-dong",
        theme="urban-regeneration",
        agenda="vacant-shops-bulgwang",
        site=FieldSite(
            name_ko="서울이노베이션팹랩",
            name_en="Seoul Innovation Fab Lab",
            kind="resident",
            district="은평구",
            address=PARK_ADDRESS,
            organisation="seoul-innovation-fab-lab",
        ),
        organisation="seoul-innovation-fab-lab",
        starts_on="2019-07-01",
        ends_on="2021-06-30",
        budget=300_000_000,
        status="running",
        hypothesis_ko=(
            "불광동 골목의 빈 점포 세 곳을 동네 제작소로 열어 주민이 고장 난 물건을 고치고 폐목재로 "
            "필요한 가구를 만들게 하면, 빈 점포가 다시 사람이 드나드는 곳이 되고 동네에서 버려지는 "
            "나무와 가구가 줄어든다. 팹시티의 “지역에서 만들고 지역에서 쓴다”는 원칙을 골목 단위에서 "
            "시험한다."
        ),
        hypothesis_en=(
            "If three empty shops in the Bulgwang-dong alleys open as neighbourhood makerspaces where "
            "residents repair broken things and build the furniture they need from reclaimed wood, the "
            "shops fill with people again and less wood and furniture is thrown away. It tests Fab City's "
            "principle of making locally what is used locally at the scale of one alley."
        ),
        method_ko=(
            "건물주 세 명과 2년 무상 임대 협약을 맺고, 서울이노베이션팹랩이 장비와 운영 교육을 맡습니다. "
            "제작소마다 방문자 수, 수리·제작 건수, 들어온 폐목재 무게를 기록합니다. 주변 상점 30곳 앞의 "
            "저녁 보행량을 분기마다 세어 제작소가 골목에 미치는 영향을 봅니다. 결과는 팹시티 글로벌 "
            "이니셔티브의 다른 도시들과 나눕니다."
        ),
        method_en=(
            "Three landlords lend their shops rent-free for two years, and the Seoul Innovation Fab Lab "
            "provides the machines and trains the people who run them. Each makerspace records visitors, "
            "repairs and builds, and the weight of reclaimed wood received. Every quarter we count evening "
            "footfall in front of 30 nearby shops to see what the makerspaces do for the alley. Results "
            "are shared with the other cities of the Fab City Global Initiative."
        ),
        milestones=(
            Milestone(
                "빈 점포 세 곳 임대 협약", "Lease agreements for three empty shops", 2, 100, "2019-09-30"
            ),
            Milestone("제작소 1호(수리) 개소", "Open makerspace no. 1 (repair)", 3, 100, "2019-12-20"),
            Milestone(
                "제작소 2·3호(목공·디지털 제작) 개소",
                "Open makerspaces no. 2 and 3 (woodwork, digital fabrication)",
                3,
                100,
                "2020-06-30",
            ),
            Milestone("주민 제작자 30명 양성", "Train 30 resident makers", 3, 60, "2020-12-18"),
            Milestone(
                "분기별 보행량·폐목재 기록 분석",
                "Analyse quarterly footfall and wood records",
                2,
                50,
                "2021-03-31",
            ),
            Milestone(
                "운영을 주민 협동조합에 넘기기",
                "Hand the makerspaces over to a residents' cooperative",
                4,
                0,
                "2021-06-30",
            ),
        ),
        updates=(
            Update(
                "2019-09-23",
                "골목 빈 점포 건물주 세 분과 2년 무상 임대 협약을 맺었습니다. 대신 외관 보수를 우리가 "
                "맡습니다.",
                "Three landlords signed two-year rent-free agreements for their empty shops; in return we "
                "repair the shopfronts.",
            ),
            Update(
                "2019-12-16",
                "제작소 1호(수리)를 열었습니다. 첫 달 수리 의뢰 63건 가운데 절반이 선풍기와 "
                "전기밥솥이었습니다.",
                "Makerspace no. 1 (repair) is open. Half of the first month's 63 repair requests were fans "
                "and rice cookers.",
            ),
            Update(
                "2020-03-30",
                "코로나19로 제작소 1호를 예약제로 바꿨습니다. 2·3호 개소는 6월로 미룹니다.",
                "Because of COVID-19, makerspace no. 1 now works by appointment. Nos. 2 and 3 will open in "
                "June instead.",
            ),
            Update(
                "2020-06-29",
                "제작소 2호(목공)와 3호(디지털 제작)를 열었습니다. 철거 현장에서 나온 폐목재 1.2톤을 "
                "받았습니다.",
                "Makerspaces no. 2 (woodwork) and no. 3 (digital fabrication) are open. We took in 1.2 "
                "tonnes of reclaimed wood from a demolition site.",
            ),
            Update(
                "2020-09-21",
                "주민 제작자 과정 1기 18명이 수료했습니다. 저녁 7시 골목 보행량이 개소 전보다 늘었지만 아직 "
                "한 분기 자료뿐입니다.",
                "The first 18 resident makers have finished the course. Evening footfall at 7 pm is up on "
                "before the openings, but we have only one quarter of data so far.",
            ),
            Update(
                "2020-11-16",
                "팹시티 글로벌 이니셔티브의 온라인 모임에서 골목 제작소 사례를 발표했습니다.",
                "We presented the alley makerspaces at an online meeting of the Fab City Global Initiative.",
            ),
        ),
    ),
)
