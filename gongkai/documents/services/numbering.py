"""索引号: each organization's pattern, and numbers taken from a counter that never goes back."""

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.services import record_event, user_or_none
from gongkai.documents.models import Document, IndexCounter, IndexPattern
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.rules.index_number import (
    DEFAULT_PATTERN,
    IndexPatternError,
    format_index_number,
    validate_pattern,
)


def pattern_for(organization: Organization) -> str:
    """The organization's own pattern, else its nearest ancestor's, else the default."""
    codes = [code for code in organization.path.split("/") if code]
    patterns = dict(
        IndexPattern.objects.filter(organization__code__in=codes).values_list(
            "organization__code", "pattern"
        )
    )
    for code in reversed(codes):
        if code in patterns:
            return patterns[code]
    return DEFAULT_PATTERN


@transaction.atomic
def set_index_pattern(*, organization: Organization, pattern: str, by) -> IndexPattern:
    """Change the pattern for numbers given from now on; numbers already given stay as they are."""
    require(by, Action.MANAGE_MEMBERS, organization)
    pattern = pattern.strip()
    try:
        validate_pattern(pattern)
    except IndexPatternError as exc:
        raise ValidationError(str(exc)) from exc
    before = pattern_for(organization)
    setting, _ = IndexPattern.objects.update_or_create(
        organization=organization,
        defaults={"pattern": pattern, "updated_by": user_or_none(by)},
    )
    record_event(
        actor=by,
        action="documents.index_pattern_set",
        target=setting,
        organization=organization,
        before={"pattern": before},
        after={"pattern": pattern},
    )
    return setting


def take_index_numbers(*, organization: Organization, year: int, count: int = 1) -> list[str]:
    """`count` new numbers for `year`; call inside the transaction that uses them.

    The counter row is locked, so two publications never get the same sequence number; a number
    that happens to exist already (after a change of pattern) is skipped, never reused.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_index_numbers must run inside a transaction")
    pattern = pattern_for(organization)
    IndexCounter.objects.get_or_create(organization=organization, year=year)
    counter = IndexCounter.objects.select_for_update(of=("self",)).get(
        organization=organization, year=year
    )
    numbers: list[str] = []
    seq = counter.last_seq
    while len(numbers) < count:
        batch = {
            format_index_number(pattern, org_code=organization.code, year=year, seq=s): s
            for s in range(seq + 1, seq + 1 + count - len(numbers))
        }
        taken = set(
            Document.objects.filter(index_number__in=batch).values_list("index_number", flat=True)
        )
        numbers += [number for number in batch if number not in taken]
        seq = max(batch.values())
    counter.last_seq = seq
    counter.save(update_fields=["last_seq"])
    return numbers
