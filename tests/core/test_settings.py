"""Configuration comes from the environment; production values pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

from opencampus.core.mailers import mailer_from_url

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "x7!kq2-production-secret-that-is-long-and-random-4f9a8b7c6d5e4f3a2b1c0d",
    "ALLOWED_HOSTS": "campus.example.org",
    "HTTPS": "1",
    "DEBUG": "0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
}


def run_manage(tmp_path, *args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECRET_KEY", "DEBUG", "HTTPS", "ALLOWED_HOSTS", "EMAIL_URL"))
    }
    environment.update(VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_deploy_check_passes_with_production_values(tmp_path):
    result = run_manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_without_https(tmp_path):
    result = run_manage(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "HTTPS": "0"}
    )

    assert result.returncode != 0


def test_secret_key_is_generated_once_and_kept_private(tmp_path):
    run_manage(tmp_path, "check")
    first = (tmp_path / "secret_key").read_text()
    run_manage(tmp_path, "check")

    assert (tmp_path / "secret_key").read_text() == first
    assert len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_debug_is_off_unless_asked(settings):
    assert settings.DEBUG is False


def test_smtp_url_becomes_a_mailer():
    mailer = mailer_from_url("smtp+tls://mailer:secret@smtp.example.org:587")

    assert mailer == {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "smtp.example.org",
            "port": 587,
            "username": "mailer",
            "password": "secret",
            "use_tls": True,
        },
    }


def test_file_url_becomes_a_file_mailer():
    mailer = mailer_from_url("filemail:///var/mail/opencampus")

    assert mailer == {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": "/var/mail/opencampus"},
    }


def test_passwords_are_hashed_with_argon2(settings):
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
