"""The film's city field tells the editor that the film appears on that city's page (help text only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cities', '0008_remove_citypage_film'),
        ('films', '0002_signlanguagepage'),
    ]

    operations = [
        migrations.AlterField(
            model_name='filmpage',
            name='city',
            field=models.ForeignKey(blank=True, help_text='Der Film erscheint auf der Seite dieser Stadt. Leer lassen bei Filmen über das ganze Netzwerk (z. B. Trailer oder Abschlussfilm).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='films', to='cities.citypage', verbose_name='Stadt'),
        ),
    ]
