"""The shared taxonomies move here from the steckbriefe app: state only, the tables keep their names (db_table)."""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('steckbriefe', '0003_city_lanes_related_links'),
        ('cities', '0005_number_neighbourhoods'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # State only: the table and its foreign key constraints stay as they are.
            state_operations=[
                migrations.CreateModel(
                    name='Category',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, unique=True, verbose_name='Name')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='Kurzname (URL)')),
                        ('description', models.TextField(blank=True, max_length=600, verbose_name='Beschreibung')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='Reihenfolge')),
                    ],
                    options={
                        'verbose_name': 'Kategorie',
                        'verbose_name_plural': 'Kategorien',
                        'db_table': 'steckbriefe_category',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='FundingProgramme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, unique=True, verbose_name='Name')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='Kurzname (URL)')),
                        ('description', models.TextField(blank=True, max_length=600, verbose_name='Beschreibung')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='Reihenfolge')),
                    ],
                    options={
                        'verbose_name': 'Förderprogramm',
                        'verbose_name_plural': 'Förderprogramme',
                        'db_table': 'steckbriefe_fundingprogramme',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='TargetGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, unique=True, verbose_name='Name')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='Kurzname (URL)')),
                        ('description', models.TextField(blank=True, max_length=600, verbose_name='Beschreibung')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='Reihenfolge')),
                    ],
                    options={
                        'verbose_name': 'Zielgruppe',
                        'verbose_name_plural': 'Zielgruppen',
                        'db_table': 'steckbriefe_targetgroup',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='ContactPerson',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, verbose_name='Name')),
                        ('role', models.CharField(blank=True, max_length=120, verbose_name='Funktion')),
                        ('organisation', models.CharField(blank=True, max_length=200, verbose_name='Organisation')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon')),
                        ('email', models.EmailField(blank=True, help_text='Wird nie auf der Website angezeigt; Anfragen erreichen die Person über ein Formular.', max_length=254, verbose_name='E-Mail')),
                        ('is_example', models.BooleanField(default=False, verbose_name='Erfundene Beispielperson')),
                        ('city', models.ForeignKey(blank=True, help_text='Die Stadt, für die die Person Auskunft gibt. Städte sehen und wählen nur ihre eigenen Ansprechpersonen; ohne Stadt gilt die Person für das ganze Netzwerk (nur die Redaktion).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contact_persons', to='cities.citypage', verbose_name='Stadt')),
                    ],
                    options={
                        'verbose_name': 'Ansprechperson',
                        'verbose_name_plural': 'Ansprechpersonen',
                        'db_table': 'steckbriefe_contactperson',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
    ]
