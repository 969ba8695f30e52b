"""Django's PostgreSQL backend (psycopg 3), plus what ``operations/database.py`` describes: the statement timeout
for connections opened in a request, a client-side deadline on every wait for the server, and the circuit breaker
for new connections. Everything else — SQL, schema editor, introspection, test database creation — is Django's.
"""

from __future__ import annotations

import psycopg
from django.db.backends.postgresql import base

from inklusive_quartiere.operations import database


class GuardedConnection(psycopg.Connection):
    """psycopg's connection whose waits for the server end at the deadline of ``operations.database``.

    Every blocking operation of psycopg (execute, fetch, commit, rollback, copy, pipeline) goes through
    ``Connection.wait``; this is the one place that needs the guard."""

    def wait(self, gen, *args, **kwargs):
        seconds = database.client_deadline()
        if not seconds:
            return super().wait(gen, *args, **kwargs)
        try:
            fd = self.pgconn.socket
        except psycopg.Error:  # already closed: psycopg raises its own error in super().wait
            return super().wait(gen, *args, **kwargs)
        watch = database.watchdog.watch(fd, seconds)
        try:
            return super().wait(gen, *args, **kwargs)
        except psycopg.Error as error:
            if watch.fired:
                database.breaker.trip(f"no answer within {seconds:g} s")
                raise psycopg.OperationalError(
                    f"The database did not answer within {seconds:g} s; the connection was closed "
                    "(client-side deadline, DATABASE_STATEMENT_TIMEOUT)"
                ) from error
            raise
        finally:
            database.watchdog.unwatch(watch)


def _with_option(options: str, option: str) -> str:
    return f"{options} {option}".strip() if options else option


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        seconds = database.request_statement_timeout()  # None outside requests: commands keep Django's behaviour
        if seconds:
            remaining = database.breaker.remaining()
            if remaining:
                raise psycopg.OperationalError(
                    f"The database was unreachable moments ago; next connection attempt in {remaining:.1f} s"
                )
            conn_params = {
                **conn_params,
                "options": _with_option(conn_params.get("options", ""), f"-c statement_timeout={int(seconds * 1000)}"),
            }
        try:
            connection = super().get_new_connection(conn_params)
        except psycopg.OperationalError as error:
            if seconds:
                database.breaker.trip(str(error).splitlines()[0] if str(error) else type(error).__name__)
            raise
        if seconds:
            database.breaker.succeeded()
        if type(connection) is psycopg.Connection:  # not for a pool's connections (OPTIONS "pool")
            connection.__class__ = GuardedConnection
        return connection

    def is_usable(self):
        # Django's health check runs SELECT 1 on the raw connection, also between requests: never wait forever.
        with database.deadline(database.statement_timeout()):
            return super().is_usable()
