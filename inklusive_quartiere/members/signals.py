"""Roles follow the content: base roles after every migrate, a city's role when its page is created."""

from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from inklusive_quartiere.cities.models import CityPage

from .roles import ensure_city_role, ensure_roles


@receiver(post_migrate)
def create_base_roles(sender, app_config=None, using="default", **kwargs):
    # Once per migrate run, for the last installed app that has models: by then every app's permissions exist.
    # (Django sends post_migrate only to apps with a models module; the last installed app may have none.)
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is None or app_config is not with_models[-1]:
        return

    ensure_roles()


def _city_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_city_role(instance)


def connect_city_signal():
    post_save.connect(_city_created, sender=CityPage, dispatch_uid="members-city-role")


connect_city_signal()
