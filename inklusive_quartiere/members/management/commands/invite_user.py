"""Invites a person: creates the account with the right groups and e-mails a link to set the password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.members.roles import EDITORIAL, MEMBERS, city_group_for, ensure_city_role

ROLES = {
    "netzwerk": "Mitglied des Netzwerks",
    "stadtredaktion": "Stadtredaktion",
    "redaktion": "Redaktion",
}


class Command(BaseCommand):
    help = (
        "Lädt eine Person ein: legt den Zugang an (Benutzername = E-Mail-Adresse), ordnet die Rolle zu und "
        "schickt eine E-Mail mit einem Link zum Festlegen des Passworts."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--rolle", choices=sorted(ROLES), default="netzwerk")
        parser.add_argument("--stadt", help="Name der Stadt (für die Rolle stadtredaktion)")
        parser.add_argument("--vorname", default="")
        parser.add_argument("--nachname", default="")
        parser.add_argument("--basis-url", default="", help="z. B. https://inklusive-quartiere.de")

    def handle(self, *args, **options):
        from django.conf import settings

        email = options["email"].strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"„{email}“ ist keine gültige E-Mail-Adresse.") from None
        role = options["rolle"]
        city = None
        if role == "stadtredaktion":
            if not options["stadt"]:
                raise CommandError("Für die Rolle stadtredaktion bitte --stadt angeben.")
            city = CityPage.objects.filter(title__iexact=options["stadt"].strip()).first()
            if city is None:
                names = ", ".join(CityPage.objects.order_by("title").values_list("title", flat=True))
                raise CommandError(f"Die Stadt „{options['stadt']}“ gibt es nicht. Bekannt: {names}")
        user_model = get_user_model()
        if user_model.objects.filter(username=email).exists() or user_model.objects.filter(email=email).exists():
            raise CommandError(f"Für „{email}“ gibt es schon einen Zugang; nichts geändert.")

        with transaction.atomic():
            user = user_model(username=email, email=email, first_name=options["vorname"], last_name=options["nachname"])
            user.set_unusable_password()
            user.save()
            groups = [Group.objects.get_or_create(name=MEMBERS)[0]]
            if role == "redaktion":
                groups.append(Group.objects.get(name=EDITORIAL))
            elif city is not None:
                groups.append(city_group_for(city) or ensure_city_role(city))
            user.groups.add(*groups)

        base = options["basis_url"] or settings.WAGTAILADMIN_BASE_URL
        protocol, _sep, domain = base.partition("://")
        context = {
            "user": user,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "protocol": protocol,
            "domain": domain.rstrip("/"),
            "role": ROLES[role] + (f" {city.title}" if city else ""),
            "can_edit": role != "netzwerk",
        }
        subject = render_to_string("members/emails/invitation_subject.txt", context).strip()
        body = render_to_string("members/emails/invitation.txt", context)
        # The account exists either way; if the mail fails, the person can use "Passwort vergessen".
        try:
            send_mail(subject, body, None, [email])
        except OSError as exc:
            self.stderr.write(
                f"Zugang angelegt, aber die E-Mail konnte nicht gesendet werden ({exc}). "
                "Die Person kann über „Passwort vergessen“ einen neuen Link anfordern."
            )
            return
        self.stdout.write(self.style.SUCCESS(f"Eingeladen: {email} ({context['role']})."))
