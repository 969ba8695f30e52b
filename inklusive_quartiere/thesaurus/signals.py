"""An entry changes what searches find: replace the content token, so every process rebuilds its table."""

from django.db.models.signals import post_delete, post_save

from inklusive_quartiere.core.content_token import bump_content_token

from .models import ThesaurusEntry

post_save.connect(bump_content_token, sender=ThesaurusEntry, dispatch_uid="thesaurus-entry-save")
post_delete.connect(bump_content_token, sender=ThesaurusEntry, dispatch_uid="thesaurus-entry-delete")
