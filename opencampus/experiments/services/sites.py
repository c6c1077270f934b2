"""Field sites: where experiments take place."""

from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import FieldSite
from .errors import ExperimentError, refuse

SITE_FIELDS = ("kind", "name_ko", "name_en", "organisation", "district", "address")


def site_problems(site):
    """``[(field, message), …]`` that keep ``site`` from being saved."""
    problems = []
    if not (site.name_ko.strip() or site.name_en.strip()):
        problems.append(("name_ko", _("Give the name in Korean or in English.")))
    for field in ("organisation", "district"):
        related = getattr(site, field) if getattr(site, f"{field}_id") else None
        if related is not None and related.campus_id != site.campus_id:
            problems.append((field, _("This belongs to another campus.")))
    return problems


def create_field_site(*, campus, actor, **fields):
    site = FieldSite(campus=campus, **fields)
    refuse(site_problems(site))
    site.save()
    log_activity(campus=campus, actor=actor, action="field_site.created", subject=site)
    return site


def update_field_site(*, site, actor, **fields):
    changed = sorted(name for name, value in fields.items() if getattr(site, name) != value)
    for name, value in fields.items():
        setattr(site, name, value)
    refuse(site_problems(site))
    site.save()
    log_activity(
        campus=site.campus, actor=actor, action="field_site.changed", subject=site, data={"changed": changed}
    )
    return site


def delete_field_site(*, site, actor):
    """Remove a site no experiment took place at (the others keep their history)."""
    if site.experiments.exists():
        raise ExperimentError(_("Experiments took place here, so the site stays; rename it instead."))
    log_activity(campus=site.campus, actor=actor, action="field_site.deleted", subject=site)
    site.delete()
