"""Korean first, English complete: every user-facing string has a Korean translation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "opencampus" / "locale" / "ko" / "LC_MESSAGES"


def needs_gettext():
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is missing: ./dev test installs it.")
        pytest.skip("GNU gettext is not installed; ./dev test installs it (needs root).")


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    """The catalogue as ``makemessages`` would make it from the current source (in a copy)."""
    needs_gettext()
    tmp_path = tmp_path_factory.mktemp("messages")
    shutil.copytree(
        ROOT / "opencampus", tmp_path / "opencampus", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    env = {**os.environ, "VAR_DIR": str(tmp_path / "var"), "PYTHONPATH": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "ko", "--no-obsolete", "--no-location"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    return polib.pofile(tmp_path / "opencampus" / "locale" / "ko" / "LC_MESSAGES" / "django.po")


def test_every_string_has_a_korean_translation(fresh_catalogue):
    missing = [entry.msgid for entry in fresh_catalogue if not entry.translated() and not entry.obsolete]
    assert missing == [], "Run ./dev messages and translate these into Korean:\n" + "\n".join(missing)


def test_committed_catalogue_has_no_stale_entries(fresh_catalogue):
    fresh = {entry.msgid for entry in fresh_catalogue}
    committed = {entry.msgid for entry in polib.pofile(CATALOGUE / "django.po") if not entry.obsolete}

    assert committed - fresh == set(), "Run ./dev messages to drop strings the code no longer uses."


def test_compiled_catalogue_matches_the_source():
    source = polib.pofile(CATALOGUE / "django.po")
    compiled = polib.mofile(CATALOGUE / "django.mo")

    def pairs(catalogue):
        return {
            (entry.msgctxt, entry.msgid, entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            for entry in catalogue
            if entry.msgid and (entry.msgstr or entry.msgstr_plural)
        }

    assert pairs(compiled) == pairs(source), "Run ./dev messages to recompile django.mo."
