"""set_site_url: the public address every absolute link is built from (sitemap, Open Graph, feeds, PDF)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site


def _run(*args):
    out = StringIO()
    call_command("set_site_url", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_sitemap_links_to_the_address_set(client, demo, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "quartiere.example.org"]
    assert "<loc>http://localhost/" in client.get("/sitemap.xml").content.decode()  # what migrate and the demo say
    assert _run("https://quartiere.example.org") == "Adresse der Website gesetzt: https://quartiere.example.org/\n"
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("quartiere.example.org", 443, demo.pk)
    sitemap = client.get("/sitemap.xml", HTTP_HOST="quartiere.example.org").content.decode()
    assert "<loc>https://quartiere.example.org/steckbriefe/</loc>" in sitemap
    assert "localhost" not in sitemap
    assert _run("https://quartiere.example.org/") == "Adresse der Website unverändert: https://quartiere.example.org/\n"
    _run("http://127.0.0.1:8000")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("quartiere.example.org", "keine Adresse der Form https://"),
        ("ftp://quartiere.example.org", "keine Adresse der Form https://"),
        ("https://", "keine Adresse der Form https://"),
        ("https://quartiere.example.org/iq/", "an der Wurzel des Hosts"),
        ("https://quartiere.example.org/?a=1", "an der Wurzel des Hosts"),
        ("https://user:pw@quartiere.example.org", "an der Wurzel des Hosts"),
        ("https://quartiere.example.org:99999", "keine gültige Adresse"),
        ("https://quartiere.example.org:8443", "nur auf Port 443"),
    ],
)
def test_bad_addresses_are_refused_and_nothing_changes(demo, url, message):
    before = list(Site.objects.values_list("hostname", "port"))
    with pytest.raises(CommandError, match=message):
        _run(url)
    assert list(Site.objects.values_list("hostname", "port")) == before
