import posixpath

from django import template

register = template.Library()


@register.filter
def file_name(field_file):
    """``experiments/updates/2026/report.pdf`` → ``report.pdf``."""
    return posixpath.basename(field_file.name)
