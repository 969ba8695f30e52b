"""Every page type the browser pass checks. Adding a page type is one line here.

Each entry: (id, path, expected HTTP status). Paths refer to the demo content from ``load_demo``. Every page
is visited as a visitor and as a signed-in member; members-only pages send visitors to the sign-in form
(a redirect, so the final status is that of the form).
"""

PAGES = [
    ("home", "/", 200),
    ("content-page", "/projekt/", 200),
    ("content-page-nested", "/projekt/foerderung/", 200),
    ("legal-page-example", "/impressum/", 200),
    ("search-empty", "/suche/", 200),
    ("search-results", "/suche/?q=Quartier", 200),
    ("search-no-results", "/suche/?q=Zzyzxwort", 200),
    ("not-found", "/diese-seite-gibt-es-nicht/", 404),
    ("city-index", "/stadtlabore/", 200),
    ("city", "/stadtlabore/bad-krozingen/", 200),
    ("catalogue", "/steckbriefe/", 200),
    ("catalogue-filtered", "/steckbriefe/?kategorie=inklusion&kosten=lt5k&kosten=none&sortierung=titel", 200),
    ("catalogue-search", "/steckbriefe/?q=Nachbarschaftstreff", 200),
    ("catalogue-empty", "/steckbriefe/?q=Zzyzxwort&stadt=ulm", 200),
    ("catalogue-category", "/steckbriefe/kategorie/inklusion/", 200),
    ("steckbrief-full", "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/", 200),
    ("steckbrief-minimal", "/stadtlabore-vor-ort/kuenzelsau/idee-quartierslotsen-neuzugezogene/", 200),
    ("steckbrief-members-only", "/stadtlabore/ulm/sozialraumanalyse-co-forschende-ulm/", 200),
    ("login", "/anmelden/", 200),
    ("members-area", "/mein-bereich/", 200),
    ("accessibility-statement", "/barrierefreiheit/", 200),
    ("easy-language-start", "/leichte-sprache/", 200),
    ("easy-language-child", "/leichte-sprache/barrierefreiheit/", 200),
    ("feedback-form", "/barriere-melden/?seite=%2Fsteckbriefe%2F", 200),
    ("feedback-thanks", "/barriere-melden/danke/", 200),
    ("password-change", "/mein-bereich/passwort/", 200),
    ("password-reset", "/passwort-vergessen/", 200),
    ("password-reset-sent", "/passwort-vergessen/gesendet/", 200),
    ("password-link-invalid", "/passwort-neu/MQ/abc-def/", 200),
    ("films-index", "/filme/", 200),
    ("films-film", "/filme/trailer/", 200),
    ("sign-language", "/gebaerdensprache/", 200),
    ("events-index", "/termine/", 200),
    ("events-index-page-2", "/termine/?seite=2", 200),
    ("events-event-day", "/termine/werkstatt-inklusion-freiburg/", 200),
    ("events-event-month", "/termine/webinar-digitalisierung/", 200),
    ("news-index", "/neuigkeiten/", 200),
    ("news-index-category", "/neuigkeiten/?kategorie=aus-den-staedten", 200),
    ("news-article", "/neuigkeiten/quartiersspaziergang-bruchsal/", 200),
]
