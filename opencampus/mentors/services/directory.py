"""The mentor directory: which active mentors are shown to whom, searched and filtered.

The public sees listed mentors with their name, fields, organisation and introduction; people with
the full view (``mentors.view_full_directory``) see every active mentor with keywords, languages,
free places and weekly availability. Either list costs the same few queries however long it is.
"""

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from opencampus.programs.models import InstructorAvailability

from ..models import MENTORING_LANGUAGES, MentorField, MentorProfile, Mentorship

LANGUAGE_CODES = frozenset(code for code, _label in MENTORING_LANGUAGES)


def speaks(language):
    """Mentors whose languages include ``language`` (a known code).

    JSON containment is not available on SQLite; a known two-letter code in quotes cannot match
    anything but that list element, so a text match works on both databases.
    """
    return Q(languages__icontains=f'"{language}"')


def with_open_mentorships(mentors):
    """``mentors`` with ``open_mentorships`` (not ended) and ``free_places`` (capacity left)."""
    open_count = (
        Mentorship.objects.filter(mentor=OuterRef("pk"))
        .exclude(state=Mentorship.State.ENDED)
        .order_by()
        .values("mentor")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return mentors.annotate(open_mentorships=Coalesce(Subquery(open_count), Value(0))).annotate(
        free_places=Greatest(F("capacity") - F("open_mentorships"), Value(0))
    )


def ordered_fields():
    return Prefetch("fields", queryset=MentorField.objects.order_by("position", "pk"))


def with_directory_data(mentors, *, campus, full):
    """What a directory entry shows, fetched up front for every mentor in ``mentors``."""
    mentors = mentors.select_related("user").prefetch_related(ordered_fields())
    if full:
        windows = InstructorAvailability.objects.filter(campus=campus).order_by("weekday", "starts_at", "pk")
        mentors = with_open_mentorships(mentors).prefetch_related(
            Prefetch("user__teaching_windows", queryset=windows, to_attr="weekly_windows")
        )
    return mentors


def visible_mentors(*, campus, full):
    """The mentors the directory may show: active ones, and only the listed ones without ``full``."""
    mentors = MentorProfile.objects.filter(campus=campus, state=MentorProfile.State.ACTIVE)
    return mentors if full else mentors.filter(is_listed=True)


def search_directory(*, campus, full, query="", field=None, language=""):
    """The directory's entries matching a search text, a field and a language, by name."""
    mentors = visible_mentors(campus=campus, full=full)
    query = query.strip()
    if query:
        terms = (
            Q(user__name_ko__icontains=query)
            | Q(user__name_en__icontains=query)
            | Q(affiliation__icontains=query)
            | Q(bio_ko__icontains=query)
            | Q(bio_en__icontains=query)
        )
        # Keywords are part of the full view only: searching them must not reveal them.
        if full:
            terms |= Q(keywords__icontains=query)
        mentors = mentors.filter(terms)
    if field is not None:
        mentors = mentors.filter(fields=field)
    if full and language in LANGUAGE_CODES:
        mentors = mentors.filter(speaks(language))
    return with_directory_data(mentors, campus=campus, full=full).order_by("user__name_ko", "pk")
