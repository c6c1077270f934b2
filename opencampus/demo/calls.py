"""Demo calls: the 2020 pilot of the top innovator course (with its applications) and an
open call for the citizen innovator course, so the applicant portal has something to show."""

import random
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from opencampus.calls.models import (
    Answer,
    Application,
    AssignmentOverride,
    Call,
    Criterion,
    EligibilityRule,
    FormVersion,
    Question,
    Review,
    ReviewPhase,
    Score,
    Section,
    SelectionQuota,
)
from opencampus.calls.services.assignment import run_assignment
from opencampus.people.models import CampusRole, Membership, Profile, User

from .specs import demo_email
from .sync import sync

SEOUL = ZoneInfo("Asia/Seoul")
FIELDS = [
    ("environment", "환경", "Environment"),
    ("manufacturing", "제조", "Manufacturing"),
    ("investment", "투자", "Investment"),
    ("digital", "디지털", "Digital"),
]
REGIONS = [
    ("seoul", "서울", "Seoul"),
    ("gyeonggi", "경기", "Gyeonggi"),
    ("other", "그 밖의 지역", "Elsewhere"),
]
PILOT_APPLICANTS = 90
LAB_APPLICANTS = 40
MOTIVATIONS = [
    "동네 상점과 함께 일회용품 없는 장보기 실험을 하고 싶습니다.",
    "재생에너지 협동조합의 시민 참여 모델을 다른 지역으로 넓히고 싶습니다.",
    "음식물 쓰레기를 줄이는 공유 냉장고 네트워크를 운영해 왔습니다.",
    "제조 기술로 수리 문화를 되살리는 팹랩 프로그램을 기획하고 있습니다.",
    "사회적 금융으로 지역 문제 해결 프로젝트에 투자하는 방법을 배우고 싶습니다.",
    "공공데이터로 돌봄 사각지대를 찾는 디지털 도구를 만들고 있습니다.",
]


def seoul_time(*args):
    return datetime(*args, tzinfo=SEOUL)


def choices(options):
    return [{"value": value, "label_ko": ko, "label_en": en} for value, ko, en in options]


CALLS = [
    {
        "slug": "top-innovator-pilot-2020",
        "kind": Call.Kind.COHORT,
        "title_ko": "2020 최고 혁신가 과정 시범 과정 참여자 모집",
        "title_en": "2020 top innovator course: pilot cohort call",
        "description_ko": (
            "글로벌 사회혁신 오픈캠퍼스의 최고 혁신가 과정 시범 과정(2020년 8~11월, 16주, "
            "서울혁신파크)에 참여할 사회혁신가 약 30명을 모집합니다. "
            "강의·워크숍·현장 실험과 워킹그룹 협업 실험으로 진행합니다."
        ),
        "description_en": (
            "The Global Social Innovation Open Campus recruits about 30 social innovators for the pilot "
            "of its top innovator course (August to November 2020, 16 weeks at Seoul Innovation Park): "
            "lectures, workshops, field experiments and collaborative experiments in working groups."
        ),
        "target_ko": "최고 혁신가 과정 2020 시범 기수",
        "target_en": "Top innovator course, 2020 pilot cohort",
        "opens_at": seoul_time(2020, 6, 15, 9),
        "closes_at": seoul_time(2020, 7, 15, 18),
        "allow_individuals": True,
        "allow_organisations": True,
        "places": 30,
        "is_published": True,
    },
    {
        "slug": "social-innovation-lab-2027",
        "kind": Call.Kind.RESIDENCY,
        "title_ko": "2027 사회혁신랩 입주 단체 모집",
        "title_en": "2027 Social Innovation Lab residency",
        "description_ko": (
            "사회혁신랩에 입주해 에너지, 쓰레기, 먹거리 문제를 실험할 혁신 그룹 19곳을 모집합니다. "
            "입주단체가 대표자를 통해 지원합니다."
        ),
        "description_en": (
            "Nineteen innovation groups move into the Social Innovation Lab to experiment on energy, "
            "waste and food. Organisations apply through their representative."
        ),
        "target_ko": "사회혁신랩 2027년 입주",
        "target_en": "Social Innovation Lab, 2027 residents",
        "opens_at": seoul_time(2026, 10, 1, 9),
        "closes_at": seoul_time(2026, 11, 10, 18),
        "allow_individuals": False,
        "allow_organisations": True,
        "places": 19,
        "is_published": True,
    },
    {
        "slug": "citizen-innovator-2027",
        "kind": Call.Kind.COHORT,
        "title_ko": "2027 시민 혁신가 과정 참여자 모집",
        "title_en": "2027 citizen innovator course: call for participants",
        "description_ko": (
            "우리 동네의 사회문제를 함께 풀어 갈 시민을 모집합니다. 에너지, 쓰레기, 먹거리 문제를 "
            "시민의 눈으로 발견하고 해결책을 실험합니다."
        ),
        "description_en": (
            "We are looking for citizens who want to solve their neighbourhood's social problems together: "
            "find energy, waste and food problems with a citizen's eye and try out solutions."
        ),
        "target_ko": "시민 혁신가 과정 2027년 기수",
        "target_en": "Citizen innovator course, 2027 cohort",
        "opens_at": seoul_time(2026, 11, 1, 9),
        "closes_at": seoul_time(2027, 1, 15, 18),
        "allow_individuals": True,
        "allow_organisations": False,
        "places": 60,
        "is_published": True,
    },
]

SECTIONS = [
    (0, "지원자 정보", "About you"),
    (1, "제안", "Your proposal"),
]
QUESTIONS = [
    # section, key, kind, label_ko, label_en, extra
    (0, "field", "single_choice", "주요 분야", "Main field", {"required": True, "choices": choices(FIELDS)}),
    (
        0,
        "region",
        "single_choice",
        "활동 지역",
        "Where you work",
        {"required": True, "choices": choices(REGIONS)},
    ),
    (
        0,
        "years",
        "number",
        "사회혁신 활동 경력(년)",
        "Years of social-innovation work",
        {"required": True, "min_value": 0, "max_value": 60},
    ),
    (
        1,
        "motivation",
        "long_text",
        "풀고 싶은 사회문제와 지원 동기",
        "The social problem you want to solve, and why",
        {"required": True, "min_length": 20, "max_length": 2000},
    ),
    (
        1,
        "proposal",
        "file",
        "제안서(선택)",
        "Proposal (optional)",
        {"allowed_extensions": ["pdf", "docx", "hwp"], "max_file_mb": 10},
    ),
    (
        1,
        "consent",
        "consent",
        "심사를 위해 제출한 정보를 이용하는 데 동의합니다.",
        "I agree that the campus uses what I submit to review my application.",
        {"required": True},
    ),
]


def load(context):
    campus = context.campuses["seoul"]
    tally = context.tally
    calls = sync(
        Call.objects.filter(campus=campus),
        [Call(campus=campus, **spec) for spec in CALLS],
        key=("campus_id", "slug"),
        fields=[name for name in CALLS[0] if name != "slug"],
        tally=tally,
    )
    for spec in CALLS:
        call = calls[(campus.pk, spec["slug"])]
        questions = load_form(call, tally)
        if spec["slug"] == "top-innovator-pilot-2020":
            emails = [demo_email(f"member{number:04d}") for number in range(1, PILOT_APPLICANTS + 1)]
            applicants = [(user, None) for user in User.objects.filter(email__in=emails).order_by("email")]
            load_applications(call, questions, tally, applicants=applicants, seed=2020)
            load_review(call, context, phase=PILOT_PHASE, quotas=PILOT_QUOTAS, pins_for_demo_reviewer=0)
        elif spec["slug"] == "social-innovation-lab-2027":
            representatives = (
                Membership.objects.filter(campus=campus, role="representative", organisation__kind="resident")
                .select_related("user")
                .order_by("organisation__slug")[:LAB_APPLICANTS]
            )
            applicants = [(membership.user, membership.organisation_id) for membership in representatives]
            load_applications(call, questions, tally, applicants=applicants, seed=2026)
            load_review(call, context, phase=LAB_PHASE, quotas=(), pins_for_demo_reviewer=5)


def load_form(call, tally):
    forms = sync(
        FormVersion.objects.filter(call=call),
        [FormVersion(campus=call.campus, call=call, number=1)],
        key=("call_id", "number"),
        fields=[],
        tally=tally,
    )
    form = forms[(call.pk, 1)]
    sections = sync(
        Section.objects.filter(form=form),
        [
            Section(campus=call.campus, form=form, position=pos, title_ko=ko, title_en=en)
            for pos, ko, en in SECTIONS
        ],
        key=("form_id", "position"),
        fields=["title_ko", "title_en"],
        tally=tally,
    )
    rows = [
        Question(
            campus=call.campus,
            form=form,
            section=sections[(form.pk, section)],
            position=position,
            key=key,
            kind=kind,
            label_ko=ko,
            label_en=en,
            **extra,
        )
        for position, (section, key, kind, ko, en, extra) in enumerate(QUESTIONS)
    ]
    questions = sync(
        Question.objects.filter(form=form),
        rows,
        key=("form_id", "key"),
        fields=["section_id", "position", "kind", "label_ko", "label_en", "required", "choices"],
        tally=tally,
    )
    sync(
        EligibilityRule.objects.filter(call=call),
        [
            EligibilityRule(
                campus=call.campus,
                call=call,
                kind=EligibilityRule.Kind.NUMBER_RANGE,
                question_key="years",
                minimum=2,
                message_ko="사회혁신 활동 경력이 2년 이상이어야 합니다.",
                message_en="At least two years of social-innovation work are required.",
            )
        ],
        key=("call_id", "question_key"),
        fields=["kind", "minimum", "message_ko", "message_en"],
        tally=tally,
    )
    return {key: question for (_, key), question in questions.items()}


def load_applications(call, questions, tally, *, applicants, seed):
    """Submitted applications of ``applicants`` (``(user, organisation id or None)``) with answers."""
    rng = random.Random(seed)
    rule = call.eligibility_rules.get(question_key="years")
    hours = int((call.closes_at - call.opens_at).total_seconds() // 3600)
    plans = []
    for applicant, organisation_id in applicants:
        years = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15])
        submitted = call.opens_at + timezone.timedelta(hours=rng.randrange(1, hours))
        plans.append((applicant, organisation_id, years, submitted))
    applications = sync(
        Application.objects.filter(call=call),
        [
            Application(
                campus=call.campus,
                call=call,
                form=questions["field"].form,
                applicant=applicant,
                organisation_id=organisation_id,
                state=Application.State.SUBMITTED if years >= 2 else Application.State.INELIGIBLE,
                submitted_at=submitted,
                eligibility=[{"rule": rule.pk, "passed": years >= 2, "message": rule.message_ko}],
            )
            for applicant, organisation_id, years, submitted in plans
        ],
        key=("call_id", "applicant_id"),
        fields=[],
        tally=tally,
    )
    answers = []
    for applicant, _organisation_id, years, _submitted in plans:
        application = applications[(call.pk, applicant.pk)]
        values = {
            "field": rng.choice(FIELDS)[0],
            "region": rng.choices([region[0] for region in REGIONS], weights=[6, 3, 1])[0],
            "years": years,
            "motivation": rng.choice(MOTIVATIONS),
            "consent": True,
        }
        answers += [
            Answer(campus=call.campus, application=application, question=questions[key], value=value)
            for key, value in values.items()
        ]
    sync(
        Answer.objects.filter(application__call=call),
        answers,
        key=("application_id", "question_id"),
        fields=[],
        tally=tally,
    )


PILOT_PHASE = (seoul_time(2020, 7, 16, 9), seoul_time(2020, 7, 31, 18))
LAB_PHASE = (seoul_time(2026, 11, 16, 9), seoul_time(2026, 12, 18, 18))
# The mentor network's four fields each bring at least five innovators; Seoul at most 20.
PILOT_QUOTAS = [("field", value, 5, None) for value, _ko, _en in FIELDS] + [("region", "seoul", None, 20)]

CRITERIA = [
    (
        "사회적 영향",
        "Social impact",
        "문제의 크기와 해결했을 때의 변화",
        "How big the problem is and what solving it changes",
        2,
    ),
    ("실현 가능성", "Feasibility", "계획, 경험, 자원", "Plan, experience and resources", 1),
    (
        "협업 역량",
        "Collaboration",
        "워킹그룹에서 함께 실험할 수 있는가",
        "Can they experiment together in a working group",
        1,
    ),
]
REVIEWER_FIELDS = ["environment", "manufacturing", "investment", "digital"] * 3
REVIEWER_NAMES = [
    ("김나래", "Narae Kim"),
    ("이준호", "Junho Lee"),
    ("박소율", "Soyul Park"),
    ("정민수", "Minsu Jung"),
    ("최하은", "Haeun Choi"),
    ("조성우", "Seongwoo Jo"),
    ("강예린", "Yerin Kang"),
    ("윤재원", "Jaewon Yoon"),
    ("장서진", "Seojin Jang"),
    ("임도현", "Dohyun Lim"),
    ("한지유", "Jiyu Han"),
    ("오태민", "Taemin Oh"),
]


def load_review(call, context, *, phase, quotas, pins_for_demo_reviewer):
    """A blind review phase, the rubric, the committee of 12 generated reviewers and their scores.

    The demo reviewer's own reviews stay open so that a visitor can try the review form (in the
    Lab call, whose phase is open now).
    """
    campus, tally = call.campus, context.tally
    starts_at, ends_at = phase
    sync(
        ReviewPhase.objects.filter(call=call),
        [
            ReviewPhase(
                campus=campus,
                call=call,
                name_ko="서류 심사",
                name_en="Written review",
                starts_at=starts_at,
                ends_at=ends_at,
                is_blind=True,
                reviews_per_application=3,
            )
        ],
        key=("call_id", "name_en"),
        fields=["name_ko", "starts_at", "ends_at", "is_blind", "reviews_per_application"],
        tally=tally,
    )
    criteria = sync(
        Criterion.objects.filter(call=call),
        [
            Criterion(
                campus=campus,
                call=call,
                position=position,
                name_ko=ko,
                name_en=en,
                guidance_ko=guide_ko,
                guidance_en=guide_en,
                weight=weight,
                scale_min=1,
                scale_max=5,
            )
            for position, (ko, en, guide_ko, guide_en, weight) in enumerate(CRITERIA)
        ],
        key=("call_id", "position"),
        fields=["name_ko", "name_en", "guidance_ko", "guidance_en", "weight"],
        tally=tally,
    )
    sync(
        SelectionQuota.objects.filter(call=call),
        [
            SelectionQuota(campus=campus, call=call, question_key=key, value=value, minimum=low, maximum=high)
            for key, value, low, high in quotas
        ],
        key=("call_id", "question_key", "value"),
        fields=["minimum", "maximum"],
        tally=tally,
    )
    reviewers = load_reviewers(campus, tally)
    # A few applications are pinned to the demo reviewer's login, for visitors to review.
    demo_reviewer = User.objects.get(email=demo_email("reviewer"))
    pinned = Application.objects.filter(call=call, state=Application.State.SUBMITTED).order_by("pk")
    sync(
        AssignmentOverride.objects.filter(application__call=call, reviewer=demo_reviewer),
        [
            AssignmentOverride(campus=campus, application=application, reviewer=demo_reviewer, kind="pin")
            for application in pinned[:pins_for_demo_reviewer]
        ],
        key=("application_id", "reviewer_id"),
        fields=["kind"],
        tally=tally,
    )
    if Review.objects.filter(application__call=call).exists():
        return
    run_assignment(call=call, actor=None, reviews_per_application=3)
    score_reviews(call, list(criteria.values()), reviewers, tally)


def load_reviewers(campus, tally):
    emails = [demo_email(f"reviewer{number:02d}") for number in range(1, len(REVIEWER_NAMES) + 1)]
    users = sync(
        User.objects.filter(email__in=emails),
        [
            User(email=email, name_ko=ko, name_en=en, password="!demo-reviewer-cannot-log-in")
            for email, (ko, en) in zip(emails, REVIEWER_NAMES, strict=True)
        ],
        key=("email",),
        fields=["name_ko", "name_en"],
        tally=tally,
    )
    reviewers = [users[(email,)] for email in emails]
    sync(
        Profile.objects.filter(user__in=reviewers),
        [
            Profile(user=reviewer, expertise=field, languages=["ko"])
            for reviewer, field in zip(reviewers, REVIEWER_FIELDS, strict=True)
        ],
        key=("user_id",),
        fields=["expertise"],
        tally=tally,
    )
    sync(
        CampusRole.objects.filter(campus=campus, user__in=reviewers),
        [CampusRole(campus=campus, user=reviewer, role=CampusRole.Role.REVIEWER) for reviewer in reviewers],
        key=("campus_id", "user_id", "role"),
        fields=[],
        tally=tally,
    )
    return reviewers


def score_reviews(call, criteria, reviewers, tally):
    """Scores from a hidden merit per application plus each reviewer's harshness and noise."""
    rng = random.Random(call.slug)
    phase = call.review_phases.get()
    # Within the phase's first week, so that the open Lab phase holds no reviews from the future.
    days = max(1, min((phase.ends_at - phase.starts_at).days - 1, 6))
    bias = {reviewer.pk: rng.choice([-1.0, -0.5, 0.0, 0.0, 0.5, 1.0]) for reviewer in reviewers}
    merit = {}
    reviews = Review.objects.filter(application__call=call, reviewer__in=reviewers).order_by("pk")
    scores = []
    for review in reviews:
        merit.setdefault(review.application_id, rng.gauss(0, 1))
        for criterion in criteria:
            value = 3 + merit[review.application_id] + bias[review.reviewer_id] + rng.gauss(0, 0.5)
            scores.append(
                Score(
                    campus=call.campus, review=review, criterion=criterion, value=min(5, max(1, round(value)))
                )
            )
        review.submitted_at = phase.starts_at + timezone.timedelta(
            days=rng.randrange(days), hours=rng.randrange(8)
        )
    Review.objects.bulk_update(reviews, ["submitted_at"])
    Score.objects.bulk_create(scores)
    tally.created[Score._meta.label] += len(scores)
