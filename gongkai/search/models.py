"""What the search keeps in the database: synonyms administrators extend, and one row per public document."""

import json

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


class IntegerListField(models.Field):
    """integer[] on PostgreSQL, JSON text on SQLite (where the fallback search reads it in Python)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def db_type(self, connection) -> str:
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        value = [int(v) for v in value or []]
        return value if connection.vendor == "postgresql" else json.dumps(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        return list(value) if isinstance(value, list | tuple) else json.loads(value)


class SearchEntry(models.Model):
    """One public document as the database backend searches it; withdrawn documents have no row.

    Everything the filters and facets need is copied here so a search never joins Document.
    PostgreSQL searches `vector` (words, title words as "^word", filter keys); SQLite searches
    `segmented` and `keys` with LIKE.
    """

    document = models.OneToOneField(
        "documents.Document", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.CharField(max_length=200)
    text = models.TextField("正文纯文本", blank=True)
    # SQLite only: rjieba tokens between single spaces.
    segmented = models.TextField("分词文本", blank=True)
    # Filter keys between single spaces: @o<organization and each ancestor> @d<domain> @i<item>
    # @t<theme> @g<genre> @v<validity> @y<year>.
    keys = models.TextField("筛选键", blank=True)
    doc_no = models.CharField(max_length=64, blank=True, db_index=True)
    index_number = models.CharField(max_length=64, blank=True, db_index=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    organization_id = models.IntegerField(null=True)
    year = models.PositiveSmallIntegerField(default=0)
    domain_ids = IntegerListField()
    # PostgreSQL only: array_to_tsvector of the tokens and keys, GIN- or RUM-indexed by a migration.
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"

    def __str__(self) -> str:
        return self.title
