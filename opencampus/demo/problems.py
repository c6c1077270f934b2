"""Demo social problems: the themes, Seoul's districts, thirty problems with their dated
history, and the residents who endorse and follow them (content: ``chain_content``)."""

import random
from datetime import date, datetime, time

from opencampus.agendas.models import (
    Agenda,
    District,
    Endorsement,
    Evidence,
    Follow,
    SdgTarget,
    StateChange,
    Theme,
)
from opencampus.agendas.services.similarity import index_agenda
from opencampus.people.models import Membership, Organisation, User

from .chain_content.agendas import AGENDAS
from .chain_content.themes import SEOUL_DISTRICTS, THEMES
from .specs import demo_email
from .sync import sync

SEED = 2018
PROPOSED_AT = time(10)


def bilingual(korean, english):
    """A demo text written in both languages, for fields that hold one text."""
    return f"{korean}\n\n{english}" if korean and english else korean or english


def on_campus_day(campus, day):
    return datetime.combine(date.fromisoformat(day), PROPOSED_AT, campus.tz)


def load(context):
    campus = context.campuses["seoul"]
    tally = context.tally
    themes = sync(
        Theme.objects.filter(campus=campus),
        [
            Theme(campus=campus, slug=t.slug, name_ko=t.name_ko, name_en=t.name_en, order=n)
            for n, t in enumerate(THEMES)
        ],
        key=("campus_id", "slug"),
        fields=["name_ko", "name_en", "order"],
        tally=tally,
    )
    districts = sync(
        District.objects.filter(campus=campus),
        [
            District(campus=campus, name_ko=district.name_ko, name_en=district.name_en, order=order)
            for order, district in enumerate(SEOUL_DISTRICTS)
        ],
        key=("campus_id", "name_ko"),
        fields=["name_en", "order"],
        tally=tally,
    )
    if Agenda.objects.filter(campus=campus).exists():
        return
    themes = {slug: theme for (_campus, slug), theme in themes.items()}
    districts = {name: district for (_campus, name), district in districts.items()}
    team = User.objects.get(email=demo_email("staff"))
    agendas = {spec.key: create_agenda(campus, spec, themes, districts, team) for spec in AGENDAS}
    for spec in AGENDAS:
        if spec.duplicate_of:
            Agenda.objects.filter(pk=agendas[spec.key].pk).update(merged_into=agendas[spec.duplicate_of])
    for agenda in agendas.values():
        index_agenda(agenda=agenda)
    support(campus, list(agendas.values()))
    tally.created[Agenda._meta.label] += len(agendas)


def create_agenda(campus, spec, themes, districts, team):
    organisation = (
        Organisation.objects.get(campus=campus, slug=spec.organisation) if spec.organisation else None
    )
    agenda = Agenda.objects.create(
        campus=campus,
        title_ko=spec.title_ko,
        title_en=spec.title_en,
        description_ko=spec.description_ko,
        description_en=spec.description_en,
        theme=themes[spec.theme],
        district=districts.get(spec.district),
        place=spec.place,
        affected=bilingual(spec.affected_ko, spec.affected_en),
        origin=spec.origin,
        proposed_by=proposer(spec, organisation, team),
        organisation=organisation,
        state=spec.state,
        created=on_campus_day(campus, spec.proposed_on),
    )
    targets = list(SdgTarget.objects.filter(campus=None, code__in=spec.sdg_targets))
    agenda.sdg_targets.set(targets)
    agenda.sdg_goals.set({target.goal_id for target in targets})
    Evidence.objects.bulk_create(
        Evidence(campus=campus, agenda=agenda, title=item.title, url=item.url, added_by=agenda.proposed_by)
        for item in spec.evidence
    )
    StateChange.objects.bulk_create(
        StateChange(
            campus=campus,
            agenda=agenda,
            from_state=before.to_state,
            to_state=step.to_state,
            explanation=bilingual(step.explanation_ko, step.explanation_en),
            changed_by=team,
            changed_at=on_campus_day(campus, step.on),
        )
        for before, step in zip(spec.history, spec.history[1:], strict=False)
    )
    return agenda


def proposer(spec, organisation, team):
    if organisation is not None:
        membership = (
            Membership.objects.filter(organisation=organisation)
            .select_related("user")
            .order_by("-role", "pk")
            .first()
        )
        return membership.user if membership else None
    if spec.origin == "staff":
        return team
    number = random.Random(f"{SEED}-{spec.key}").randrange(1, 1000)
    return User.objects.filter(email=demo_email(f"member{number:04d}")).first()


def support(campus, agendas):
    """Residents endorse the problems they care about and some follow them; merged ones keep none."""
    rng = random.Random(SEED)
    people = list(
        User.objects.filter(memberships__organisation__campus=campus)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    endorsements, follows = [], []
    for agenda in agendas:
        if agenda.merged_into_id:
            continue
        supporters = rng.sample(people, rng.randrange(3, 60))
        endorsements += [
            Endorsement(campus=campus, agenda=agenda, user_id=pk)
            for pk in supporters
            if pk != agenda.proposed_by_id
        ]
        follows += [
            Follow(campus=campus, agenda=agenda, user_id=pk) for pk in supporters[: len(supporters) // 3]
        ]
        if agenda.proposed_by_id:
            follows.append(Follow(campus=campus, agenda=agenda, user_id=agenda.proposed_by_id))
    Endorsement.objects.bulk_create(endorsements, ignore_conflicts=True)
    Follow.objects.bulk_create(follows, ignore_conflicts=True)
