"""The dated timeline of an experiment: updates with photos and files."""

import posixpath
import warnings

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from opencampus.core.services.activity import log_activity

from ..models import Attachment, Update
from ..models.experiment import TEXT_MAX
from .errors import refuse
from .progress import experiment_progress

MAX_FILES = 10
MAX_FILE_BYTES = 10 * 1024 * 1024
# What browsers show in an <img>: other pictures (TIFF, PSD…) are kept as files to download.
IMAGE_FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})


def image_format(file):
    """The picture format Pillow reads in ``file`` if browsers show it, else ``None``.

    The content decides, never the name: a text file called ``photo.jpg`` is a file.
    """
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                found = image.format
                image.verify()
    except Exception:  # Pillow raises many kinds; whatever it cannot read is no picture to show
        return None
    finally:
        file.seek(0)
    return found if found in IMAGE_FORMATS else None


def file_name(file):
    return posixpath.basename(file.name)


def update_problems(*, body, files):
    """``[(field, message), …]`` that keep an update from being posted."""
    problems = []
    if not body.strip():
        problems.append(("body", _("Say what happened.")))
    elif len(body) > TEXT_MAX:
        problems.append(
            (
                "body",
                _("Keep it to %(most)s characters (it has %(count)s).")
                % {"most": TEXT_MAX, "count": len(body)},
            )
        )
    if len(files) > MAX_FILES:
        problems.append(("files", _("Attach at most %(most)s files to one update.") % {"most": MAX_FILES}))
    for file in files:
        if file.size > MAX_FILE_BYTES:
            problems.append(
                (
                    "files",
                    _("“%(name)s” is larger than %(most)s; make it smaller and try again.")
                    % {"name": file_name(file), "most": filesizeformat(MAX_FILE_BYTES)},
                )
            )
    return problems


def post_update(*, experiment, author, happened_on, body, files):
    """Add a dated update with its files; it keeps the experiment's progress at this moment."""
    files = list(files)
    refuse(update_problems(body=body, files=files))
    with transaction.atomic():
        update = Update.objects.create(
            campus=experiment.campus,
            experiment=experiment,
            happened_on=happened_on,
            body=body,
            author=author,
            progress=experiment_progress(experiment),
        )
        for file in files:
            is_image = image_format(file) is not None
            Attachment.objects.create(campus=experiment.campus, update=update, file=file, is_image=is_image)
        log_activity(
            campus=experiment.campus,
            actor=author,
            action="experiment.update_posted",
            subject=experiment,
            data={"update": update.pk, "files": len(files)},
        )
    return update
