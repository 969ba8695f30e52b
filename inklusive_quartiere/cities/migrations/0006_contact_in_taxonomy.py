"""The city's contact person now points at taxonomy.ContactPerson (same table, no database change)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cities', '0005_number_neighbourhoods'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # State only: the table and its foreign key constraints stay as they are.
            state_operations=[
                migrations.AlterField(
                    model_name='citypage',
                    name='contact',
                    field=models.ForeignKey(blank=True, help_text='Wird mit Name, Funktion und Telefon gezeigt; die E-Mail-Adresse nie.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.contactperson', verbose_name='Ansprechperson der Stadt'),
                ),
            ],
        ),
    ]
