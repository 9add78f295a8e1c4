"""The page cache's state: one content generation for the whole site, and what ends it.

Any write can change many pages (a commitment shows on its policy, its theme, the goal
overview, its unit's page, search and the legal register), so pages are not invalidated
one by one. Every cached page records the generation it was rendered in; a write starts
a new generation, and a page from an older one is never served again. The generation
lives in the shared cache itself, so one write reaches every app server at once.

Writes are noticed where all of them pass: the database cursor. An execute wrapper on
every connection sees each INSERT, UPDATE and DELETE on a table of the project's own
apps, whichever path it came by: a model's save(), a signal-less `queryset.update()`
(django-mptt's tree moves, django-admin-sortable2's drag ordering), `bulk_create()` in
the loader, a revert from the history. The new generation starts when the transaction
commits, never before: a request that read the generation in between would otherwise
store the old rows under the new generation.

The cached pages also depend on the code: a release's templates and Python files are
hashed into every key (`release()`), so a deployment never serves the last release's
pages.
"""

import hashlib
import logging
import os
import re
import secrets
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)
# What a page is made of, besides the database: hashed once per process.
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".js", ".json", ".yaml"}
RELEASE_SKIP = {
    ".venv",
    "node_modules",
    ".git",
    "staticfiles",
    "media",
    "fixtures",
    "tests",
    ".cache",
    "__pycache__",
    "test-artifacts",
    "backups",
}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_generation():
    # A fresh random token rather than incr(): set() is atomic on every backend, and a
    # generation lost to eviction can never come back as a value an old page carries.
    return secrets.token_hex(8)


def current_generation():
    cache_ = page_cache()
    generation = cache_.get(GENERATION_KEY)
    if generation is None:
        cache_.add(GENERATION_KEY, new_generation(), timeout=None)
        generation = cache_.get(GENERATION_KEY)
    return generation


def bump():
    """Start a new generation: every page cached so far is stale, on every app server."""
    try:
        page_cache().set(GENERATION_KEY, new_generation(), timeout=None)
    except Exception:  # the write itself has succeeded; a cache outage must not undo the request
        logger.exception("Could not start a new page cache generation")


def bump_after_commit(using="default"):
    connection = connections[using]
    if not connection.in_atomic_block:
        bump()
        return
    # Once per savepoint: a callback dies with the savepoint it was registered in.
    savepoints = set(connection.savepoint_ids)
    if not any(func is bump and sids == savepoints for sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(bump, using=using)


@cache
def project_tables():
    """The tables of the project's own apps (not Django's, not third parties')."""
    base = Path(settings.BASE_DIR).resolve()
    tables = set()
    for config in apps.get_app_configs():
        if Path(config.path).resolve().parent == base:  # a package of its own in the project
            tables.update(model._meta.db_table for model in config.get_models(include_auto_created=True))
    return frozenset(tables)


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    match = WRITE.match(sql)
    if match and match.group(1) in project_tables():
        bump_after_commit(context["connection"].alias)
    return result


def watch_connection(sender, connection, **kwargs):
    """connection_created: put the write watcher on every new database connection."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


@cache
def release():
    """A hash of the code and templates that render the pages, the same on every app server
    that runs the same release."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=8)
    for directory, subdirectories, files in os.walk(base):
        subdirectories[:] = sorted(name for name in subdirectories if name not in RELEASE_SKIP)
        for name in sorted(files):
            path = Path(directory, name)
            if path.suffix in RELEASE_SUFFIXES:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
