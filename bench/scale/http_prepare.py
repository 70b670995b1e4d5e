"""What the HTTP rows need before they load anything: the databases, the peer's virtualenv, the environment
our gunicorn runs with, and the learner (bench/scale/http_setup.py) each server is signed in as."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
SQLITE_DB = VAR / "http-sqlite.sqlite3"
PEER_DIR = ROOT / "bench" / "peer"
PEER_VENV = VAR / "peer" / "venv"
PEER_PACKAGE = "wagtail-lms==0.11.1"


def product_env(database_url, *, redis_db):
    """The production settings' environment, with throwaway secrets, plain HTTP on 127.0.0.1, and the cache
    and broker on a Redis database of the bench's own (13 for PostgreSQL, 14 for SQLite)."""
    from jwcrypto import jwk

    (VAR / "http-static").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.scale.http_settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=f"redis://127.0.0.1:6379/{redis_db}",
        CACHE_URL=f"rediscache://127.0.0.1:6379/{redis_db}",
        OPENBADGES_SIGNING_KEY=jwk.JWK.generate(kty="EC", crv="P-256", kid="bench").export_private(),
        EMAIL_HOST="smtp.example.org",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="False",
        ALLAUTH_TRUSTED_PROXY_COUNT="0",
        DJANGO_MEDIA_ROOT=str(VAR / "http-media"),
        DJANGO_STATIC_ROOT=str(VAR / "http-static"),  # no collectstatic: pages only link their static files
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def run_json(command, *, env, cwd=ROOT):
    """The last line of a command's output, as JSON."""
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)  # noqa: S603 (our own)
    if done.returncode:
        raise RuntimeError(f"{' '.join(map(str, command))} failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def learner_ours(env):
    """{email, password, lesson_path, queries} from bench/scale/http_setup.py, run as a module (as a script,
    bench/scale/http.py would hide the standard library's `http`)."""
    return run_json([PYTHON, "-m", "bench.scale.http_setup"], env=env)


def peer_env():
    """This environment without the project's settings (scripts/bench-scale exports DJANGO_SETTINGS_MODULE,
    DATABASE_URL and the rest for the project): the peer reads its own."""
    project = ("DJANGO_", "DATABASE_", "CACHE_", "CELERY_")
    return {name: value for name, value in os.environ.items() if not name.startswith(project)}


def learner_peer():
    return run_json([PEER_VENV / "bin" / "python", PEER_DIR / "setup_peer.py"], env=peer_env())


def _manage(*args, env):
    command = [PYTHON, "manage.py", *args]
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 (our own)


def _build_env(database_url):
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "learning.settings.test", "DATABASE_URL": database_url}


def postgres_ensure(database_url):
    """Create a small database (2 organisations of 200) when the URL's database does not exist yet; True if
    it did so."""
    import psycopg

    parts = psycopg.conninfo.conninfo_to_dict(database_url.replace("postgres://", "postgresql://", 1))
    name = parts.pop("dbname")
    with psycopg.connect(**parts, dbname="postgres", autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
    env = _build_env(database_url)
    _manage("migrate", "--noinput", env=env)
    _manage("load_seed_modules", env=env)
    _manage("generate_population", "--organisations", "2", "--staff", "200", env=env)
    return True


def sqlite_ensure():
    """Our SQLite database for the comparison with the peer: migrated, with the seed modules."""
    if SQLITE_DB.exists():
        return
    env = _build_env(f"sqlite:///{SQLITE_DB}")
    _manage("migrate", "--noinput", env=env)
    _manage("load_seed_modules", env=env)


def peer_ensure():
    """The peer's own virtualenv (never the project's), with wagtail-lms and gunicorn."""
    if (PEER_VENV / "bin" / "gunicorn").exists():
        return
    venv = [Path(sys.base_prefix) / "bin" / "python3", "-m", "venv", PEER_VENV]
    subprocess.run(venv, check=True)  # noqa: S603 (our own arguments)
    pip = [PEER_VENV / "bin" / "pip", "install", "--quiet", PEER_PACKAGE, "gunicorn"]
    done = subprocess.run(pip, capture_output=True, text=True)  # noqa: S603 (our own arguments)
    if done.returncode:
        raise RuntimeError(f"pip install {PEER_PACKAGE} failed: {done.stderr.strip()[-800:]}")
