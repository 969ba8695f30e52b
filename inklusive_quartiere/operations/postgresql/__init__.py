"""Django's PostgreSQL backend with deadlines for a frozen server (see ``operations/database.py``)."""
