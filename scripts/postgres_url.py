"""Print the DATABASE_URL for the PostgreSQL test pass, or explain why there is none.

DATABASE_URL wins when set. Otherwise the local server on 127.0.0.1:5432 is used with a throwaway
database name (pytest-django creates and drops ``test_<name>``). Exit codes: 0 = URL printed,
2 = PostgreSQL unreachable (the Makefile fails under CI=true and skips the pass otherwise).
"""

import os
import socket
import sys
import uuid

url = os.environ.get("DATABASE_URL", "")
if url.startswith(("postgres://", "postgresql://")):
    print(url)
    sys.exit(0)

host, port = os.environ.get("PGHOST", "127.0.0.1"), int(os.environ.get("PGPORT", "5432"))
user = os.environ.get("PGUSER", "postgres")
try:
    with socket.create_connection((host, port), timeout=3):
        pass
except OSError as exc:
    print(f"PostgreSQL is not reachable on {host}:{port} ({exc}).", file=sys.stderr)
    sys.exit(2)
print(f"postgres://{user}@{host}:{port}/iq_{uuid.uuid4().hex[:8]}")
