"""Names that roles, demo content and tests share: one source, so a renamed group or collection cannot drift.

Plain strings only (no imports): every app may read them, from core up.
"""

EDITORIAL_GROUP = "Redaktion"
MEMBERS_GROUP = "Netzwerk"
CITY_GROUP_PREFIX = "Stadtredaktion "
MEMBERS_COLLECTION = "Nur für Mitglieder"
CITY_COLLECTION_PREFIX = "Stadt "
ROOT_COLLECTION_NAME = "Netzwerk (öffentlich)"
SITE_NAME = "Inklusive Quartiere"
