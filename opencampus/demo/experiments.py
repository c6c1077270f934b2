"""Demo experiments: the 2nd phase's four major experiment projects with their field sites,
milestones and timelines, and the 150 projects supported over 2018 to 2020."""

from datetime import date

from opencampus.agendas.models import Agenda, District, Theme
from opencampus.experiments.models import Experiment, FieldSite, Milestone, Update
from opencampus.people.models import Organisation, User

from .chain_content.agendas import AGENDAS
from .chain_content.experiments import MAJOR_EXPERIMENTS
from .chain_content.projects import supported_projects
from .problems import bilingual
from .specs import demo_email
from .sync import sync


def load(context):
    campus = context.campuses["seoul"]
    if Experiment.objects.filter(campus=campus).exists():
        return
    staff = User.objects.get(email=demo_email("staff"))
    agendas = agendas_by_title(campus)
    for spec in MAJOR_EXPERIMENTS:
        create_experiment(campus, spec, agenda=agendas[spec.agenda], created_by=staff, is_major=True)
    load_projects(campus, agendas, staff, context.tally)
    context.tally.created[Experiment._meta.label] += len(MAJOR_EXPERIMENTS)


def agendas_by_title(campus):
    """The demo problems by their content key (their Korean title identifies them)."""
    by_title = {agenda.title_ko: agenda for agenda in Agenda.objects.filter(campus=campus)}
    return {spec.key: by_title[spec.title_ko] for spec in AGENDAS}


def field_site(campus, site):
    organisation = (
        Organisation.objects.get(campus=campus, slug=site.organisation) if site.organisation else None
    )
    district = (
        District.objects.filter(campus=campus, name_ko=site.district).first() if site.district else None
    )
    return FieldSite.objects.get_or_create(
        campus=campus,
        name_ko=site.name_ko,
        defaults={
            "name_en": site.name_en,
            "kind": site.kind,
            "organisation": organisation,
            "district": district,
            "address": site.address,
        },
    )[0]


def create_experiment(campus, spec, *, agenda, created_by, working_group=None, is_major=False):
    organisation = (
        Organisation.objects.get(campus=campus, slug=spec.organisation) if spec.organisation else None
    )
    experiment = Experiment.objects.create(
        campus=campus,
        kind=Experiment.Kind.EXPERIMENT,
        is_major=is_major,
        title_ko=spec.title_ko,
        title_en=spec.title_en,
        theme=Theme.objects.get(campus=campus, slug=spec.theme),
        agenda=agenda,
        working_group=working_group,
        organisation=None if working_group else organisation,
        field_site=field_site(campus, spec.site),
        hypothesis=bilingual(spec.hypothesis_ko, spec.hypothesis_en),
        method=bilingual(spec.method_ko, spec.method_en),
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
        budget=spec.budget,
        status=spec.status,
        results=bilingual(spec.results_ko, spec.results_en),
        lessons=bilingual(spec.lessons_ko, spec.lessons_en),
        created_by=created_by,
    )
    Milestone.objects.bulk_create(
        Milestone(
            campus=campus,
            experiment=experiment,
            title_ko=milestone.title_ko,
            title_en=milestone.title_en,
            weight=milestone.weight,
            progress=milestone.progress,
            due_on=milestone.due_on,
        )
        for milestone in spec.milestones
    )
    Update.objects.bulk_create(
        Update(
            campus=campus,
            experiment=experiment,
            happened_on=update.on,
            body=bilingual(update.body_ko, update.body_en),
            author=created_by,
        )
        for update in spec.updates
    )
    return experiment


def load_projects(campus, agendas, staff, tally):
    themes = {theme.slug: theme for theme in Theme.objects.filter(campus=campus)}
    projects = supported_projects()
    slugs = {project["organisation"] for project in projects}
    organisations = {org.slug: org for org in Organisation.objects.filter(campus=campus, slug__in=slugs)}
    sync(
        Experiment.objects.filter(campus=campus, kind=Experiment.Kind.PROJECT),
        [
            Experiment(
                campus=campus,
                kind=Experiment.Kind.PROJECT,
                title_ko=project["title_ko"],
                title_en=project["title_en"],
                theme=themes[project["theme"]],
                agenda=agendas[project["agenda"]] if project["agenda"] else None,
                organisation=organisations[project["organisation"]],
                starts_on=date.fromisoformat(project["starts_on"]),
                ends_on=date.fromisoformat(project["ends_on"]),
                budget=project["budget"],
                status=project["status"],
                results=bilingual(project["results_ko"] or "", project["results_en"] or ""),
                created_by=staff,
            )
            for project in projects
        ],
        key=("campus_id", "title_ko"),
        fields=[],
        tally=tally,
    )
