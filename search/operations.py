from django.db.migrations.operations import AddIndex, RemoveIndex


class _OnPostgres:
    """For PostgreSQL-only index types (GIN), skipped on the SQLite of `make run`.

    The index stays in the model state on every database, so that
    `makemigrations --check` agrees on both.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class AddIndexOnPostgres(_OnPostgres, AddIndex):
    pass


class RemoveIndexOnPostgres(_OnPostgres, RemoveIndex):
    """On SQLite a table rebuilt by an earlier migration may hold the index as a plain one, which
    must go before its column can."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{self.name}"')
