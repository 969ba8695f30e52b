"""gunicorn for Inklusive Quartiere behind nginx (docs/deployment.md). Example: copy, adapt, keep under version control.

    gunicorn -c /etc/inklusive-quartiere/gunicorn.conf.py        (deploy/systemd/iq-gunicorn.service does this)

Values from the environment (systemd `EnvironmentFile=`), each also overridable on the command line:
GUNICORN_BIND (default: the unix socket nginx proxies to), WEB_CONCURRENCY (workers), GUNICORN_TIMEOUT.
The production test (inklusive_quartiere/testing/test_production.py) starts gunicorn with this file.
"""

import os

from gunicorn.glogging import Logger

wsgi_app = "inklusive_quartiere.wsgi:application"  # settings: inklusive_quartiere.settings.production

# nginx on the same host talks to a unix socket (then TRUSTED_PROXIES=unix); or 127.0.0.1:8000
# (TRUSTED_PROXIES=127.0.0.1). Never bind to a public address: the app trusts nginx's X-Forwarded-* headers.
bind = os.environ.get("GUNICORN_BIND", "unix:/run/inklusive-quartiere/gunicorn.sock")

# Sync workers, one request at a time each: 2–4 per core. Pages are rendered in a few milliseconds to a few hundred
# (a Steckbrief PDF ≈ 1–2 s); nginx buffers slow clients and large uploads, so a worker is never held by a slow
# network. Each worker keeps its own search engine in memory (catalogue/engine.py) and rebuilds it on its first
# catalogue request after a publish.
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
worker_class = "sync"

# A worker silent this long is killed and replaced (a frozen database answers far earlier: its connect and
# statement timeouts). Uploads of large videos to object storage are the slowest legitimate requests.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30  # on restart or SIGTERM, running requests may finish
keepalive = 5

# Heartbeat files in memory, not on a disk that may stall.
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - a tmpfs, as gunicorn recommends for its heartbeat files
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None

# No runtime control socket (gunicorn ≥ 24 would create one under $HOME).
control_socket_disable = True

# Logs go to stdout/stderr, i.e. the journal under systemd. The access log has no client address and no user agent
# (nginx's log has them, with the address shortened; docs/deployment.md), but nginx's request id to match both.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = "info"
access_log_format = '%(t)s %({x-request-id}i)s "%(r)s" %(s)s %(B)s %(M)sms'

HEALTH_PATHS = {"/healthz", "/readyz"}


class QuietHealthChecks(Logger):
    """The access log without the load balancer's probes of /healthz and /readyz (every few seconds, all alike)."""

    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") in HEALTH_PATHS:
            return
        super().access(resp, req, environ, request_time)


logger_class = QuietHealthChecks
