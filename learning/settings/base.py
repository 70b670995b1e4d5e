"""Settings shared by every environment; each value reads the environment with a safe development default."""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "learning.accounts",
    "learning.core",
    "learning.organisations",
    "learning.progress",
    "learning.sso",  # sign-in with an organisation's identity provider (docs/sso.md)
    "learning.provisioning",  # joiners, movers and leavers through SCIM 2.0 (docs/scim.md)
    "learning.coverage",
    "learning.privacy",
    "learning.navigation",
    "learning.demo",
    "modules",
    "assessments",
    "learning.completion",
    "learning.events",
    "learning.xapi",
    "learning.records",
    "certificates",
    "learning.lti",
    "lti_tool",  # django-lti: LTI registrations, deployments, keys and launch users (learning/lti)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",  # every sign-in's session, so a leaver can be signed out everywhere
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "django_celery_beat",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "learning.core.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "learning.core.nul_guard.RefuseNulMiddleware",  # before sessions: a NUL never reaches a query
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "learning.core.audit.AuditContextMiddleware",
    "learning.core.middleware.PrivateResponseCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "learning.sso.middleware.SignOnGuardMiddleware",  # identity-provider pages: a clear page, never a 500
    "learning.accounts.middleware.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "learning.urls"
WSGI_APPLICATION = "learning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "learning.navigation.context_processors.navigation",
            ],
        },
    },
]

# SQLite with WAL by default so the web process and the Celery worker can share it;
# DATABASE_URL for PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "learning.core.sqlite"  # Django's, comparing over-large integers safely
    # Tests in memory, Django's default for SQLite (pytest-django knows it by the engine's name: say it here).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a request reuses its worker's connection (checked first, so one the database closed
# is replaced) instead of opening one (and, on SQLite, running the PRAGMAs again) every time. 0 closes each
# connection at the end of its request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
# PostgreSQL planner settings, per connection (startup options, so they hold for every query without a SET;
# behind PgBouncer, which drops startup options, set them on the role instead: docs/scaling.md).
# - JIT compiles any query whose estimated cost passes jit_above_cost: ~45-50 ms spent on the coverage
#   aggregates, which run in milliseconds, and never repaid on this workload of short queries. Off unless
#   DATABASE_JIT=true.
# - random_page_cost 1.1 rather than 4, as PostgreSQL's documentation advises for SSD storage (and a database
#   that fits in memory): at 4 the planner reads an organisation's reflections by scanning the whole
#   platform's table (377 ms at 100,000 learners) instead of through the membership index (78 ms).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _startup = [f"-c random_page_cost={env.float('DATABASE_RANDOM_PAGE_COST', default=1.1)}"]
    if not env.bool("DATABASE_JIT", default=False):
        _startup.append("-c jit=off")
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = " ".join([_options.get("options", ""), *_startup]).strip()
# Reports and exports may read from a read replica (learning/core/db_router.py); writes always go to default.
if env("DATABASE_REPLICA_URL", default=""):
    _replica = env.db("DATABASE_REPLICA_URL")
    _replica["OPTIONS"] = {**_replica.get("OPTIONS", {}), **DATABASES["default"].get("OPTIONS", {})}
    DATABASES["replica"] = {**_replica, "ATOMIC_REQUESTS": False, "TEST": {"MIRROR": "default"}}
REPORTS_DATABASE = "replica" if "replica" in DATABASES else "default"
DATABASE_ROUTERS = ["learning.core.db_router.ReportsReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}


def cache_from_env(default):
    """CACHES from CACHE_URL, with Django's Redis backend replaced by the one that keeps its client
    (learning/core/redis_cache.py)."""
    config = env.cache("CACHE_URL", default=default)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "learning.core.redis_cache.KeptClientRedisCache"
    elif config["BACKEND"].endswith("LocMemCache"):
        config.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 10000)
    return {"default": config}


# In process memory by default (one process: development, tests); Redis in production, where every worker must
# see the same sessions and the same forgotten records (docs/scaling.md, "Caching").
CACHES = cache_from_env("locmemcache://")
# Sessions are read from the cache and written to both, so a request reads no session row and a cache that is
# emptied loses nobody's sign-in.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# How long a person's navigation record (roles and counts) may be served from the cache if an event that
# changes it was missed (a bulk update sends no signal); the events themselves forget it at once.
PERSON_CACHE_SECONDS = env.int("PERSON_CACHE_SECONDS", default=300)
# How long each process keeps Wagtail's site root paths in its own memory (they change only when a site or
# its root page does); a change in this process forgets them at once.
SITE_ROOT_PATHS_MEMO_SECONDS = env.int("SITE_ROOT_PATHS_MEMO_SECONDS", default=60)

# --- Response headers (see docs/deployment.md). Scripts and styles come only from our own static files:
# nothing inline, nothing from elsewhere. Lesson videos may be framed from the video sites in
# EMBED_FRAME_ORIGINS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": [
            SELF,
            *env.list(
                "EMBED_FRAME_ORIGINS",
                default=[
                    "https://www.youtube.com",
                    "https://www.youtube-nocookie.com",
                    "https://player.vimeo.com",
                ],
            ),
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin (/admin/ only; learning.core.middleware swaps these in there) still writes inline scripts
# (date pickers, inline panels) and styles (its editor), shows upload previews as blob: images, and frames its
# own preview.
CONTENT_SECURITY_POLICY_ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}
# Browser features the platform never uses, switched off for every page and anything framed in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "hid",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}

# --- Accounts (django-allauth): email login, verified addresses, invitation-only sign-up.
# The one name the platform goes by: pages, email subjects and bodies, certificates, badges, the TOTP issuer.
# Links that leave the site (emails, PDFs, badges) are built on WAGTAILADMIN_BASE_URL
# (learning/core/links.py).
SITE_NAME = env("SITE_NAME", default="Whole Family Learning")
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_learning"
# learning.sso's adapters extend learning.accounts' with single sign-on's rules (docs/sso.md).
ACCOUNT_ADAPTER = "learning.sso.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "learning.sso.adapter.SocialAccountAdapter"
# An organisation's identity provider finds an existing account by address (only for the organisation's own
# domains: the adapter) and links it; the provider gave name and address, so there is no sign-up form.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
# Keeps the SAML assertion's AuthnContextClassRef, to record whether the IdP used a second factor.
SOCIALACCOUNT_PROVIDERS = {"saml": {"provider_class": "learning.sso.providers.SAMLProvider"}}
ACCOUNT_FORMS = {"signup": "learning.accounts.forms.SignupForm"}  # with an invitation, its address only
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# learning.core.mail prefixes every subject with the name; this keeps allauth off the request's host if it
# ever formats a subject itself.
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# NHS boards and councils sit behind shared NAT addresses, so the per-address ceilings are high and the tight
# limits follow the account: failed sign-ins per account and address (the adapter's
# "login_failed_from_address": one person's typos lock out nobody else) and, higher, per account from
# anywhere. Correct passwords don't count.
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": "200/m/ip,20/15m/key",
    "login_failed_from_address": "5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# Behind a reverse proxy every request comes from the proxy: count the proxies that append to X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
# Open sign-up is off: people join by invitation from a workforce lead or an admin.
ACCOUNT_OPEN_SIGNUP = env.bool("ACCOUNT_OPEN_SIGNUP", default=False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# When on, workforce leads, platform admins and everyone who can open the Wagtail admin must sign in with
# their second factor (and set it up first if they have none) before going further.
MFA_REQUIRED_FOR_PRIVILEGED = env.bool("MFA_REQUIRED_FOR_PRIVILEGED", default=False)
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)
# Someone who has just joined through an invitation (signed up with it, or accepted it) starts on the first
# module the organisation requires of them (coverage's view; organisations and accounts sit below coverage,
# so they know it only by this name), else My learning.
INVITATION_ACCEPTED_URL = "first_assigned_module"
ACCOUNT_SIGNUP_REDIRECT_URL = INVITATION_ACCEPTED_URL  # sign-up is by invitation unless open sign-up is on
REFLECTION_REVIEW_DAYS = env.int(
    "REFLECTION_REVIEW_DAYS", default=14
)  # a submitted reflection is overdue after this
# Largest evidence file (PDF, PNG or JPEG) on a record of learning done elsewhere (learning/records).
RECORDS_EVIDENCE_MAX_BYTES = env.int("RECORDS_EVIDENCE_MAX_BYTES", default=5 * 1024 * 1024)
COVERAGE_DUE_SOON_DAYS = env.int(
    "COVERAGE_DUE_SOON_DAYS", default=14
)  # learners are reminded this long before a due date

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Certificates
# Days before expiry when learners are reminded; the private JWK that signs Open Badges
# (generated under var/ if unset).
CERTIFICATE_REMINDER_DAYS = env.list("CERTIFICATE_REMINDER_DAYS", cast=int, default=[60, 30, 7])
OPENBADGES_SIGNING_KEY = env("OPENBADGES_SIGNING_KEY", default="")
VERIFY_RATE_LIMIT = env("VERIFY_RATE_LIMIT", default="30/m")

# --- Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Off: its wrapper sizes videos with an inline style, which the policy blocks;
# site.css sizes .video-frame iframes.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = (
    None  # no avatars from gravatar.com: no outside calls, no staff email hashes sent out
)
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# One sign-in path: people sign in, reset and change passwords and change addresses through allauth only
# (learning/accounts/urls.py sends Wagtail's own login and reset URLs there too).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# --- Celery: the embedded filesystem transport by default (no server needed), Redis in production.
# What each setting below promises, and the tests that hold it: docs/reliability.md.
# Redis hands a message that was delivered but not acknowledged to another worker after `visibility_timeout`,
# so it must outlast the longest a live worker may hold one: the longest retry countdown (600 s, every task's
# retry_backoff_max) plus the hard time limit (CELERY_TASK_TIME_LIMIT, 300 s) = 900 s, doubled for a margin.
# Work whose worker was killed does not wait for it: the owed-work sweep re-queues it after
# OWED_AFTER_MINUTES.
# A publish to an unreachable Redis fails within about a second (connect timeout, one quick retry), and a
# Redis that stops answering mid-command within `socket_timeout`, so a request never hangs on the broker.
REDIS_BROKER_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=1800),
    "socket_connect_timeout": env.float("CELERY_BROKER_CONNECT_TIMEOUT", default=1.0),
    "socket_timeout": env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=5.0),
}
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://localhost//")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        # where kombu keeps its exchange table (broadcasts such as `celery inspect`); "control/" in the
        # working directory otherwise
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else REDIS_BROKER_OPTIONS
)
if CELERY_BROKER_URL.startswith("filesystem"):
    # The embedded transport needs its folders before the first message is written.
    for _folder in ("queue", "processed", "control"):
        (VAR_DIR / "celery" / _folder).mkdir(parents=True, exist_ok=True)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker that loses the broker cancels its running late-acknowledged tasks, so they are delivered again.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECT_TIMEOUT", default=1.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# One queue per workload, so a burst of certificates or a month's reports never delays a learner's recount
# (docs/scaling.md gives the worker command for each). Opt-in: unset, every task stays on the default queue
# that a single `celery worker` consumes (development, tests).
CELERY_TASK_ROUTES = (
    {
        "certificates.tasks.certificate_email": {"queue": "email"},
        "certificates.tasks.certificates_email": {"queue": "email"},
        "certificates.tasks.*": {"queue": "certificates"},
        "learning.coverage.tasks.reminders_daily": {"queue": "email"},
        "learning.coverage.tasks.digests_weekly": {"queue": "email"},
        "learning.coverage.tasks.staff_invitation_send": {"queue": "email"},
        "learning.organisations.tasks.invitation_send": {"queue": "email"},
        "learning.events.tasks.booking_email": {"queue": "email"},
        "learning.events.tasks.booking_reminder": {"queue": "email"},
        "assessments.tasks.notification_email": {"queue": "email"},
        "learning.coverage.tasks.*": {"queue": "reports"},
        "learning.privacy.tasks.*": {"queue": "reports"},
        "assessments.tasks.reflection_export_render": {"queue": "reports"},
    }
    if env.bool("CELERY_QUEUES_PER_WORKLOAD", default=False)
    else {}
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "learning.core.tasks.heartbeat", "schedule": 300.0},
    "owed-work": {"task": "learning.core.tasks.owed_sweep", "schedule": 180.0},
    "orphan-files": {"task": "learning.core.tasks.orphan_files_sweep", "schedule": 3600.0},
    "completions-repair": {
        "task": "learning.completion.tasks.completions_repair",
        "schedule": crontab(hour=2, minute=5),
    },
    "publish-scheduled-pages": {"task": "modules.tasks.publish_scheduled_pages", "schedule": 60.0},
    "certificate-expiry": {"task": "certificates.tasks.certificates_expiry_sweep", "schedule": 3600.0},
    "coverage-nightly": {
        "task": "learning.coverage.tasks.coverage_nightly",
        "schedule": crontab(hour=2, minute=15),
    },
    "coverage-reminders": {
        "task": "learning.coverage.tasks.reminders_daily",
        "schedule": crontab(hour=7, minute=0),
    },
    "coverage-weekly": {
        "task": "learning.coverage.tasks.digests_weekly",
        "schedule": crontab(hour=7, minute=30, day_of_week=1),
    },
    "coverage-monthly": {
        "task": "learning.coverage.tasks.reports_monthly",
        "schedule": crontab(hour=6, minute=30, day_of_month=1),
    },
    "event-reminders": {"task": "learning.events.tasks.event_reminders", "schedule": 3600.0},
    "follow-ups-daily": {
        "task": "assessments.tasks.follow_ups_daily",
        "schedule": crontab(hour=8, minute=0),
    },
    "data-exports-cleanup": {"task": "learning.privacy.tasks.data_exports_cleanup", "schedule": 3600.0},
    "retention-cleanup": {
        "task": "learning.core.tasks.retention_cleanup",
        "schedule": crontab(hour=3, minute=30),
    },
}
# Work owed for longer than this is queued again by the owed-work sweep (every 3 minutes); owed emails are
# given up after OWED_EMAIL_GIVE_UP_DAYS (the in-app record stays). Stored files no row names are deleted once
# older than ORPHAN_FILE_MINUTES, which must stay above CELERY_TASK_TIME_LIMIT. See docs/reliability.md.
OWED_AFTER_MINUTES = env.int("OWED_AFTER_MINUTES", default=5)
OWED_EMAIL_GIVE_UP_DAYS = env.int("OWED_EMAIL_GIVE_UP_DAYS", default=3)
OWED_BATCH = env.int("OWED_BATCH", default=500)
OWED_REQUEUE_GAP_MINUTES = env.int(
    "OWED_REQUEUE_GAP_MINUTES", default=60
)  # > any task's own retries (~45 min)
ORPHAN_FILE_MINUTES = env.int("ORPHAN_FILE_MINUTES", default=60)
# Retention, in days (learning.core.retention; the table is in docs/privacy.md): the nightly cleanup deletes
# rows older than these, with their files. Expired sessions go at the same time (their age is
# SESSION_COOKIE_AGE).
REFLECTION_EXPORT_RETENTION_DAYS = env.int("REFLECTION_EXPORT_RETENTION_DAYS", default=7)
CERTIFICATE_BUNDLE_RETENTION_DAYS = env.int("CERTIFICATE_BUNDLE_RETENTION_DAYS", default=7)
NOTIFICATION_READ_RETENTION_DAYS = env.int("NOTIFICATION_READ_RETENTION_DAYS", default=180)
NOTIFICATION_RETENTION_DAYS = env.int("NOTIFICATION_RETENTION_DAYS", default=365)  # read or not
INVITATION_RETENTION_DAYS = env.int(
    "INVITATION_RETENTION_DAYS", default=90
)  # after expiry, decline or cancel
HEARTBEAT_RETENTION_DAYS = env.int("HEARTBEAT_RETENTION_DAYS", default=7)
# "Download my data": a ready ZIP may be downloaded for this long, then the hourly cleanup deletes it
# (docs/privacy-data-export.md).
DATA_EXPORT_VALID_HOURS = env.int("DATA_EXPORT_VALID_HOURS", default=48)

# --- Provisioning (django-scim2 at /scim/v2/; docs/scim.md): each organisation's identity provider, known by
# its bearer token, sees and changes only that organisation's people and teams.
SCIM_SERVICE_PROVIDER = {
    "USER_MODEL_GETTER": "learning.provisioning.scim.config.person_model",
    "USER_ADAPTER": "learning.provisioning.scim.users.ScimUserAdapter",
    "GROUP_MODEL": "learning.provisioning.models.ScimGroup",
    "GROUP_ADAPTER": "learning.provisioning.scim.groups.ScimGroupAdapter",
    "USER_FILTER_PARSER": "learning.provisioning.scim.filters.PersonFilter",
    "GROUP_FILTER_PARSER": "learning.provisioning.scim.filters.GroupFilter",
    "SERVICE_PROVIDER_CONFIG_MODEL": "learning.provisioning.scim.config.ServiceProviderConfig",
    "BASE_LOCATION_GETTER": "learning.provisioning.scim.config.base_location",
    "GET_EXTRA_MODEL_FILTER_KWARGS_GETTER": "learning.provisioning.scim.config.organisation_only",
    "GET_EXTRA_MODEL_EXCLUDE_KWARGS_GETTER": "learning.provisioning.scim.config.nothing_excluded",
    "GET_OBJECT_POST_PROCESSOR_GETTER": "learning.provisioning.scim.config.object_as_is",
    "GET_QUERYSET_POST_PROCESSOR_GETTER": "learning.provisioning.scim.config.listed_with_relations",
    "AUTH_CHECK_MIDDLEWARE": "learning.provisioning.scim.auth.ScimTokenAuth",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and django-tasks every search-index update at INFO: noise here.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
