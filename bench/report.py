"""What the benchmarks' results files share: a markdown table and the machine they ran on."""

import datetime
import os
import platform
import subprocess


def markdown_table(rows: list[dict]) -> str:
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row[h] for h in header) + " |" for row in rows]
    return "\n".join(lines)


def cpu_model() -> str:
    """The CPU's model name from lscpu, else what Python knows, else "unknown"."""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        return next(line.split(":", 1)[1].strip() for line in lscpu.splitlines() if "Model name" in line)
    except (OSError, subprocess.CalledProcessError, StopIteration):
        return platform.processor() or "unknown"


def cpu_line() -> str:
    return f"- CPU: {cpu_model()}, {os.cpu_count()} cores"


def date_and_load_line() -> str:
    return (
        f"- Date: {datetime.datetime.now(datetime.UTC).date().isoformat()}; load average when done "
        f"{os.getloadavg()[0]:.1f} (other work on the machine slows the timings)"
    )
