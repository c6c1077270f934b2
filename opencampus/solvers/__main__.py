"""``python -m opencampus.solvers {assign,calibrate,select,lottery,timetable,teams,mentoring} INSTANCE.json``:
solve a JSON instance and print the result as JSON. Formats: docs/solvers.md.

Exit codes: 0 solved (whatever the status, infeasible included), 2 bad usage or a malformed
instance, 1 a solver module that is not installed.
"""

import argparse
import importlib
import json
import sys
from pathlib import Path

# command -> module in this package exposing ``solve_json(data: dict, **options) -> dict``
COMMANDS = {
    "assign": "assignment",
    "calibrate": "calibration",
    "select": "selection",
    "lottery": "lottery",
    "timetable": "timetable",
    "teams": "teams",
    "mentoring": "mentoring",
}
# option -> the commands it applies to
OPTION_COMMANDS = {
    "one_per_organisation": ("assign",),
    "time_limit": ("assign", "timetable", "teams"),
    "workers": ("timetable", "teams"),
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    options = {}
    for option, commands in OPTION_COMMANDS.items():
        value = getattr(args, option)
        if value is None or value is False:
            continue
        if args.command not in commands:
            flag = "--" + option.replace("_", "-")
            return _fail(f"{flag} applies to {' and '.join(map(repr, commands))} only", code=2)
        options[option] = value

    module_name = f"{__package__}.{COMMANDS[args.command]}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        return _fail(f"the {args.command!r} solver is not installed (no module {module_name})", code=1)

    try:
        text = Path(args.instance).read_text(encoding="utf-8") if args.instance != "-" else sys.stdin.read()
    except OSError as error:
        return _fail(f"cannot read {args.instance}: {error.strerror}", code=2)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return _fail(f"{args.instance} is not valid JSON: {error}", code=2)
    try:
        result = module.solve_json(data, **options)
    except (ValueError, KeyError) as error:
        return _fail(f"invalid {args.command} instance {args.instance}: {_reason(error)}", code=2)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m opencampus.solvers",
        description="Solve a JSON instance and print the result as JSON (formats: docs/solvers.md).",
    )
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("instance", help="path to the instance JSON file, or - for standard input")
    parser.add_argument(
        "--one-per-organisation",
        action="store_true",
        help="assign: at most one reviewer from the same organisation per application",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        help="assign: seconds for the integer program (default 60); timetable: seconds for CP-SAT "
        "(default 30); teams: seconds for the whole solve (default 10)",
    )
    parser.add_argument("--workers", type=int, help="timetable, teams: CP-SAT search workers (default 8)")
    return parser


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)


def _fail(message: str, *, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
