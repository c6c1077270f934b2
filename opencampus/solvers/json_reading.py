"""Reading a solver instance's JSON with errors that name the place: ``sessions[3].rooms must be a list``."""

from typing import Any

MISSING = object()


def json_field(item: Any, name: str, where: str, *, default: Any = MISSING) -> Any:
    json_object(item, where)
    value = item.get(name, default)
    if value is MISSING:
        raise ValueError(f"{where} is missing the field {name!r}")
    return value


def json_list(item: Any, name: str, where: str, *, default: Any = MISSING) -> list:
    value = json_field(item, name, where, default=default)
    if not isinstance(value, list):
        raise ValueError(f"{name if where == 'the instance' else f'{where}.{name}'} must be a list")
    return value


def json_object(item: Any, where: str) -> None:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be a JSON object")
