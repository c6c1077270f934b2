"""Similar-problem suggestions over 10,000 agendas: index build time, latency and quality.

It builds a throwaway database (SQLite in a temporary ``VAR_DIR``; with ``--postgres`` the
PostgreSQL database ``oc_bench_similarity``, created and dropped here) holding one campus with
10,000 generated social problems (fixed seed; Korean, English or both, combined from parts that
cover energy, waste, food, urban regeneration, care, housing, mobility, environment and safety,
some merged into others) plus the stored problems of ``bench/data/agenda_duplicates.json``, then
times ``reindex_campus``. For every labelled query (a differently worded duplicate of a stored
problem, or a problem nothing stored resembles) it calls ``similar_agendas`` as the typing
fragment does (title and description) and reports:

- latency: p50, p95 and max over three passes of all queries, after one warm-up pass (the
  first call of a process also loads kiwipiepy's model, about 1.5 s, which is not counted);
- SQL queries per search (must not depend on the corpus);
- precision@1 (the duplicate's stored problem comes first), recall@5 (it is among the five
  suggestions) per language, and the false suggestion rate (queries that should get nothing
  but get at least one suggestion).

    .venv/bin/python bench/agenda_similarity.py              # SQLite: prints, writes the results
    .venv/bin/python bench/agenda_similarity.py --postgres   # PostgreSQL: adds its section
    .venv/bin/python bench/agenda_similarity.py --no-write
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import cpu_model

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "agenda_similarity.md"
DATA = ROOT / "bench" / "data" / "agenda_duplicates.json"
POSTGRES_DB = "oc_bench_similarity"
POSTGRES_URL = f"postgres://postgres@127.0.0.1:5432/{POSTGRES_DB}"
DATABASES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
GENERATED = 10_000
PASSES = 3
LIMIT = 5
SEED = 2026
LANGUAGES = {"ko": 0.45, "en": 0.35, "both": 0.20}
STATES = {
    "proposed": 0.5,
    "under_review": 0.15,
    "adopted": 0.1,
    "in_experiment": 0.1,
    "resolved": 0.08,
    "archived": 0.07,
}
MERGED = 0.02

# Parts the generated problems are combined from, each as [Korean, English].
PARTS = json.loads((ROOT / "bench" / "data" / "agenda_parts.json").read_text())
DISTRICTS, SPOTS, AFFECTED = PARTS["districts"], PARTS["spots"], PARTS["affected"]
PROBLEMS, FILLERS, THEMES = PARTS["problems"], PARTS["fillers"], PARTS["themes"]


def josa(word, with_final, without_final):
    """The Korean particle that fits ``word``: 이/가, 을/를 depend on its last syllable."""
    last = word[-1]
    hangul = "가" <= last <= "힣"
    has_final = (ord(last) - ord("가")) % 28 != 0 if hangul else last in "0136781LMNR"
    return word + (with_final if has_final else without_final)


def generate_problem(rng):
    """One generated problem: its theme slug, place, affected group and texts in both languages."""
    theme = rng.choice(list(THEMES))
    parts = THEMES[theme]
    subject, district, spot = rng.choice(parts["subjects"]), rng.choice(DISTRICTS), rng.choice(SPOTS)
    affected, action, problem = rng.choice(AFFECTED), rng.choice(parts["actions"]), rng.choice(PROBLEMS)
    harms = rng.sample(parts["harms"], rng.randint(1, 2))
    fillers = rng.sample(FILLERS, rng.randint(0, 2))
    years = rng.randint(2, 30)
    form = rng.randrange(4)
    title_ko = [
        f"{subject[0]} {problem[0]}",
        f"{district[0]} {spot[0]} {subject[0]} {problem[0]}",
        f"{josa(affected[0], '을', '를')} 위한 {subject[0]} {problem[0]}",
        f"{district[0]} {subject[0]}, {josa(action[0], '이', '가')} 필요합니다",
    ][form]
    english_problem = problem[1].format(s=subject[1], S=subject[1][0].upper() + subject[1][1:])
    title_en = [
        english_problem,
        f"{english_problem} in {district[1]}",
        f"{english_problem} for {affected[1]}",
        f"{district[1]} needs {action[1]}",
    ][form]
    description_ko = " ".join(
        [
            rng.choice(
                [
                    f"{district[0]} {spot[0]}에 사는 주민입니다.",
                    f"{district[0]}에서 {years}년째 살고 있습니다.",
                ]
            ),
            f"{subject[0]} 문제로 {josa(affected[0], '이', '가')} 불편을 겪고 있습니다.",
            *(harm[0] for harm in harms),
            *(filler[0] for filler in fillers),
            f"구청과 주민이 함께 {josa(action[0], '을', '를')} 시작했으면 합니다.",
        ]
    )
    description_en = " ".join(
        [
            rng.choice(
                [
                    f"I live near {spot[1]} in {district[1]}.",
                    f"I have lived in {district[1]} for {years} years.",
                ]
            ),
            f"Problems with {subject[1]} are hard on {affected[1]}.",
            *(harm[1] for harm in harms),
            *(filler[1] for filler in fillers),
            f"The district and residents could start {action[1]} together.",
        ]
    )
    return {
        "theme": theme,
        "place": (f"{district[0]} {spot[0]}", f"{spot[1]}, {district[1]}"),
        "affected": affected,
        "title": (title_ko, title_en),
        "description": (description_ko, description_en),
    }


def weighted(rng, shares):
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def generated_agenda(rng, campus, themes):
    from opencampus.agendas.models import Agenda

    problem = generate_problem(rng)
    language = weighted(rng, LANGUAGES)
    korean, english = language in ("ko", "both"), language in ("en", "both")
    side = 0 if korean else 1
    return Agenda(
        campus=campus,
        theme=themes[problem["theme"]],
        title_ko=problem["title"][0] if korean else "",
        title_en=problem["title"][1] if english else "",
        description_ko=problem["description"][0] if korean else "",
        description_en=problem["description"][1] if english else "",
        place=problem["place"][side],
        affected=problem["affected"][side],
        state=weighted(rng, STATES),
    )


# Building the campus


def build(labelled):
    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from opencampus.agendas.models import Agenda, Theme
    from opencampus.core.models import Campus

    call_command("migrate", verbosity=0)
    rng = random.Random(SEED)
    with scopes_disabled():
        campus = Campus.objects.create(slug="bench", name_ko="벤치", name_en="Bench")
        themes = {
            slug: Theme.objects.create(
                campus=campus, slug=slug, name_ko=parts["name"][0], name_en=parts["name"][1], order=n
            )
            for n, (slug, parts) in enumerate(THEMES.items())
        }
        generated = Agenda.objects.bulk_create(
            (generated_agenda(rng, campus, themes) for _ in range(GENERATED)), batch_size=2_000
        )
        merged = rng.sample(generated, int(GENERATED * MERGED))
        for agenda in merged:
            agenda.merged_into = rng.choice(generated)
            while agenda.merged_into.pk == agenda.pk:
                agenda.merged_into = rng.choice(generated)
            agenda.state = Agenda.State.ARCHIVED
        Agenda.objects.bulk_update(merged, ["merged_into", "state"])
        stored = {
            pair["id"]: Agenda.objects.create(
                campus=campus, theme=themes.get(pair["theme"]), **pair["stored"]
            ).pk
            for pair in labelled["pairs"]
        }
    return campus, stored


# Measuring


def queries(labelled, stored):
    """(kind, language, text, the stored agenda's id or None) of every labelled query."""
    for pair in labelled["pairs"]:
        query = pair["query"]
        yield "duplicate", pair["language"], f"{query['title']}\n{query['description']}", stored[pair["id"]]
    for query in labelled["unrelated"]:
        yield "unrelated", query["language"], f"{query['title']}\n{query['description']}", None


def search(campus, text):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from opencampus.agendas.services.similarity import similar_agendas

    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        matches = similar_agendas(campus=campus, text=text, limit=LIMIT)
        elapsed = time.perf_counter() - started
    return [match.agenda.pk for match in matches], elapsed, len(context)


def quality(campus, labelled, stored):
    """Per language: [queries, first right, among the five]; and for the unrelated ones:
    [queries, with a suggestion]; plus the query counts seen."""
    duplicates, unrelated, counts = {}, {}, set()
    for kind, language, text, expected in queries(labelled, stored):
        found, _elapsed, count = search(campus, text)
        counts.add(count)
        if kind == "duplicate":
            row = duplicates.setdefault(language, [0, 0, 0])
            row[0] += 1
            row[1] += bool(found) and found[0] == expected
            row[2] += expected in found
        else:
            row = unrelated.setdefault(language, [0, 0])
            row[0] += 1
            row[1] += bool(found)
    return duplicates, unrelated, sorted(counts)


def latencies(campus, labelled, stored):
    timings = []
    for _ in range(PASSES):
        for _kind, _language, text, _expected in queries(labelled, stored):
            timings.append(search(campus, text)[1])
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "searches": len(timings),
    }


def database_version():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def analyze():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def setup_django(var_dir, database_url):
    os.environ["VAR_DIR"] = str(var_dir)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencampus.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def run(database):
    """Build, index and measure in this process; print the results as one JSON line."""
    labelled = json.loads(DATA.read_text())
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir, POSTGRES_URL if database == "postgres" else None)
        from django_scopes import scope

        from opencampus.agendas.models import Agenda, AgendaTerm
        from opencampus.agendas.services.similarity import reindex_campus

        started = time.perf_counter()
        campus, stored = build(labelled)
        built = time.perf_counter() - started
        with scope(campus=campus):
            from opencampus.agendas.text_terms import analyser

            analyser()  # the model's load is a process's one-off cost, not the index's
            started = time.perf_counter()
            indexed = reindex_campus(campus=campus)
            index_seconds = time.perf_counter() - started
            if database == "postgres":
                analyze()
            duplicates, unrelated, counts = quality(campus, labelled, stored)
            timing = latencies(campus, labelled, stored)
            print(
                json.dumps(
                    {
                        "database": database_version(),
                        "built": built,
                        "agendas": indexed,
                        "merged": Agenda.objects.filter(campus=campus, merged_into__isnull=False).count(),
                        "postings": AgendaTerm.objects.filter(campus=campus).count(),
                        "index_seconds": index_seconds,
                        "duplicates": duplicates,
                        "unrelated": unrelated,
                        "query_counts": counts,
                        "latency": timing,
                    }
                )
            )


# Running and reporting


def postgres(*command):
    subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", POSTGRES_DB], check=True)


def run_child(database):
    if database == "postgres":
        postgres("dropdb", "--if-exists", "--force")
        postgres("createdb")
    try:
        output = subprocess.run(
            [sys.executable, __file__, "--run", database], capture_output=True, text=True, check=True
        ).stdout
    finally:
        if database == "postgres":
            postgres("dropdb", "--if-exists", "--force")
    return json.loads(output.strip().splitlines()[-1])


def share(numerator, denominator):
    return f"{numerator / denominator:.0%} ({numerator}/{denominator})" if denominator else "—"


def quality_table(results):
    names = {"ko": "Korean", "en": "English", "mixed": "mixed"}
    lines = ["| queries | precision@1 | recall@5 |", "|---|---|---|"]
    totals = [0, 0, 0]
    for language, name in names.items():
        asked, first, found = results["duplicates"].get(language, [0, 0, 0])
        totals = [totals[0] + asked, totals[1] + first, totals[2] + found]
        lines.append(f"| {asked} {name} duplicates | {share(first, asked)} | {share(found, asked)} |")
    lines.append(
        f"| all {totals[0]} duplicates | {share(totals[1], totals[0])} | {share(totals[2], totals[0])} |"
    )
    unrelated = [sum(row[n] for row in results["unrelated"].values()) for n in (0, 1)]
    by_language = ", ".join(
        f"{names[language]} {share(row[1], row[0])}" for language, row in sorted(results["unrelated"].items())
    )
    lines += [
        "",
        f"False suggestions: {share(unrelated[1], unrelated[0])} of the queries that should get none "
        f"were shown at least one ({by_language}).",
    ]
    return lines


def machine(database_version, load):
    model = cpu_model()
    import django
    import kiwipiepy

    return [
        f"- Platform: {platform.platform()}",
        f"- CPU: {model}, {os.cpu_count()} cores (load average {load:.1f} at the start)",
        f"- Python {platform.python_version()}, Django {django.get_version()}, kiwipiepy "
        f"{kiwipiepy.__version__}, {database_version}",
        f"- Date: {datetime.date.today().isoformat()}",
    ]


def milliseconds(seconds):
    return f"{seconds * 1000:.1f} ms"


def section(database, results, load):
    latency = results["latency"]
    counts = " or ".join(map(str, results["query_counts"]))
    lines = [
        f"## {DATABASES[database]}",
        "",
        f"{results['agendas']:,} agendas indexed ({results['merged']} of them merged into another), "
        f"{results['postings']:,} index entries; `reindex_campus` took {results['index_seconds']:.1f} s "
        f"(building the data {results['built']:.0f} s).",
        "",
        f"Latency of `similar_agendas` over {latency['searches']} searches ({PASSES} passes of every "
        "labelled query, after a warm-up pass):",
        "",
        "| p50 | p95 | max |",
        "|---|---|---|",
        "| " + " | ".join(milliseconds(latency[key]) for key in ("p50", "p95", "max")) + " |",
        "",
        f"SQL queries per search: {counts} (three when nothing is similar; two more load the terms "
        "shared with the suggestions and the suggested agendas).",
        "",
        "Quality:",
        "",
        *quality_table(results),
        "",
        "Machine:",
        *machine(results["database"], load),
    ]
    return "\n".join(lines) + "\n"


def header(labelled):
    pairs, unrelated = labelled["pairs"], labelled["unrelated"]
    count = {language: sum(p["language"] == language for p in pairs) for language in ("ko", "en", "mixed")}
    return (
        "# Similar-problem suggestions over 10,000 agendas\n\n"
        "Produced by `.venv/bin/python bench/agenda_similarity.py` (SQLite, a throwaway file database)\n"
        "and `... --postgres` (PostgreSQL, a throwaway database analysed after the load); each writes\n"
        f"its own section. One campus holds {GENERATED:,} generated problems (fixed seed, Korean, English\n"
        "or both, nine themes, 2 % merged into another; parts in `bench/data/agenda_parts.json`) and\n"
        "the stored problems of `bench/data/agenda_duplicates.json`: "
        f"{len(pairs)} duplicate pairs ({count['ko']} Korean,\n{count['en']} English, {count['mixed']} "
        f"bilingual stored problems asked in mixed or one language) and {len(unrelated)} queries\n"
        "that nothing stored resembles. A query is the duplicate's title and description, as the typing\n"
        "fragment sends them. The minimum score was chosen by looking at this same labelled set, so the\n"
        "quality figures are not those of unseen data.\n"
    )


def write(database, text, labelled):
    sections = {}
    if RESULTS.exists():
        for part in RESULTS.read_text().split("\n## ")[1:]:
            title = part.split("\n", 1)[0].strip()
            sections[title] = "## " + part.rstrip("\n") + "\n"
    sections[DATABASES[database]] = text
    ordered = [sections[title] for title in DATABASES.values() if title in sections]
    RESULTS.write_text(header(labelled) + "\n" + "\n".join(ordered))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="measure on PostgreSQL at 127.0.0.1:5432")
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not write {RESULTS.name}")
    parser.add_argument("--run", choices=list(DATABASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run)
        return
    database = "postgres" if args.postgres else "sqlite"
    load = os.getloadavg()[0]
    results = run_child(database)
    text = section(database, results, load)
    print(text)
    if not args.no_write:
        write(database, text, json.loads(DATA.read_text()))


if __name__ == "__main__":
    main()
