"""The thesaurus in the editor: a snippet view set in the settings menu, for the editorial office.

The add view takes ``?begriff=<text>`` to fill in the term: the query log's "add to thesaurus" button links to
``reverse("wagtailsnippets_thesaurus_thesaurusentry:add") + "?begriff=" + quote(text)``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import MAX_TERM_LENGTH, ThesaurusEntry, split_lines

PREFILL_PARAM = "begriff"


class ThesaurusCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        lines = split_lines(self.request.GET.get(PREFILL_PARAM, "")[: MAX_TERM_LENGTH * 2])
        if lines:
            initial["term"] = lines[0][:MAX_TERM_LENGTH]
        return initial


class ThesaurusEntryViewSet(SnippetViewSet):
    model = ThesaurusEntry
    icon = "search"
    menu_label = _("Suchbegriffe")
    menu_name = "thesaurus"
    add_to_settings_menu = True
    add_view_class = ThesaurusCreateView
    list_display = [
        "term",
        "synonyms",
        "narrower",
        BooleanColumn("active", label=_("Aktiv")),
        DateColumn("updated_at", label=_("Zuletzt geändert")),
    ]
    list_filter = ["active"]
    search_fields = ["term", "synonyms", "narrower"]
    ordering = ["term"]
