"""Addresses for operators and load balancers (no sign-in, no secrets in the answers)."""

from django.urls import path

from . import health

urlpatterns: list = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
