from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("barriere-melden/", views.report, name="report"),
    path("barriere-melden/danke/", views.thanks, name="thanks"),
]
