"""The fragment of similar problems shown while someone types a new one (public, GET only)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..services import similarity

ID_DIGITS_MAX = 18  # fits a 64-bit primary key


def excluded_id(value):
    return int(value) if value.isdecimal() and len(value) <= ID_DIGITS_MAX else None


@require_GET
def similar_agendas(request):
    title = request.GET.get("title", "")[: similarity.TEXT_MAX]
    description = request.GET.get("description", "")[: similarity.TEXT_MAX]
    matches = similarity.similar_agendas(
        campus=request.campus,
        text=f"{title}\n{description}",
        exclude=excluded_id(request.GET.get("exclude", "")),
    )
    return render(request, "agendas/_similar.html", {"similar": matches})
