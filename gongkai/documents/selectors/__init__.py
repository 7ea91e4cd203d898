"""What the documents area reads, for its own pages, the portal and supervision."""

from gongkai.documents.selectors.public import (
    document_page,
    documents_of,
    find_public,
    published_for_item,
)
from gongkai.documents.selectors.timeliness import (
    Period,
    TimelinessRow,
    assess_documents,
    at_risk_drafts,
    timeliness_rows,
)
from gongkai.documents.selectors.workspace import (
    documents_for,
    policies_without_interpretation,
    status_counts,
)

__all__ = [
    "Period",
    "TimelinessRow",
    "assess_documents",
    "at_risk_drafts",
    "document_page",
    "documents_for",
    "documents_of",
    "find_public",
    "policies_without_interpretation",
    "published_for_item",
    "status_counts",
    "timeliness_rows",
]
