"""What the public sees of text a citizen or staff typed: personal information masked."""

from dataclasses import dataclass

from gongkai.rules.pii import find_personal_info
from gongkai.rules.pii_masking import mask_text


@dataclass(frozen=True)
class Masked:
    text: str
    findings: int


def mask_for_public(text: str) -> Masked:
    findings = find_personal_info(text)
    if not findings:
        return Masked(text, 0)
    return Masked(mask_text(text, findings), len(findings))
