"""The content token moves here from the catalogue app (catalogue.IndexState → core.ContentToken).

State only: the table keeps its name (``catalogue_indexstate``) and its single row; catalogue.0002 removes the old
model from the catalogue's state and carries its content type over.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_alt_text_image_block'),
        ('catalogue', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # State only: the table and its row stay as they are.
            state_operations=[
                migrations.CreateModel(
                    name='ContentToken',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveBigIntegerField(default=0)),
                        ('token', models.CharField(default='initial', max_length=32)),
                    ],
                    options={
                        'verbose_name': 'Inhaltsstand',
                        'db_table': 'catalogue_indexstate',
                    },
                ),
            ],
        ),
    ]
