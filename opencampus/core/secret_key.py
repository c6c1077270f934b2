"""A per-installation secret key for the embedded default, kept in a private file."""

import os
import secrets
from pathlib import Path


def secret_key_file(path: Path) -> str:
    """Read the key from ``path``, creating it (mode 0600) on first use."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return key
