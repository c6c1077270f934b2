"""Turn one ``EMAIL_URL`` (smtp://, smtp+tls://, smtps://, consolemail://, filemail://…)
into Django 6.1's ``MAILERS`` setting."""

from urllib.parse import urlparse

import environ

OPTION_NAMES = {
    "EMAIL_HOST": "host",
    "EMAIL_PORT": "port",
    "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password",
    "EMAIL_USE_TLS": "use_tls",
    "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_TIMEOUT": "timeout",
}


def mailer_from_url(url):
    parsed = environ.Env.email_url_config(url)
    backend = parsed["EMAIL_BACKEND"]
    options = {}
    if backend.endswith("smtp.EmailBackend"):
        options = {
            option: parsed[name]
            for name, option in OPTION_NAMES.items()
            if parsed.get(name) not in (None, "", False)
        }
    elif backend.endswith("filebased.EmailBackend"):
        options = {"file_path": urlparse(url).path}
    return {"BACKEND": backend, "OPTIONS": options}
