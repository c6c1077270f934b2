"""Themes, Seoul's districts and which demo organisations work on each theme."""

from typing import NamedTuple

AS_OF = "2020-11-16"  # statuses and progress below are as of this day

# Demo organisations (opencampus.demo.seoul) whose kind of work fits each theme. Supported
# projects cycle through them in this order; proposals and experiments below use them too.
THEME_ORGANISATIONS = {
    "energy": (
        "everyones-energy-institute", "dobong-energy-collective", "jongno-energy-network",
        "dobong-energy-workshop", "seongbuk-energy-network", "everyones-youth-energy-collective",
        "eunpyeong-youth-energy-cooperative", "together-youth-energy-lab", "hangang-youth-energy-collective",
        "seongmisan-climate-action-collective", "hangang-climate-action-lab",
        "bukhansan-climate-action-institute", "non-electric-workshop-seoul",
        "bukhansan-appropriate-technology-workshop", "eunpyeong-appropriate-technology-collective",
    ),
    "waste": (
        "galhyeon-zero-waste-lab", "mapo-zero-waste-collective", "together-zero-waste-institute",
        "new-resource-circulation-institute", "bukhansan-resource-circulation-collective",
        "eunpyeong-upcycling-cooperative", "eunpyeong-upcycling-network", "bulgwang-upcycling-institute",
        "seongbuk-repair-space", "new-repair-lab", "gusan-repair-workshop", "new-maker-cooperative",
        "little-sharing-economy-social-enterprise", "everyones-sharing-economy-social-enterprise",
    ),
    "food": (
        "seongbuk-food-workshop", "little-food-collective", "hangang-food-network",
        "seongmisan-food-collective", "together-food-collective", "eungam-urban-farming-institute",
        "yeonsinnae-urban-farming-cooperative", "seodaemun-urban-farming-workshop",
        "gwanak-urban-farming-workshop", "jingwan-local-food-social-enterprise", "jongno-local-food-company",
        "gwanak-local-food-cooperative", "new-local-food-social-enterprise", "bukhansan-healing-farm-centre",
    ),
    "urban-regeneration": (
        "together-urban-regeneration-circle", "yeonsinnae-urban-regeneration-cooperative",
        "gwanak-urban-regeneration-cooperative", "together-urban-regeneration-school",
        "together-residents-self-government-cooperative", "eungam-residents-self-government-network",
        "nokbeon-residents-self-government-cooperative", "jongno-neighbours-community",
        "seodaemun-social-housing-cooperative", "seoul-social-housing-company", "seongmisan-public-art-lab",
        "hangang-arts-cooperative", "seoul-innovation-fab-lab", "mapo-hardware-cooperative",
    ),
    "care": (
        "jongno-care-social-cooperative", "little-care-cooperative", "seoul-care-cooperative",
        "together-care-circle", "nowon-care-circle", "little-care-institute", "gwanak-care-circle",
        "hangang-neighbourhood-welfare-circle", "eungam-neighbourhood-welfare-cooperative",
        "nowon-elders-centre", "seongmisan-independent-living-cooperative",
        "eunpyeong-cooperative-childcare-network", "seongbuk-mental-health-centre",
        "seoul-youth-activity-hub",
    ),
    "digital-inclusion": (
        "bukhansan-digital-inclusion-lab", "together-open-source-company", "seodaemun-open-source-institute",
        "gwanak-civic-tech-institute", "little-open-data-institute", "hangang-open-data-lab",
        "seodaemun-public-data-network", "gwanak-public-data-company", "seongmisan-public-data-cooperative",
        "yeonsinnae-civic-tech-company", "nokbeon-open-data-institute", "eunpyeong-village-media-cooperative",
    ),
}  # fmt: skip


class Theme(NamedTuple):
    slug: str
    name_ko: str
    name_en: str


THEMES = (
    Theme("energy", "에너지", "Energy"),
    Theme("waste", "자원순환", "Waste and resource circulation"),
    Theme("food", "먹거리", "Food"),
    Theme("urban-regeneration", "도시재생", "Urban regeneration"),
    Theme("care", "돌봄", "Care"),
    Theme("digital-inclusion", "디지털 포용", "Digital inclusion"),
)


class District(NamedTuple):
    name_ko: str
    name_en: str


SEOUL_DISTRICTS = (
    District("종로구", "Jongno-gu"), District("중구", "Jung-gu"), District("용산구", "Yongsan-gu"),
    District("성동구", "Seongdong-gu"), District("광진구", "Gwangjin-gu"),
    District("동대문구", "Dongdaemun-gu"), District("중랑구", "Jungnang-gu"),
    District("성북구", "Seongbuk-gu"), District("강북구", "Gangbuk-gu"), District("도봉구", "Dobong-gu"),
    District("노원구", "Nowon-gu"), District("은평구", "Eunpyeong-gu"),
    District("서대문구", "Seodaemun-gu"), District("마포구", "Mapo-gu"), District("양천구", "Yangcheon-gu"),
    District("강서구", "Gangseo-gu"), District("구로구", "Guro-gu"), District("금천구", "Geumcheon-gu"),
    District("영등포구", "Yeongdeungpo-gu"), District("동작구", "Dongjak-gu"),
    District("관악구", "Gwanak-gu"), District("서초구", "Seocho-gu"), District("강남구", "Gangnam-gu"),
    District("송파구", "Songpa-gu"), District("강동구", "Gangdong-gu"),
)  # fmt: skip
