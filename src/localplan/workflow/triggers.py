"""Database triggers that keep an announced edition frozen on every write path (see freeze.py).

They refuse INSERT and UPDATE only: deletes are refused by signals, so that a test
database can still be flushed (SQLite flushes with DELETE). Installed by migration 0002 on
SQLite and PostgreSQL; both raise an integrity error with a message starting "localplan:".
"""

from __future__ import annotations

FROZEN = "('announced', 'superseded')"
MESSAGE = "localplan: an announced edition is frozen"
APPEND_ONLY_MESSAGE = "localplan: this record is never changed"

# table -> SQL giving the state of the edition a row (NEW or OLD) belongs to
ROW_EDITION_STATE = {
    "devplan_planproject": (
        "(SELECT e.state FROM devplan_devplanedition e WHERE e.id = {row}.edition_id)"
    ),
    "devplan_projectbudget": (
        "(SELECT e.state FROM devplan_devplanedition e JOIN devplan_planproject p"
        " ON p.edition_id = e.id WHERE p.id = {row}.project_id)"
    ),
    "devplan_planprojectvillage": (
        "(SELECT e.state FROM devplan_devplanedition e JOIN devplan_planproject p"
        " ON p.edition_id = e.id WHERE p.id = {row}.planproject_id)"
    ),
    "opsplan_opsentry": (
        "(SELECT e.state FROM opsplan_opsedition e WHERE e.id = {row}.edition_id)"
    ),
    "opsplan_opsentryvillage": (
        "(SELECT e.state FROM opsplan_opsedition e JOIN opsplan_opsentry r"
        " ON r.edition_id = e.id WHERE r.id = {row}.opsentry_id)"
    ),
}
EDITION_TABLES = ("devplan_devplanedition", "opsplan_opsedition")
EDITION_IDENTITY = (
    "kind",
    "sequence",
    "sequence_year",
    "plan_id",
    "based_on_id",
    "organization_id",
)
PLAN_TABLES = {
    "devplan_devplan": (
        "devplan_devplanedition",
        ("regime", "first_fiscal_year", "last_fiscal_year", "organization_id"),
    ),
    "opsplan_operationalplan": ("opsplan_opsedition", ("fiscal_year", "organization_id")),
}
# Records never changed; for a transition, only its user may become NULL (a deleted user).
APPEND_ONLY_TABLES = {
    "workflow_announcement": (),
    "workflow_resolution": (),
    "workflow_transition": (
        "organization_id",
        "dev_edition_id",
        "ops_edition_id",
        "step",
        "from_state",
        "to_state",
        "occurred_on",
        "at",
        "actor_name",
        "actor_role",
        "content_version",
        "committee_review",
        "council_approval",
        "comments",
        "inputs",
    ),
}


def _distinct(a: str, b: str, vendor: str) -> str:
    return f"{a} IS NOT {b}" if vendor == "sqlite" else f"{a} IS DISTINCT FROM {b}"


def _edition_change_refused(vendor: str) -> str:
    """An UPDATE of a frozen edition other than announced → superseded, all else equal."""
    identity_changed = " OR ".join(
        _distinct(f"NEW.{column}", f"OLD.{column}", vendor) for column in EDITION_IDENTITY
    )
    return (
        f"OLD.state IN {FROZEN} AND ("
        "NOT (NEW.state = OLD.state OR (OLD.state = 'announced' AND NEW.state = 'superseded'))"
        f" OR {identity_changed})"
    )


def _plan_change_refused(table: str, vendor: str) -> str:
    edition_table, columns = PLAN_TABLES[table]
    changed = " OR ".join(_distinct(f"NEW.{c}", f"OLD.{c}", vendor) for c in columns)
    return (
        f"({changed}) AND EXISTS (SELECT 1 FROM {edition_table} e"
        f" WHERE e.plan_id = OLD.id AND e.state IN {FROZEN})"
    )


def _sqlite_trigger(name: str, event: str, table: str, condition: str, message: str) -> str:
    when = f" WHEN {condition}" if condition else ""
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW{when} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"
    )


def _postgres_trigger(name: str, events: str, table: str, body: str) -> list[str]:
    return [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NEW; END $$;",
        f"CREATE TRIGGER {name} BEFORE {events} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();",
    ]


def _postgres_statement_trigger(
    name: str, event: str, table: str, transition_tables: str, condition: str
) -> list[str]:
    return [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF {condition} THEN {_pg_raise(MESSAGE)} END IF; RETURN NULL; END $$;",
        f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transition_tables} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}();",
    ]


def _pg_raise(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';"


def create_statements(vendor: str) -> list[str]:
    statements: list[str] = []
    for table, state_of in ROW_EDITION_STATE.items():
        new_frozen = f"{state_of.format(row='NEW')} IN {FROZEN}"
        old_frozen = f"{state_of.format(row='OLD')} IN {FROZEN}"
        name = f"workflow_frozen_{table}"
        if vendor == "sqlite":
            statements.append(_sqlite_trigger(f"{name}_ins", "INSERT", table, new_frozen, MESSAGE))
            statements.append(
                _sqlite_trigger(
                    f"{name}_upd", "UPDATE", table, f"{old_frozen} OR {new_frozen}", MESSAGE
                )
            )
        else:
            # Once per statement over all its rows: a bulk import of thousands of rows asks
            # for the editions' states in one query instead of one per row.
            def frozen_in(rows: str, state_of: str = state_of) -> str:
                state = state_of.format(row="changed")
                return f"EXISTS (SELECT 1 FROM {rows} changed WHERE {state} IN {FROZEN})"

            statements += _postgres_statement_trigger(
                f"{name}_ins", "INSERT", table, "NEW TABLE AS new_rows", frozen_in("new_rows")
            )
            statements += _postgres_statement_trigger(
                f"{name}_upd", "UPDATE", table, "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                f"{frozen_in('old_rows')} OR {frozen_in('new_rows')}",
            )  # fmt: skip
    for table in EDITION_TABLES:
        name = f"workflow_frozen_{table}"
        condition = _edition_change_refused(vendor)
        if vendor == "sqlite":
            statements.append(_sqlite_trigger(name, "UPDATE", table, condition, MESSAGE))
        else:
            body = f"IF {condition} THEN {_pg_raise(MESSAGE)} END IF;"
            statements += _postgres_trigger(name, "UPDATE", table, body)
    for table in PLAN_TABLES:
        name = f"workflow_frozen_{table}"
        condition = _plan_change_refused(table, vendor)
        if vendor == "sqlite":
            statements.append(_sqlite_trigger(name, "UPDATE", table, condition, MESSAGE))
        else:
            body = f"IF {condition} THEN {_pg_raise(MESSAGE)} END IF;"
            statements += _postgres_trigger(name, "UPDATE", table, body)
    for table, columns in APPEND_ONLY_TABLES.items():
        name = f"workflow_append_only_{table}"
        condition = " OR ".join(_distinct(f"NEW.{c}", f"OLD.{c}", vendor) for c in columns)
        if vendor == "sqlite":
            statements.append(
                _sqlite_trigger(name, "UPDATE", table, condition, APPEND_ONLY_MESSAGE)
            )
        else:
            refusal = _pg_raise(APPEND_ONLY_MESSAGE)
            body = f"IF {condition} THEN {refusal} END IF;" if condition else refusal
            statements += _postgres_trigger(name, "UPDATE", table, body)
    return statements


def trigger_names() -> list[tuple[str, str]]:
    """(trigger, table) pairs, for dropping them."""
    names = []
    for table in ROW_EDITION_STATE:
        names += [(f"workflow_frozen_{table}_ins", table), (f"workflow_frozen_{table}_upd", table)]
        names.append((f"workflow_frozen_{table}", table))
    names += [(f"workflow_frozen_{table}", table) for table in (*EDITION_TABLES, *PLAN_TABLES)]
    names += [(f"workflow_append_only_{table}", table) for table in APPEND_ONLY_TABLES]
    return names


def drop_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name};" for name, _table in trigger_names()]
    statements = []
    for name, table in trigger_names():
        statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table};")
        statements.append(f"DROP FUNCTION IF EXISTS {name}();")
    return statements


def install(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        return
    for statement in create_statements(vendor):
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        return
    for statement in drop_statements(vendor):
        schema_editor.execute(statement, params=None)
