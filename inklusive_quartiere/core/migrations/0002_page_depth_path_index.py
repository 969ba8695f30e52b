"""An index on Wagtail's page table for "children of X" (depth + path prefix).

Treebeard asks for children with ``depth = n AND path LIKE 'prefix%'``; with only the path index the
database walks every descendant (20 000 Steckbriefe under the home page: ~18 ms per navigation render).
"""

from django.db import migrations

SQL = "CREATE INDEX IF NOT EXISTS iq_page_depth_path ON wagtailcore_page (depth, path)"


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunSQL(SQL, "DROP INDEX IF EXISTS iq_page_depth_path")]
