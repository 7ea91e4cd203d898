"""What the search keeps in the database: synonyms administrators extend, and the segmented text per document."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Synonym(models.Model):
    """Two spellings of one thing (低保 ↔ 最低生活保障); used both ways at query time."""

    term = models.CharField("词语", max_length=50)
    equivalent = models.CharField("同义词", max_length=50)
    active = models.BooleanField("启用", default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "equivalent"], name="one_synonym_pair")
        ]
        ordering = ["term"]
        verbose_name = "同义词"
        verbose_name_plural = "同义词"

    def __str__(self) -> str:
        return f"{self.term} ↔ {self.equivalent}"


class SearchEntry(models.Model):
    """One public document as the database backend searches it (rjieba tokens separated by spaces)."""

    document = models.OneToOneField(
        "documents.Document", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.CharField(max_length=200)
    text = models.TextField("正文纯文本", blank=True)
    segmented = models.TextField("分词文本", blank=True)
    doc_no = models.CharField(max_length=64, blank=True, db_index=True)
    index_number = models.CharField(max_length=64, blank=True, db_index=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    # Filled on PostgreSQL only (to_tsvector('simple', segmented)), GIN-indexed by a migration.
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"

    def __str__(self) -> str:
        return self.title
