"""Many plain rows into one table at once, for imports of thousands of rows.

`bulk_create` builds and prepares a model instance per row; for link and detail rows
whose ids nobody needs back (yearly budgets, village links, audit rows) that is most of an
import's time. PostgreSQL takes the rows with COPY (one statement: its statement-level
triggers run once), SQLite with executemany.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert `rows` (tuples of database values in the order of `columns`, the column
    names) into `model`'s table."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # psycopg's own cursor: its errors become Django's (IntegrityError …) here.
            with connection.wrap_database_errors:
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", list(rows))
