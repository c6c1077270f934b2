from django import template

from opencampus.core.links import campus_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def campus_url(context, name, **kwargs):
    """``{% campus_url "people:login" %}``: a URL inside the current campus."""
    return campus_reverse(context["campus"], name, **kwargs)
