"""What the documents area does: every change of state of a 政府信息, one function each."""

from gongkai.documents.services.drafting import (
    add_attachment,
    create_document,
    missing_metadata,
    remove_attachment,
    set_validity,
    update_document,
)
from gongkai.documents.services.numbering import (
    pattern_for,
    set_index_pattern,
    take_index_numbers,
)
from gongkai.documents.services.privacy import (
    Gate,
    MaskResult,
    extract_attachment_text,
    gate,
    keep_finding,
    mask_personal_info,
    scan_document,
)
from gongkai.documents.services.themes import save_theme
from gongkai.documents.services.workflow import (
    approve_document,
    correct_document,
    publish_document,
    publish_due_documents,
    return_document,
    submit_document,
    withdraw_document,
)

__all__ = [
    "Gate",
    "MaskResult",
    "add_attachment",
    "approve_document",
    "correct_document",
    "create_document",
    "extract_attachment_text",
    "gate",
    "keep_finding",
    "mask_personal_info",
    "missing_metadata",
    "pattern_for",
    "publish_document",
    "publish_due_documents",
    "remove_attachment",
    "return_document",
    "save_theme",
    "scan_document",
    "set_index_pattern",
    "set_validity",
    "submit_document",
    "take_index_numbers",
    "update_document",
    "withdraw_document",
]
