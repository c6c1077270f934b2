"""Log-in throttling (django-axes) keyed on the e-mail address someone tries to log in with."""


def login_username(request, credentials):
    """Django passes the e-mail as ``email`` to ``authenticate``; the form posts ``username``."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or request.POST.get("username", "")
    return value.strip().lower() or None
