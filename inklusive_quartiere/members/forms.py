"""Account forms: Django's own, with labels and hints a visitor understands."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from inklusive_quartiere.core.background_mail import send_later


class LoginForm(auth_forms.AuthenticationForm):
    username = auth_forms.UsernameField(
        label=_("E-Mail-Adresse oder Benutzername"),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
        max_length=254,
    )
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        # One message for every failure: it never tells whether the account exists.
        "invalid_login": _(
            "Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Benutzername und Passwort "
            "(Groß- und Kleinschreibung beachten)."
        ),
        "inactive": _(
            "Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Benutzername und Passwort "
            "(Groß- und Kleinschreibung beachten)."
        ),
    }


class EditorLoginForm(WagtailLoginForm):
    """The editor's sign-in form (settings.WAGTAILADMIN_USER_LOGIN_FORM): Wagtail's, whose password field has no
    label, so Django made "Password" of the field's name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Die Adresse, mit der Sie eingeladen wurden."),
    )

    def get_users(self, email):
        """Active accounts with this address, including invited ones that have not set a password yet.

        For an unknown address: an unsaved stand-in, so that token and mail are made the same way (and take as
        long); send_mail drops its message."""
        from django.contrib.auth import get_user_model

        user_model = get_user_model()
        email_field = user_model.get_email_field_name()
        users = list(user_model._default_manager.filter(**{f"{email_field}__iexact": email, "is_active": True}))
        return users or [user_model(**{email_field: email, user_model.USERNAME_FIELD: email})]

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Django's message, handed to the background sender: the mail server's latency stays out of the
        answer, which therefore takes as long for unknown addresses."""
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            message.attach_alternative(loader.render_to_string(html_email_template_name, context), "text/html")
        if context["user"].pk is None:  # the stand-in for an unknown address
            return
        send_later(message, "password reset")


class SetPasswordForm(auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    pass
