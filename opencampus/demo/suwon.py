"""A second, fictional campus: one deployment hosting another city on the same model."""

import random

from . import names, seoul
from .specs import CampusPlan, CampusSpec, LoginSpec, demo_email

SEED = 2019

CAMPUS = CampusSpec(
    slug="suwon",
    name_ko="수원 사회혁신 캠퍼스",
    name_en="Suwon Social Innovation Campus",
    tagline_ko="같은 모델, 다른 도시: 여러 캠퍼스를 함께 운영하는 데모",
    tagline_en="Same model, another city: a multi-campus demo",
    description_ko=(
        "데모용 가상 캠퍼스입니다. 서울혁신파크 모델을 다른 도시로 넓히는 전국 확산을 보여 주려고 "
        "만들었으며, 수원시나 실제 기관과는 관계가 없습니다. 한 번의 설치로 여러 도시의 캠퍼스를 각자의 "
        "데이터와 운영자로 따로 운영할 수 있습니다."
    ),
    description_en=(
        "A fictional demo campus. It shows the nationwide spread of the Seoul Innovation Park model to "
        "another city and has no connection with Suwon City or any real institution. One installation "
        "runs several cities' campuses, each with its own data and operators."
    ),
    contact_email="suwon-campus@example.org",
    address="경기도 수원시 (데모용 가상 캠퍼스 · fictional demo campus)",
)

PLACES = [
    ("수원", "Suwon"), ("팔달", "Paldal"), ("행궁동", "Haenggung-dong"), ("영통", "Yeongtong"),
    ("권선", "Gwonseon"), ("장안", "Jangan"), ("광교", "Gwanggyo"),
]  # fmt: skip

CATEGORY_COUNTS = {
    "village": 1,
    "youth": 1,
    "social_economy": 1,
    "environment": 1,
    "culture_arts": 1,
    "makers": 1,
}

OPERATOR = LoginSpec(
    email=demo_email("operator", campus="suwon"),
    name_ko="송유진",
    name_en="Yujin Song",
    role="operator",
    expertise="campus operations",
    languages=("ko",),
    bio_ko="수원 사회혁신 캠퍼스(가상)의 운영자입니다.",
    bio_en="Operator of the (fictional) Suwon Social Innovation Campus.",
)


def plan():
    organisations = names.organisations(
        random.Random(SEED),
        places=PLACES,
        counts=CATEGORY_COUNTS,
        campus_name_ko=CAMPUS.name_ko,
        campus_name_en=CAMPUS.name_en,
    )
    # People are global: the Seoul mentor mentors here too, with the role granted on this campus.
    return CampusPlan(campus=CAMPUS, organisations=organisations, logins=[OPERATOR, seoul.login("mentor")])
