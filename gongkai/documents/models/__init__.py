from gongkai.documents.models.attachment import Attachment
from gongkai.documents.models.document import Document, DocumentQuerySet, Theme
from gongkai.documents.models.numbering import IndexCounter, IndexPattern
from gongkai.documents.models.review import Correction, Finding, Review

__all__ = [
    "Attachment",
    "Correction",
    "Document",
    "DocumentQuerySet",
    "Finding",
    "IndexCounter",
    "IndexPattern",
    "Review",
    "Theme",
]
