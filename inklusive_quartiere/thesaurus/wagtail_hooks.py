from wagtail.snippets.models import register_snippet

from .viewsets import ThesaurusEntryViewSet

register_snippet(ThesaurusEntryViewSet)
