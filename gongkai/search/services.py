"""Changes to the synonym table that platform administrators maintain; each one audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from gongkai.audit.services import record_event
from gongkai.orgs.access import Action, require
from gongkai.rules.query_syntax import normalize, parse
from gongkai.search.models import Synonym
from gongkai.search.synonyms import forget_synonyms

MAX_WORD_CHARS = 50
_LABELS = {"term": "词语", "equivalent": "同义词"}


def _word_error(field: str, word: str) -> str:
    label = _LABELS[field]
    if not word:
        return f"请填写{label}。"
    if len(word) > MAX_WORD_CHARS:
        return f"{label}不能超过 {MAX_WORD_CHARS} 个字（现有 {len(word)} 个字）。"
    # The search box splits on spaces and drops punctuation, so such a word could never match.
    if parse(word).words != [word]:
        return f"{label}只能是一个词（汉字、字母或数字），不能含空格或标点。"
    return ""


def _clean_pair(term: str, equivalent: str) -> tuple[str, str]:
    words = {"term": normalize(term).strip(), "equivalent": normalize(equivalent).strip()}
    errors = {
        field: message for field, word in words.items() if (message := _word_error(field, word))
    }
    if errors:
        raise ValidationError(errors)
    if words["term"] == words["equivalent"]:
        raise ValidationError({"equivalent": "同义词不能与词语相同。"})
    return words["term"], words["equivalent"]


def _existing_pair(term: str, equivalent: str) -> Synonym | None:
    return Synonym.objects.filter(
        Q(term=term, equivalent=equivalent) | Q(term=equivalent, equivalent=term)
    ).first()


@transaction.atomic
def add_synonym(*, by, term: str, equivalent: str) -> Synonym:
    """Add a pair, used both ways at query time; a pair already present in either order is refused."""
    require(by, Action.MANAGE_GUIDELINES)
    term, equivalent = _clean_pair(term, equivalent)
    existing = _existing_pair(term, equivalent)
    if existing is not None:
        state = "" if existing.active else "（已停用，可在列表中重新启用）"
        raise ValidationError(f"同义词表中已有“{existing}”{state}，不能重复添加。")
    try:
        with transaction.atomic():
            synonym = Synonym.objects.create(term=term, equivalent=equivalent, active=True)
    except IntegrityError as exc:  # the same pair added at the same moment by someone else
        raise ValidationError(f"同义词表中已有“{term} ↔ {equivalent}”，不能重复添加。") from exc
    record_event(
        actor=by,
        action="search.synonym_added",
        target=synonym,
        after={"term": term, "equivalent": equivalent, "active": True},
    )
    # After commit too: a search in between could have cached the table without the change.
    transaction.on_commit(forget_synonyms)
    return synonym


@transaction.atomic
def set_synonym_active(*, by, synonym: Synonym, active: bool) -> Synonym:
    """Switch a pair off (searches stop using it) or on again; the row itself is kept."""
    require(by, Action.MANAGE_GUIDELINES)
    synonym = Synonym.objects.select_for_update().get(pk=synonym.pk)
    if synonym.active == active:
        return synonym
    synonym.active = active
    synonym.save(update_fields=["active"])
    record_event(
        actor=by,
        action="search.synonym_reactivated" if active else "search.synonym_deactivated",
        target=synonym,
        before={"active": not active},
        after={"active": active},
    )
    transaction.on_commit(forget_synonyms)
    return synonym
