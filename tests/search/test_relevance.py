"""recall@10 and nDCG@10 of the judged queries, for each backend (printed; fails below recall 0.9)."""

import math
import re

from gongkai.documents.models import Document
from gongkai.search.service import search
from tests.search.relevance import JUDGMENTS

MIN_RECALL = 0.9


def _resolve(query: str, pattern: str, org_part: str) -> tuple[str, set[int]]:
    public = Document.objects.public().select_related("organization")
    if query.startswith("@"):
        field, prefix = query[1:].split(":", 1)
        document = public.filter(**{f"{field}__startswith": prefix}).order_by("pk").first()
        return getattr(document, field), {document.pk}
    regex = re.compile(pattern)
    relevant = {d.pk for d in public if regex.search(d.title) and org_part in d.organization.name}
    return query, relevant


def _ndcg(ranked: list[int], relevant: set[int]) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, pk in enumerate(ranked[:10]) if pk in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return dcg / ideal


def test_relevance(backend_name, capsys):
    recalls, ndcgs, misses = [], [], []
    for query, pattern, org_part in JUDGMENTS:
        text, relevant = _resolve(query, pattern, org_part)
        assert relevant, f"judgment without relevant documents: {query}"
        ranked = [h.id for h in search(text, per_page=10, highlight=False).hits]
        recall = len(relevant & set(ranked)) / min(10, len(relevant))
        recalls.append(recall)
        ndcgs.append(_ndcg(ranked, relevant))
        if recall < 1:
            misses.append(f"{text} ({recall:.2f})")
    recall_at_10 = sum(recalls) / len(recalls)
    ndcg_at_10 = sum(ndcgs) / len(ndcgs)
    with capsys.disabled():
        print(
            f"\n[{backend_name}] {len(JUDGMENTS)} queries: recall@10={recall_at_10:.3f} "
            f"nDCG@10={ndcg_at_10:.3f} misses: {', '.join(misses) or 'none'}"
        )
    assert len(JUDGMENTS) >= 60
    assert recall_at_10 >= MIN_RECALL
