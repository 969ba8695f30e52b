"""Account forms: Django's own, with labels and hints a visitor understands."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


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
        """Active accounts with this address, including invited ones that have not set a password yet."""
        from django.contrib.auth import get_user_model

        user_model = get_user_model()
        email_field = user_model.get_email_field_name()
        return user_model._default_manager.filter(**{f"{email_field}__iexact": email, "is_active": True})


class SetPasswordForm(auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    pass
