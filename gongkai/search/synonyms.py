"""Query-time synonyms from the Synonym table (both directions)."""

from collections import defaultdict

from gongkai.search.models import Synonym


def synonym_map() -> dict[str, list[str]]:
    table: dict[str, list[str]] = defaultdict(list)
    for term, equivalent in Synonym.objects.filter(active=True).values_list("term", "equivalent"):
        if equivalent not in table[term]:
            table[term].append(equivalent)
        if term not in table[equivalent]:
            table[equivalent].append(term)
    return dict(table)


def expand(words: list[str], table: dict[str, list[str]]) -> list[list[str]]:
    """Each word becomes [word, *its synonyms]."""
    return [[word, *table.get(word, [])] for word in words]
