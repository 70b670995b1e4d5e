"""The HTTP rows of the scale benchmark (issue #17): pages served by gunicorn, loaded by wrk, signed in.

- PostgreSQL (the harness's generated data): the lesson page, My learning and the catalogue against the
  ceiling, a bare Django view behind the same middleware with the same session cookie (bench/scale/
  ceiling_urls.py), served by the same gunicorn (2 workers, learning.wsgi, production settings).
- SQLite: our lesson page against wagtail-lms's lesson page (bench/peer/, its own virtualenv), both under
  gunicorn with 2 workers, on the same machine in the same run.

Rounds are interleaved (bare, lesson, My learning, catalogue; then again) after a warm-up, and each figure
is the median of the rounds. Writes <results_dir>/http.json. Alone:
    .venv/bin/python -m bench.scale.http --database-url postgres://127.0.0.1:5432/bench_scale
"""

import argparse
import fcntl
import json
import os
import statistics
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bench.scale import RESULTS_DIR, http_server, machine
from bench.scale.http_prepare import (
    PEER_PACKAGE,
    PEER_VENV,
    ROOT,
    SQLITE_DB,
    learner_ours,
    learner_peer,
    peer_ensure,
    peer_env,
    postgres_ensure,
    product_env,
    sqlite_ensure,
)
from bench.scale.wrk import wrk_command, wrk_run

ROUNDS, SECONDS, WARMUP_SECONDS = 3, 10, 3
PAGE_TARGET, LIST_TARGET, PEER_TARGET = 0.25, 0.2, 2.0
ENTRY = ".venv/bin/python -m bench.scale.http --database-url {url}"
COOKIE_SHOWN = "sessionid=<the learner's>; csrftoken=<theirs>"
CEILING_WHAT = "bare Django view, same gunicorn, middleware and session cookie"
PEER_WHAT = "wagtail-lms 0.11.1 H5P lesson page (bench/peer), same machine and run"
METHOD = (
    "gunicorn 2 sync workers on 127.0.0.1 (project: learning.wsgi with bench.scale.http_settings = "
    "learning.settings.production, DEBUG off, Redis cache, plain HTTP; peer: bench/peer, DEBUG off, SQLite); "
    f"wrk -t2 -c20 --latency, {WARMUP_SECONDS} s warm-up per URL, then {ROUNDS} interleaved rounds of "
    f"{SECONDS} s per URL; medians of the rounds; signed in as a learner through the sign-in form; every URL "
    "checked to answer 200 signed in before and after. The load generator shares the 2 cores with the "
    "server; the 1-minute load average per round is in each row's raw numbers."
)


def log(message):
    print(f"[bench-http {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def rounds(targets):
    """{label: [wrk figures per round]} for targets [(label, url, cookie)], interleaved after a warm-up; wrk's
    own reports go to var/bench/http-logs/."""
    for _label, url, cookie in targets:
        wrk_run(url, cookie=cookie, seconds=WARMUP_SECONDS)
    samples = {label: [] for label, _url, _cookie in targets}
    samples["load_average_1min"] = [round(os.getloadavg()[0], 2)]
    for number in range(1, ROUNDS + 1):
        log(f"round {number} of {ROUNDS}: {', '.join(label for label, _url, _cookie in targets)}")
        for label, url, cookie in targets:
            figures, report = wrk_run(url, cookie=cookie, seconds=SECONDS)
            (http_server.LOGS / f"wrk-{label}-{number}.txt").write_text(report)
            samples[label].append(figures)
        samples["load_average_1min"].append(round(os.getloadavg()[0], 2))
    return samples


def _median(values):
    return round(statistics.median(values), 1)


def _summary(samples):
    return {
        "req_per_s_rounds": [s["requests_per_sec"] for s in samples],
        "p50_ms_median": _median(s["latency_ms"]["50"] for s in samples),
        "p99_ms_median": _median(s["latency_ms"]["99"] for s in samples),
        "p99_ms_rounds": [s["latency_ms"]["99"] for s in samples],
        "non_2xx_3xx": sum(s["non_2xx_3xx"] for s in samples),
        "socket_errors": sum(sum(s["socket_errors"].values()) for s in samples),
    }


def _row(what, *, value, ceiling, ceiling_what, target, command, raw, why="", p99_ms=None):
    """A row in the results format; p99_ms (median of the rounds) is an extra key the report may ignore."""
    ratio = round(value / ceiling, 3) if value and ceiling else None
    met = ratio is not None and ratio >= target
    row = {"what": what, "value": value, "unit": "req/s", "ceiling": ceiling, "ceiling_what": ceiling_what}
    row.update(ratio=ratio, target=target, met=met, command=command, raw=raw, p99_ms=p99_ms)
    if why and not met:
        row["why"] = why
    return row


def _failed(what, *, ceiling_what, target, command, error):
    return _row(
        what,
        value=None,
        ceiling=None,
        ceiling_what=ceiling_what,
        target=target,
        command=command,
        raw=f"not measured: {error}",
        why=f"not measured: {error}",
    )


def _our_fields(learner):
    return {"login": learner["email"], "password": learner["password"]}


def _why(learner, path, samples, label):
    queries = learner["queries"]
    summary = _summary(samples[label])
    return (
        f"{queries[path]['queries']} SQL queries per request (the bare view: "
        f"{queries['/bench-bare/']['queries']}); median p50 {summary['p50_ms_median']} ms under 20 "
        f"connections; 1-minute load average {samples['load_average_1min']} while measuring"
    )


def postgres_rows(database_url):
    command = ENTRY.format(url=database_url)
    pages = [
        ("lesson", "lesson page", PAGE_TARGET),
        ("my_learning", "My learning", LIST_TARGET),
        ("catalogue", "catalogue", LIST_TARGET),
    ]
    what = "{} (PostgreSQL), gunicorn 2 workers, wrk 20 connections"
    try:
        created = postgres_ensure(database_url)
        env = product_env(database_url, redis_db=13)
        learner = learner_ours(env)
        paths = {
            "bare": "/bench-bare/",
            "lesson": learner["lesson_path"],
            "my_learning": "/my-learning/",
            "catalogue": "/catalogue/",
        }
        log(f"PostgreSQL: {learner['email']} on {paths['lesson']}; loading the pages with wrk")
        with http_server.product(env, name="product-postgresql") as server:
            cookie = server.sign_in("/accounts/login/", _our_fields(learner))
            server.check(paths.values(), cookie)
            samples = rounds([(label, server.url(path), cookie) for label, path in paths.items()])
            server.check(paths.values(), cookie)
    except Exception as error:  # the reason goes into the results; the peer row still runs
        return [
            _failed(
                what.format(title), ceiling_what=CEILING_WHAT, target=target, command=command, error=error
            )
            for _key, title, target in pages
        ]
    common = {
        "database": database_url,
        "small_database_created_by_http_py": created,
        "learner": learner["email"],
        "paths": paths,
        "queries_per_request": learner["queries"],
        "gunicorn": " ".join(http_server.PRODUCT_GUNICORN_ARGS),
        "wrk": " ".join(wrk_command("http://127.0.0.1:<port><path>", cookie=COOKIE_SHOWN, seconds=SECONDS)),
        "load_average_1min_per_round": samples["load_average_1min"],
        "bare": _summary(samples["bare"]),
    }
    bare = _median(s["requests_per_sec"] for s in samples["bare"])
    return [
        _row(
            what.format(title),
            value=_median(s["requests_per_sec"] for s in samples[key]),
            ceiling=bare,
            ceiling_what=CEILING_WHAT,
            target=target,
            command=command,
            raw={**common, key: _summary(samples[key])},
            why=_why(learner, paths[key], samples, key),
            p99_ms=_summary(samples[key])["p99_ms_median"],
        )
        for key, title, target in pages
    ]


def peer_rows(database_url):
    what = "lesson page on SQLite vs wagtail-lms's lesson page, gunicorn 2 workers, wrk 20 connections"
    command = ENTRY.format(url=database_url) + f" (the SQLite part uses {SQLITE_DB.relative_to(ROOT)})"
    try:
        sqlite_ensure()
        env = product_env(f"sqlite:///{SQLITE_DB}", redis_db=14)
        learner = learner_ours(env)
        peer_ensure()
        peer = learner_peer()
        log(f"SQLite: ours {learner['lesson_path']}, the peer's {peer['lesson_path']}; loading them with wrk")
        servers = http_server.product(env, name="product-sqlite"), http_server.peer(PEER_VENV, env=peer_env())
        with servers[0] as ours, servers[1] as theirs:
            our_cookie = ours.sign_in("/accounts/login/", _our_fields(learner))
            peer_cookie = theirs.sign_in(
                "/login/", {"username": peer["username"], "password": peer["password"]}
            )
            targets = [
                ("peer", theirs.url(peer["lesson_path"]), peer_cookie),
                ("ours", ours.url(learner["lesson_path"]), our_cookie),
            ]
            ours.check([learner["lesson_path"]], our_cookie)
            theirs.check([peer["lesson_path"]], peer_cookie)
            samples = rounds(targets)
            ours.check([learner["lesson_path"]], our_cookie)
            theirs.check([peer["lesson_path"]], peer_cookie)
    except Exception as error:  # the reason goes into the results
        return [_failed(what, ceiling_what=PEER_WHAT, target=PEER_TARGET, command=command, error=error)]
    raw = {
        "ours": _summary(samples["ours"]),
        "peer": _summary(samples["peer"]),
        "our_database": str(SQLITE_DB.relative_to(ROOT)),
        "our_lesson": learner["lesson_path"],
        "our_queries_per_request": learner["queries"][learner["lesson_path"]]["queries"],
        "peer_lesson": peer["lesson_path"],
        "peer_package": PEER_PACKAGE,
        "peer_gunicorn": " ".join(http_server.PEER_GUNICORN_ARGS),
        "load_average_1min_per_round": samples["load_average_1min"],
        "cache": "ours: Redis (production settings); peer: Django's default local-memory cache",
    }
    ours_rps = _median(s["requests_per_sec"] for s in samples["ours"])
    peer_rps = _median(s["requests_per_sec"] for s in samples["peer"])
    why = _why(learner, learner["lesson_path"], samples, "ours")
    return [
        _row(
            what,
            value=ours_rps,
            ceiling=peer_rps,
            ceiling_what=PEER_WHAT,
            target=PEER_TARGET,
            command=command,
            raw=raw,
            p99_ms=raw["ours"]["p99_ms_median"],
            why=why,
        )
    ]


def run(*, database_url, results_dir=RESULTS_DIR):
    """Measure the HTTP rows and write <results_dir>/http.json; returns the document written."""
    subprocess.run([ROOT / "scripts" / "ensure-wrk"], check=False)  # noqa: S603 (our own script)
    lock = (ROOT / "var" / "bench" / "http.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # two runs at once would load the same two cores and each other's data
    with lock:
        rows = [*postgres_rows(database_url), *peer_rows(database_url)]
    document = {
        "rows": rows,
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "method": METHOD,
    }
    results_dir = Path(results_dir)
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "http.json").write_text(json.dumps(document, indent=2) + "\n")
    log(f"wrote {results_dir / 'http.json'}")
    return document


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://127.0.0.1:5432/bench_scale")
    parser.add_argument("--results-dir", default=str(RESULTS_DIR))
    options = parser.parse_args()
    document = run(database_url=options.database_url, results_dir=options.results_dir)
    for row in document["rows"]:
        print(
            f"{row['what']}: {row['value']} {row['unit']} / {row['ceiling']} = {row['ratio']} "
            f"(target {row['target']}, met {row['met']})"
        )


if __name__ == "__main__":
    main()
