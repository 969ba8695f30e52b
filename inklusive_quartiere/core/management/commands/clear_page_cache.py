"""Invalidate every page in the anonymous page cache (core/page_cache.py); the next request renders anew."""

from django.core.management.base import BaseCommand

from inklusive_quartiere.core import page_cache


class Command(BaseCommand):
    help = "Leert den Seiten-Cache für nicht angemeldete Besucherinnen und Besucher."

    def handle(self, *args, **options):
        page_cache.clear()
        self.stdout.write("Seiten-Cache geleert.")
