"""The campus team's side of a call itself: create, change, publish."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.errors import RefusedInput
from opencampus.core.services.activity import log_activity

from ..models import Call, Question
from .forms import current_form

CALL_FIELDS = (
    "slug",
    "kind",
    "title_ko",
    "title_en",
    "description_ko",
    "description_en",
    "target_ko",
    "target_en",
    "opens_at",
    "closes_at",
    "allow_individuals",
    "allow_organisations",
    "places",
)


class CallError(RefusedInput):
    """Something the campus team must fix; the text is for people."""


def slug_is_taken(*, campus, slug, exclude=None):
    calls = Call.objects.filter(campus=campus, slug=slug)
    if exclude is not None:
        calls = calls.exclude(pk=exclude.pk)
    return calls.exists()


def _check(call):
    if slug_is_taken(campus=call.campus, slug=call.slug, exclude=call if call.pk else None):
        raise CallError(_("Another call of this campus already uses this address name."), field="slug")
    if call.closes_at <= call.opens_at:
        raise CallError(_("The call must close after it opens."), field="closes_at")
    if not (call.allow_individuals or call.allow_organisations):
        raise CallError(_("Let individuals, organisations or both apply."), field="allow_individuals")
    if call.places < 1:
        raise CallError(_("A call has at least one place."), field="places")
    if not (call.title_ko or call.title_en):
        raise CallError(_("Give the title in Korean or in English."), field="title_ko")


@transaction.atomic
def create_call(*, campus, actor, **fields):
    """A new, unpublished call with an empty first form version."""
    unknown = set(fields) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown call fields: {sorted(unknown)}")
    call = Call(campus=campus, is_published=False, **fields)
    _check(call)
    call.save()
    current_form(call)
    log_activity(campus=campus, actor=actor, action="call.created", subject=call, data={"slug": call.slug})
    return call


@transaction.atomic
def update_call(*, call, actor, **fields):
    unknown = set(fields) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown call fields: {sorted(unknown)}")
    changed = sorted(name for name, value in fields.items() if getattr(call, name) != value)
    if not changed:
        return call
    for name in changed:
        setattr(call, name, fields[name])
    _check(call)
    call.save()
    log_activity(
        campus=call.campus, actor=actor, action="call.changed", subject=call, data={"fields": changed}
    )
    return call


@transaction.atomic
def set_call_published(*, call, published, actor):
    """Publish (applicants can find it and apply between its dates) or take a call offline."""
    if call.is_published == published:
        return call
    if published and not Question.objects.filter(form=current_form(call)).exists():
        raise CallError(_("Add at least one question to the application form before publishing the call."))
    call.is_published = published
    call.save(update_fields=["is_published"])
    log_activity(
        campus=call.campus,
        actor=actor,
        action="call.published" if published else "call.unpublished",
        subject=call,
    )
    return call
