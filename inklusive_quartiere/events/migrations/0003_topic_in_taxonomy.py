"""The event topic now points at taxonomy.Category (same table, no database change)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_related_steckbrief_links'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # State only: the table and its foreign key constraints stay as they are.
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='topic',
                    field=models.ForeignKey(blank=True, help_text='Die Steckbrief-Kategorie, um die es ging (verlinkt auf die passenden Steckbriefe).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='taxonomy.category', verbose_name='Thema'),
                ),
            ],
        ),
    ]
