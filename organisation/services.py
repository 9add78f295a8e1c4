"""Writes to the organisation tree.

django-mptt keeps the tree in lft/rght/tree_id columns that an insert or a
move rewrites across many rows, and it allocates tree ids from max()+1, so two
concurrent writers can corrupt a tree or collide on a tree id. Every tree
write goes through `tree_write()`, which serialises them: on PostgreSQL with a
transaction-level advisory lock, on SQLite by SQLite's own single writer.
"""

from contextlib import contextmanager

from django.db import connection, transaction

# An arbitrary constant that names "the organisation tree" among advisory locks.
TREE_LOCK_KEY = 7_301_001


@contextmanager
def tree_write():
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK_KEY])
        yield


def save_unit(unit):
    with tree_write():
        unit.save()
    return unit


def delete_unit(unit):
    with tree_write():
        unit.delete()
