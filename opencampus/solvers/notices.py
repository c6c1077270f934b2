"""What a solver has to say, structured: a stable ``code`` and its numbers and ids as ``params``.

Each solver result carries its notices next to the English text the command line prints, one
notice per sentence of that text and in the same order, so that an application can word them
in its users' language. Each solver's module lists its codes.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Notice:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"code": self.code, "params": self.params}
