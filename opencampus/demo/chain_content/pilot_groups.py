"""The 2020 pilot cohort: the problems offered to it and what its working groups do with them."""

from dataclasses import dataclass
from typing import NamedTuple

from .experiments import PARK_ADDRESS, Experiment, FieldSite, Milestone, Update


class Task(NamedTuple):
    title_ko: str
    title_en: str


class Note(NamedTuple):
    body_ko: str
    body_en: str


@dataclass(frozen=True, kw_only=True)
class GroupWork:
    """What the working group that takes ``agenda`` works on; groups are formed by the solver."""

    agenda: str
    name_ko: str
    name_en: str
    tasks: tuple[Task, ...]
    notes: tuple[Note, ...]
    experiment: Experiment | None = None


PILOT_GROUP_WORK = (
    GroupWork(
        agenda="rooftop-solar",
        name_ko="햇빛 지붕",
        name_en="Sunny Roofs",
        tasks=(
            Task(
                "주민센터 옥상 네 곳 현장 점검 일정 잡기",
                "Schedule site checks of four community-centre roofs",
            ),
            Task("구조 안전 점검 항목 정리", "List what a structural safety check must cover"),
            Task("햇빛발전 협동조합 두 곳 인터뷰", "Interview two solar cooperatives"),
            Task("옥상 임대 절차 흐름도 그리기", "Draw the steps of the roof lease procedure"),
        ),
        notes=(
            Note(
                "첫 회의 메모: 옥상이 비어 있다고 다 쓸 수 있는 건 아닙니다. 방수층 보수 주기와 겹치면 "
                "발전소를 뜯어야 하니, 보수 계획부터 확인합시다.",
                "First meeting: an empty roof is not necessarily a usable one. If the panels clash with the "
                "waterproofing schedule they will have to come off, so let's check the repair plans first.",
            ),
            Note(
                "협동조합 인터뷰에서 사용 허가 기간이 가장 큰 걱정이라고 들었습니다. 투자비를 돌려받으려면 "
                "최소 10년은 필요하다고 합니다.",
                "The cooperatives' biggest worry is the length of the use permit: they say they need at "
                "least ten years to earn back the investment.",
            ),
        ),
        experiment=Experiment(
            key="rooftop-check",
            title_ko="주민센터 옥상 네 곳 햇빛발전 가능성 점검",
            title_en="Checking four community-centre roofs for community solar",
            theme="energy",
            agenda="rooftop-solar",
            site=FieldSite(
                name_ko="은평구 동 주민센터 네 곳",
                name_en="Four community service centres in Eunpyeong-gu",
                kind="local_site",
                district="은평구",
                address="서울특별시 은평구 녹번동·응암동·불광동·갈현동 주민센터",
            ),
            starts_on="2020-09-21",
            ends_on="2020-11-20",
            budget=3_200_000,
            status="running",
            hypothesis_ko=(
                "옥상 네 곳의 구조·방수·그늘·임대 절차를 같은 점검표로 따져 보면, 시민 햇빛발전소를 세울 수 "
                "있는 옥상과 절차가 막히는 단계를 한 학기 안에 가려낼 수 있다."
            ),
            hypothesis_en=(
                "Checking four roofs for structure, waterproofing, shade and lease procedure against one "
                "checklist will show within a term which roofs can host a citizen solar plant and at which "
                "step the procedure gets stuck."
            ),
            method_ko=(
                "구조기술사의 자문을 받아 만든 점검표로 옥상 네 곳을 둘러보고, 하루 동안의 그늘을 시간마다 "
                "사진으로 기록합니다. 주민센터 시설 담당자와 구청 재산 관리 부서를 인터뷰해 임대 절차를 "
                "단계별로 적습니다."
            ),
            method_en=(
                "We visit the four roofs with a checklist drawn up with a structural engineer's advice and "
                "photograph the shade every hour for a day. We interview the centres' facility staff and the "
                "district's property office and write the lease procedure down step by step."
            ),
            milestones=(
                Milestone("점검표 만들기", "Draw up the checklist", 1, 100, "2020-10-02"),
                Milestone("옥상 네 곳 현장 점검", "Check the four roofs on site", 3, 75, "2020-10-30"),
                Milestone("임대 절차 인터뷰", "Interviews on the lease procedure", 2, 80, "2020-11-13"),
                Milestone("결과 발표 자료", "Results presentation", 2, 30, "2020-11-20"),
            ),
            updates=(
                Update(
                    "2020-10-05",
                    "구조기술사의 자문으로 점검표 22개 항목을 정했습니다.",
                    "With a structural engineer's advice we settled on a 22-item checklist.",
                ),
                Update(
                    "2020-10-26",
                    "세 곳을 점검했습니다. 한 곳은 방수층이 낡아 보수가 먼저입니다. 갈현동은 방역 때문에 "
                    "11월로 미뤘습니다.",
                    "Three roofs checked. One needs new waterproofing first. Galhyeon-dong was postponed to "
                    "November because of COVID-19 measures.",
                ),
                Update(
                    "2020-11-16",
                    "인터뷰에서 공유재산 사용 허가 기간이 발전소 투자 회수 기간보다 짧다는 점이 가장 큰 "
                    "걸림돌로 나왔습니다.",
                    "The interviews point to the main obstacle: a permit to use public property runs for "
                    "less time than a solar plant needs to pay back.",
                ),
            ),
        ),
    ),
    GroupWork(
        agenda="delivery-containers",
        name_ko="다시 쓰는 그릇",
        name_en="Bowls Back",
        tasks=(
            Task("참여 식당 다섯 곳 약속 받기", "Get five restaurants to commit"),
            Task("원룸 건물 회수함 위치 정하기", "Choose where the return boxes go in the buildings"),
            Task("세척을 맡을 곳 찾기", "Find someone to do the washing"),
            Task("매일 저녁 회수량 기록표 만들기", "Make a sheet for the evening return counts"),
            Task("식당 사장님 인터뷰 질문 만들기", "Write interview questions for the restaurant owners"),
        ),
        notes=(
            Note(
                "보증금을 받으면 회수율은 오르겠지만 주문이 줄 거라는 식당 걱정이 큽니다. 이번에는 보증금 "
                "없이 해 보고 회수율을 봅시다.",
                "A deposit would raise returns, but the restaurants fear it would cut orders. Let's try "
                "without one this time and watch the return rate.",
            ),
            Note(
                "회수함 위치를 모르는 주민이 많습니다. 배달 봉투에 지도를 넣자는 의견이 나왔습니다.",
                "Many residents do not know where the return boxes are. Someone suggested putting a map in "
                "every delivery bag.",
            ),
        ),
        experiment=Experiment(
            key="reusable-delivery",
            title_ko="신촌 식당 다섯 곳 다회용 배달 용기 시범",
            title_en="Reusable delivery containers with five Sinchon restaurants",
            theme="waste",
            agenda="delivery-containers",
            site=FieldSite(
                name_ko="신촌 대학가 식당 다섯 곳",
                name_en="Five restaurants near the Sinchon universities",
                kind="local_site",
                district="서대문구",
                address="서울특별시 서대문구 창천동 일대",
            ),
            starts_on="2020-10-05",
            ends_on="2020-11-27",
            budget=4_800_000,
            status="running",
            hypothesis_ko=(
                "보증금 없이 건물 1층 회수함에 넣기만 하면 되는 다회용기를 쓰면, 원룸 주민의 70% 넘게가 "
                "용기를 돌려주고 식당의 일회용기 사용이 줄어든다."
            ),
            hypothesis_en=(
                "With reusable containers that need no deposit and are simply dropped in a box on the "
                "ground floor, more than 70% of studio-flat residents return them and the restaurants use "
                "fewer disposables."
            ),
            method_ko=(
                "식당 다섯 곳이 다회용기 300개로 배달하고, 원룸 건물 여덟 곳의 1층에 회수함을 둡니다. "
                "매일 저녁 돌아온 용기를 세어 회수율을 기록하고, 세척은 인근 자활사업단에 맡깁니다. 참여 "
                "식당의 일회용기 구매량을 지난달과 비교합니다."
            ),
            method_en=(
                "Five restaurants deliver in 300 reusable containers, and return boxes stand on the ground "
                "floor of eight studio-flat buildings. Every evening we count the containers that came back "
                "to track the return rate; a nearby self-sufficiency work team does the washing. We compare "
                "the restaurants' purchases of disposables with the previous month."
            ),
            milestones=(
                Milestone("식당 다섯 곳 참여 약속", "Five restaurants commit", 1, 100, "2020-10-09"),
                Milestone("회수함 여덟 곳 설치", "Install eight return boxes", 2, 100, "2020-10-16"),
                Milestone("4주 회수율 기록", "Four weeks of return counts", 3, 75, "2020-11-20"),
                Milestone(
                    "식당 인터뷰와 결과 정리", "Restaurant interviews and write-up", 2, 0, "2020-11-27"
                ),
            ),
            updates=(
                Update(
                    "2020-10-19",
                    "회수함을 모두 설치하고 첫 주에 배달 212건을 보냈습니다.",
                    "All return boxes are in place; 212 deliveries went out in the first week.",
                ),
                Update(
                    "2020-10-26",
                    "첫 주 회수율은 64%입니다. 회수함 위치를 모르는 주민이 많아 배달 봉투에 지도를 넣습니다.",
                    "First-week return rate: 64%. Many residents did not know where the boxes are, so a map "
                    "now goes in every bag.",
                ),
                Update(
                    "2020-11-09",
                    "셋째 주 회수율이 81%로 올랐습니다. 용기 12개는 돌아오지 않았습니다.",
                    "The return rate rose to 81% in week three. Twelve containers have not come back.",
                ),
            ),
        ),
    ),
    GroupWork(
        agenda="senior-kiosks",
        name_ko="키오스크 친구들",
        name_en="Kiosk Buddies",
        tasks=(
            Task("연습 앱 화면 세 가지 그리기", "Sketch the three practice screens"),
            Task("태블릿 대여 순서표 만들기", "Make the tablet lending rota"),
            Task("전화 코칭 대본 쓰기", "Write the phone-coaching script"),
            Task("매장 주문 과제 정하기", "Define the in-shop ordering test"),
        ),
        notes=(
            Note(
                "지난해 연습 교실 강사에게 들으니, 어르신들이 가장 많이 막힌 곳은 “뒤로 가기”와 결제 "
                "화면이었다고 합니다.",
                "Last year's class instructor says older people got stuck most on the “back” button and the "
                "payment screen.",
            ),
            Note(
                "글씨 크기 버튼을 넣자는 의견에 모두 찬성했습니다. 실제 매장 화면에도 이런 버튼이 있는지 "
                "조사해 봅시다.",
                "Everyone agreed to add a text-size button. Let's check whether real shop kiosks have one.",
            ),
        ),
        experiment=Experiment(
            key="kiosk-at-home",
            title_ko="집에서 연습하는 키오스크",
            title_en="Kiosk practice at home",
            theme="digital-inclusion",
            agenda="senior-kiosks",
            site=FieldSite(
                name_ko="북한산 디지털 포용 랩",
                name_en="Bukhansan Digital Inclusion Lab",
                kind="resident",
                district="은평구",
                address=PARK_ADDRESS,
                organisation="bukhansan-digital-inclusion-lab",
            ),
            starts_on="2020-09-28",
            ends_on="2020-11-13",
            budget=2_500_000,
            status="completed",
            hypothesis_ko=(
                "복지관에 모일 수 없는 동안에도, 실제 매장 화면을 닮은 연습용 앱을 태블릿에 담아 빌려드리고 "
                "주 1회 전화로 코칭하면, 어르신들이 4주 안에 혼자 주문을 마칠 수 있다."
            ),
            hypothesis_en=(
                "Even while welfare centres cannot host groups, lending tablets with a practice app that "
                "mimics real shop screens, plus a weekly coaching call, lets older people complete an order "
                "on their own within four weeks."
            ),
            method_ko=(
                "패스트푸드점·카페·영화관 세 가지 주문 화면을 흉내 낸 연습 앱을 만들어 태블릿 10대에 "
                "담았습니다. 어르신 20명이 2주씩 빌려 쓰고, 작업반원이 주 1회 전화로 막힌 곳을 함께 "
                "풀었습니다. 시작과 끝에 실제 매장에서 혼자 주문해 보는 과제로 결과를 확인했습니다."
            ),
            method_en=(
                "We built a practice app mimicking three ordering screens (fast food, café, cinema) and put "
                "it on ten tablets. Twenty older people borrowed one for two weeks each, and group members "
                "phoned weekly to work through where they got stuck. An unaided order in a real shop at the "
                "start and at the end measured the result."
            ),
            milestones=(
                Milestone(
                    "연습 앱 화면 세 가지 만들기", "Build the three practice screens", 2, 100, "2020-10-09"
                ),
                Milestone(
                    "태블릿 대여와 전화 코칭", "Tablet lending and phone coaching", 3, 100, "2020-11-06"
                ),
                Milestone("매장 주문 과제로 확인", "In-shop ordering test", 2, 100, "2020-11-13"),
            ),
            updates=(
                Update(
                    "2020-10-12",
                    "연습 앱 화면 세 가지를 완성했습니다. 글씨를 두 단계 키우는 버튼을 넣었습니다.",
                    "The three practice screens are done, with a button that makes the text two sizes "
                    "larger.",
                ),
                Update(
                    "2020-10-26",
                    "첫 10명이 태블릿을 돌려주었습니다. “뒤로 가기”를 누르면 처음부터 다시 해야 하는 "
                    "화면이 가장 어렵다고 합니다.",
                    "The first ten people have returned their tablets. The hardest screen is the one where "
                    "“back” sends you to the very start.",
                ),
                Update(
                    "2020-11-13",
                    "20명 가운데 14명이 실제 매장에서 혼자 주문을 마쳤습니다. 시작할 때는 3명이었습니다.",
                    "14 of the 20 completed an order on their own in a real shop, against 3 at the start.",
                ),
            ),
            results_ko=(
                "참여 어르신 20명 가운데 혼자 주문을 마친 사람이 3명에서 14명으로 늘었습니다. 연습 앱과 "
                "코칭 대본은 북한산 디지털 포용 랩이 이어서 씁니다."
            ),
            results_en=(
                "Of the 20 older participants, those who could complete an order alone rose from 3 to 14. "
                "The Bukhansan Digital Inclusion Lab keeps using the app and the coaching script."
            ),
            lessons_ko=(
                "화면을 익히는 것보다 뒤에 선 사람들의 눈치가 더 큰 벽이었습니다. 매장에 “천천히 주문하셔도 "
                "됩니다” 안내를 요청하는 일은 이번 실험에서 다루지 못했습니다."
            ),
            lessons_en=(
                "The queue behind them was a bigger barrier than the screens. Asking shops to display “take "
                "your time ordering” was beyond this experiment."
            ),
        ),
    ),
    GroupWork(
        agenda="banjiha-summer-heat",
        name_ko="시원한 반지하",
        name_en="Cool Basements",
        tasks=(
            Task("방문 동의서 만들기", "Draft a consent form for home visits"),
            Task("습도계 20개 빌리기", "Borrow 20 hygrometers"),
            Task("반지하 세입자가 받을 수 있는 주거 지원 정리", "List the housing support open to tenants"),
            Task("돌봄 활동가 인터뷰 질문 만들기", "Write interview questions for the care workers"),
        ),
        notes=(
            Note(
                "방문에서 가장 많이 들은 말은 “창문을 열면 길에서 집 안이 다 보인다”였습니다. 환기와 "
                "사생활을 함께 풀 방법을 찾아야 합니다.",
                "What we heard most on visits: “open the window and the whole street can see in.” We need a "
                "way to solve ventilation and privacy together.",
            ),
            Note(
                "제습기를 드리는 것보다 전기요금 부담이 먼저라는 의견이 많았습니다. 다음 회의에서 에너지 "
                "바우처 자료를 함께 봅시다.",
                "Many said the electricity bill matters more than getting a dehumidifier. Let's go through "
                "the energy-voucher material at the next meeting.",
            ),
        ),
    ),
    GroupWork(
        agenda="vacation-lunch-children",
        name_ko="방학 한 끼",
        name_en="Holiday Lunch",
        tasks=(
            Task("급식카드를 쓸 수 있는 가게 지도 그리기", "Map where the meal cards can be used"),
            Task("지역아동센터 교사 두 분 인터뷰", "Interview two children's-centre teachers"),
            Task("동네 식당 다섯 곳에 참여 의사 묻기", "Ask five local restaurants whether they would join"),
        ),
        notes=(
            Note(
                "아이들은 급식카드를 내미는 것 자체를 부끄러워한다고 합니다. 카드가 드러나지 않는 방식이 "
                "필요합니다.",
                "The children are embarrassed to show the meal card at all. Whatever we do should not make "
                "the card visible.",
            ),
            Note(
                "식당 두 곳이 방학 동안 점심 메뉴 하나를 아이들 값에 맞춰 보겠다고 했습니다.",
                "Two restaurants offered to price one lunch dish to fit the children's card during the "
                "holidays.",
            ),
        ),
    ),
    GroupWork(
        agenda="vacant-houses-jangwi",
        name_ko="빈집 다시 쓰기",
        name_en="Empty Houses, New Uses",
        tasks=(
            Task("빈집 아홉 채 소유자 찾는 방법 정리", "Work out how to trace the owners of the nine houses"),
            Task("빈집 한 채 안전 점검 요청", "Request a safety inspection of one house"),
            Task("주민이 바라는 공간 설문", "Survey what kind of space residents want"),
            Task("다른 도시의 빈집 활용 사례 모으기", "Collect other cities' cases of reusing empty houses"),
        ),
        notes=(
            Note(
                "등기부등본으로 소유자 여섯 명은 확인했지만 세 채는 상속 정리가 안 돼 있습니다.",
                "The land register gave us six owners; three houses are tied up in unsettled inheritances.",
            ),
            Note(
                "주민 설문에서는 어르신 쉼터와 아이들 공부방이 가장 많이 나왔습니다.",
                "In the residents' survey, a rest room for older people and a study room for children came "
                "top.",
            ),
        ),
    ),
    GroupWork(
        agenda="elderly-heatwave-isolation",
        name_ko="더위 안부",
        name_en="Heat Check-ins",
        tasks=(
            Task("안부 전화 대본 만들기", "Write the check-in call script"),
            Task("무더위쉼터 운영 현황 확인", "Find out which cooling shelters are open"),
            Task("선풍기·쿨매트 나눔 후원처 찾기", "Find sponsors for fans and cooling mats"),
            Task("내년 여름 준비 계획 쓰기", "Write a plan for next summer"),
        ),
        notes=(
            Note(
                "전화로 탈수를 알아채려면 “오늘 물을 몇 잔 드셨어요?”처럼 구체적으로 물어야 한다는 간호사 "
                "멘토의 조언을 대본에 넣었습니다.",
                "Our nurse mentor's advice is in the script: to catch dehydration on the phone, ask "
                "something concrete, like “how many glasses of water have you had today?”",
            ),
            Note(
                "11월이라 더위는 지났지만, 같은 안부 체계를 겨울 한파에도 쓸 수 있을지 이야기했습니다.",
                "It is November and the heat is over, but we discussed whether the same check-ins could work "
                "in a winter cold spell.",
            ),
        ),
    ),
)
PILOT_OFFERED_AGENDAS = tuple(work.agenda for work in PILOT_GROUP_WORK)


class TraitValue(NamedTuple):
    value: str  # stored on the participant's trait
    value_en: str
    weight: int  # relative frequency among the 30 participants


TRAIT_VALUES = {
    "sector": (
        TraitValue("비영리", "Non-profit", 9),
        TraitValue("사회적경제", "Social economy", 8),
        TraitValue("기업", "Business", 5),
        TraitValue("공공", "Public sector", 5),
        TraitValue("학계", "Academia", 3),
    ),
    "skill": (
        TraitValue("디자인", "Design", 6),
        TraitValue("데이터", "Data", 5),
        TraitValue("제작", "Fabrication", 4),
        TraitValue("정책", "Policy", 6),
        TraitValue("지역 조직화", "Community organising", 9),
    ),
    # "기타" stays a small minority, so that no-isolation has a person to keep from being alone.
    "gender": (
        TraitValue("여성", "Woman", 16),
        TraitValue("남성", "Man", 12),
        TraitValue("기타", "Another gender", 2),
    ),
    "age": (
        TraitValue("20대", "20s", 7),
        TraitValue("30대", "30s", 11),
        TraitValue("40대", "40s", 8),
        TraitValue("50대 이상", "50 and over", 4),
    ),
}
