"""Deterministic, plausible Korean and English names for generated demo records.

Every function takes the caller's ``random.Random`` so one seed fixes the whole data set.
"""

from django.utils.text import slugify

from .specs import OrganisationSpec

SURNAMES = [
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"),
    ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh"),
    ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"), ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"),
    ("류", "Ryu"), ("홍", "Hong"), ("전", "Jeon"), ("고", "Ko"), ("문", "Moon"), ("배", "Bae"),
]  # fmt: skip
GIVEN_SYLLABLES = [
    ("민", "min"), ("서", "seo"), ("지", "ji"), ("현", "hyun"), ("수", "su"), ("영", "young"),
    ("준", "jun"), ("우", "woo"), ("하", "ha"), ("윤", "yun"), ("은", "eun"), ("도", "do"),
    ("예", "ye"), ("진", "jin"), ("혜", "hye"), ("성", "sung"), ("재", "jae"), ("유", "yu"),
    ("나", "na"), ("연", "yeon"), ("호", "ho"), ("경", "kyung"), ("태", "tae"), ("소", "so"),
    ("다", "da"), ("채", "chae"), ("원", "won"), ("희", "hee"), ("주", "ju"), ("인", "in"),
]  # fmt: skip


def person_name(rng):
    """A Korean name and its romanisation in Western order, e.g. ("김민준", "Min-jun Kim")."""
    surname_ko, surname_en = rng.choice(SURNAMES)
    (first_ko, first_en), (second_ko, second_en) = rng.sample(GIVEN_SYLLABLES, 2)
    return f"{surname_ko}{first_ko}{second_ko}", f"{first_en.capitalize()}-{second_en} {surname_en}"


# Per category: what the organisation works on, and what kind of body it is.
THEMES = {
    "intermediary": [
        ("청년활동", "Youth Activity"), ("마을공동체", "Village Community"),
        ("사회적경제", "Social Economy"), ("공익활동", "Public-Interest Activity"),
        ("시민협력", "Civic Partnership"), ("협치", "Co-governance"),
    ],
    "youth": [
        ("청년", "Youth"), ("청소년", "Teen"), ("청년 창업", "Youth Start-up"),
        ("청년 주거", "Youth Housing"), ("청년 일자리", "Youth Jobs"),
        ("청년 에너지", "Youth Energy"), ("청년 문화", "Youth Culture"),
    ],
    "village": [
        ("마을", "Village"), ("이웃", "Neighbours"), ("공동육아", "Cooperative Childcare"),
        ("마을책방", "Village Bookshop"), ("마을미디어", "Village Media"),
        ("도시재생", "Urban Regeneration"), ("주민자치", "Residents' Self-Government"),
    ],
    "social_economy": [
        ("사회적경제", "Social Economy"), ("공정무역", "Fair Trade"), ("사회주택", "Social Housing"),
        ("사회적금융", "Social Finance"), ("공유경제", "Sharing Economy"),
        ("윤리적 소비", "Ethical Consumption"), ("로컬푸드", "Local Food"), ("돌봄", "Care"),
    ],
    "culture_arts": [
        ("문화예술", "Arts"), ("공공미술", "Public Art"), ("연극", "Theatre"),
        ("생활예술", "Everyday Arts"), ("음악", "Music"), ("사진", "Photography"),
        ("독립출판", "Independent Publishing"), ("미디어아트", "Media Art"), ("춤", "Dance"),
    ],
    "healing_welfare": [
        ("공동체 치유", "Community Healing"), ("마음건강", "Mental Health"),
        ("마을복지", "Neighbourhood Welfare"), ("자립생활", "Independent Living"),
        ("어르신", "Elders"), ("치유농업", "Healing Farm"), ("회복", "Recovery"), ("돌봄", "Care"),
    ],
    "environment": [
        ("에너지", "Energy"), ("햇빛발전", "Solar Power"), ("자원순환", "Resource Circulation"),
        ("제로웨이스트", "Zero Waste"), ("도시농업", "Urban Farming"), ("생태", "Ecology"),
        ("기후행동", "Climate Action"), ("적정기술", "Appropriate Technology"),
        ("먹거리", "Food"), ("업사이클", "Upcycling"),
    ],
    "makers": [
        ("메이커", "Maker"), ("목공", "Woodworking"), ("수리", "Repair"),
        ("디지털 제작", "Digital Fabrication"), ("시민 발명", "Citizen Invention"),
        ("하드웨어", "Hardware"), ("자전거", "Bicycle"),
    ],
    "digital": [
        ("시민 기술", "Civic Tech"), ("오픈데이터", "Open Data"), ("디지털 포용", "Digital Inclusion"),
        ("공공데이터", "Public Data"), ("오픈소스", "Open Source"),
        ("미디어 리터러시", "Media Literacy"),
    ],
    "innovation": [
        ("사회혁신", "Social Innovation"), ("리빙랩", "Living Lab"), ("공공혁신", "Public Innovation"),
        ("사회적 가치", "Social Value"), ("임팩트 측정", "Impact Measurement"), ("디자인", "Design"),
    ],
}  # fmt: skip

FORMS = {
    "intermediary": [("지원센터", "Support Centre"), ("종합지원센터", "Integrated Support Centre"),
                     ("플랫폼", "Platform"), ("허브", "Hub")],
    "youth": [("협동조합", "Cooperative"), ("네트워크", "Network"), ("모임", "Collective"),
              ("연구소", "Institute"), ("학교", "School"), ("랩", "Lab")],
    "village": [("공동체", "Community"), ("협동조합", "Cooperative"), ("모임", "Circle"),
                ("네트워크", "Network"), ("학교", "School")],
    "social_economy": [("사회적협동조합", "Social Cooperative"), ("협동조합", "Cooperative"),
                       ("사회적기업", "Social Enterprise"), ("컴퍼니", "Company"), ("연구소", "Institute")],
    "culture_arts": [("스튜디오", "Studio"), ("컬렉티브", "Collective"), ("협동조합", "Cooperative"),
                     ("프로젝트", "Project"), ("랩", "Lab")],
    "healing_welfare": [("센터", "Centre"), ("협동조합", "Cooperative"), ("연구소", "Institute"),
                        ("사회적협동조합", "Social Cooperative"), ("모임", "Circle")],
    "environment": [("협동조합", "Cooperative"), ("연구소", "Institute"), ("네트워크", "Network"),
                    ("랩", "Lab"), ("공방", "Workshop"), ("모임", "Collective")],
    "makers": [("공방", "Workshop"), ("랩", "Lab"), ("스페이스", "Space"), ("협동조합", "Cooperative"),
               ("클럽", "Club")],
    "digital": [("랩", "Lab"), ("연구소", "Institute"), ("네트워크", "Network"), ("협동조합", "Cooperative"),
                ("컴퍼니", "Company")],
    "innovation": [("랩", "Lab"), ("연구소", "Institute"), ("네트워크", "Network"), ("컴퍼니", "Company"),
                   ("협동조합", "Cooperative")],
}  # fmt: skip

# Used instead of a place name for about one name in four (not for public support centres).
QUALIFIERS = [("함께하는", "Together"), ("모두의", "Everyone's"), ("작은", "Little"), ("새로운", "New")]

FIELD_LABELS = {
    "intermediary": (
        "청년·마을공동체·사회적경제 중간지원",
        "intermediary support for youth, village communities and the social economy",
    ),
    "youth": ("청년", "youth"),
    "village": ("마을공동체", "village communities"),
    "social_economy": ("사회적경제", "the social economy"),
    "culture_arts": ("문화·예술", "culture and the arts"),
    "healing_welfare": ("공동체 치유·복지", "community healing and welfare"),
    "environment": ("환경·생태·에너지", "environment, ecology and energy"),
    "makers": ("메이커·팹랩", "making and fab labs"),
    "digital": ("디지털·데이터", "digital technology and data"),
    "innovation": ("사회혁신", "social innovation"),
}  # fmt: skip


def organisations(rng, *, places, counts, campus_name_ko, campus_name_en, taken=()):
    """Generated resident organisations: ``counts[category]`` of each, unique by name and slug.

    ``taken`` holds slugs already in use on the campus (the named organisations).
    """
    used_slugs, used_names = set(taken), set()
    specs = []
    for category, count in counts.items():
        field_ko, field_en = FIELD_LABELS[category]
        made = 0
        while made < count:
            qualified = category != "intermediary" and rng.random() < 0.25
            prefix_ko, prefix_en = rng.choice(QUALIFIERS if qualified else places)
            theme_ko, theme_en = rng.choice(THEMES[category])
            form_ko, form_en = rng.choice(FORMS[category])
            if set(theme_en.split()) & set(form_en.split()):  # not "Social Housing Social Enterprise"
                continue
            name_ko = f"{prefix_ko} {theme_ko} {form_ko}"
            name_en = f"{prefix_en} {theme_en} {form_en}"
            slug = slugify(name_en)
            if slug in used_slugs or name_ko in used_names:
                continue
            used_slugs.add(slug)
            used_names.add(name_ko)
            made += 1
            specs.append(
                OrganisationSpec(
                    slug=slug,
                    name_ko=name_ko,
                    name_en=name_en,
                    kind="resident",
                    category=category,
                    description_ko=(
                        f"{campus_name_ko}에 입주해 {field_ko} 분야에서 활동하는 단체입니다. "
                        "(데모용으로 생성한 가상의 단체)"
                    ),
                    description_en=(
                        f"A resident organisation of {campus_name_en} working on {field_en}. "
                        "(Fictional, generated for the demo.)"
                    ),
                )
            )
    return specs
