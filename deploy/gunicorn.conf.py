"""gunicorn's settings for policyhub (`make serve`; `gunicorn -c deploy/gunicorn.conf.py`).

Each value can be overridden by the environment variable named beside it.

- Listens on 127.0.0.1 only (GUNICORN_BIND; a Unix socket as `unix:/run/policyhub.sock`).
  The reverse proxy in front terminates TLS and is the only client: a client that reached
  gunicorn directly could claim HTTPS with X-Forwarded-Proto, which Django trusts
  (SECURE_PROXY_SSL_HEADER).
- Sync workers: the pages are CPU-bound Django rendering with a few short queries, the
  proxy buffers slow clients, and a sync worker's `timeout` bounds every request: a worker
  silent for 30 s is killed and replaced, so no request can hold one for longer. The
  admin refuses oversized formsets before building them (core/admin.py), so no legitimate
  request comes near it. WEB_CONCURRENCY workers (default 2 × CPUs + 1).
- Each instance has its own control socket next to its bind address (gunicorn's default
  is one per user, which two instances on one machine would share).
"""

import multiprocessing
import os
import re
import tempfile

bind = [os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")]
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Keep-alive only matters between the proxy and gunicorn.
keepalive = 5
# Recycle workers now and then, so that a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Headers a client could use to exhaust memory are refused by size.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"
# Only the proxy on this machine may set X-Forwarded-Proto/-For for gunicorn itself.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

_runtime = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
control_socket = os.environ.get(
    "GUNICORN_CONTROL_SOCKET",
    os.path.join(_runtime, "policyhub-gunicorn-" + re.sub(r"[^A-Za-z0-9]+", "-", bind[0]) + ".ctl"),
)
control_socket_mode = 0o600
