"""Query-time synonyms from the Synonym table (both directions), read once a minute per process."""

import time
from collections import defaultdict

from django.db.models.signals import post_delete, post_save

from gongkai.search.models import Synonym

MAX_AGE = 60.0  # seconds; edits in this process apply at once, other processes within MAX_AGE
_cached: dict[str, object] = {"table": None, "read_at": 0.0}


def synonym_map() -> dict[str, list[str]]:
    table = _cached["table"]
    if table is None or time.monotonic() - _cached["read_at"] > MAX_AGE:
        table = _read()
        _cached.update(table=table, read_at=time.monotonic())
    return table


def _read() -> dict[str, list[str]]:
    table: dict[str, list[str]] = defaultdict(list)
    for term, equivalent in Synonym.objects.filter(active=True).values_list("term", "equivalent"):
        if equivalent not in table[term]:
            table[term].append(equivalent)
        if term not in table[equivalent]:
            table[equivalent].append(term)
    return dict(table)


def forget_synonyms(**kwargs) -> None:
    _cached["table"] = None


post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms_saved")
post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms_deleted")


def expand(words: list[str], table: dict[str, list[str]]) -> list[list[str]]:
    """Each word becomes [word, *its synonyms]."""
    return [[word, *table.get(word, [])] for word in words]
