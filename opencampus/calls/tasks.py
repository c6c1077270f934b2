"""Background work of calls, for the Django Tasks worker."""

from django.tasks import task
from django_scopes import scopes_disabled

from .models import Call
from .services import decisions


@task
def release_expired_places(call_id, base_url=decisions.DEFAULT_BASE_URL):
    """Release the places of one call not confirmed in time and offer them on.

    ``base_url`` (scheme and host) makes the links in the offer letters absolute.
    """
    with scopes_disabled():
        call = Call.objects.select_related("campus").filter(pk=call_id).first()
        if call is None:
            return {"declined": [], "offered": []}
        released = decisions.release_expired_places(call=call, links=decisions.Links.for_call(call, base_url))
    return {
        "declined": [application.pk for application in released.declined],
        "offered": [application.pk for application in released.offered],
    }
