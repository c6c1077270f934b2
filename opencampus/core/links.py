from django.urls import reverse


def campus_reverse(campus, name, **kwargs):
    """Reverse a URL inside ``campus`` (its ``/c/<slug>/`` prefix)."""
    return reverse(name, kwargs={"campus": campus.slug, **kwargs})
