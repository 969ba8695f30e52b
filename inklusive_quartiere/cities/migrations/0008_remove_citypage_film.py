"""The city page no longer stores its film: the film names its city (see 0007)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cities', '0007_city_film_to_film_city'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='citypage',
            name='film',
        ),
    ]
