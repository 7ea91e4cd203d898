"""Chinese word segmentation with rjieba (HMM off: index and query tokens must agree) and a government dictionary."""

import logging
import re
import threading
from functools import lru_cache

import rjieba

log = logging.getLogger(__name__)

COMMON_TERMS = (
    "最低生活保障", "特困人员救助供养", "特困人员供养", "行政规范性文件", "政府信息公开", "依申请公开",
    "主动公开", "政务公开", "临时救助", "城乡居民基本养老保险", "基本医疗保险", "医疗保障",
    "社会保险", "公共租赁住房", "农村危房改造", "征地补偿", "义务教育", "耕地地力保护补贴",
    "残疾人两项补贴", "高龄津贴", "办事指南", "工作动态", "村务公开", "财政预算", "财政决算",
    "安全生产", "食品药品", "公共法律服务", "户籍管理", "城市管理", "生态环境", "低保", "五保",
    "社保", "医保", "公租房", "实施细则", "公示", "城关镇", "河口镇",
)  # fmt: skip
_JUNK = re.compile(r"[^\w\u3400-\u9fff]+")
_NOT_WORD = re.compile(r"[\W_]+")
_LONG_WORD = re.compile(r"\w{5,}")
_lock = threading.Lock()
_loaded = False
_added: set[str] = set()


def dictionary_words() -> list[str]:
    """Every word ensure_dictionary adds, for worker processes that cannot read the database."""
    ensure_dictionary()
    return sorted(_added)


def load_words(words) -> None:
    """A worker process's dictionary: the words its parent loaded."""
    global _loaded
    _load_words(words)
    _loaded = True


def _load_words(words) -> int:
    count = 0
    for word in words:
        word = (word or "").strip()
        if 2 <= len(word) <= 16 and not _JUNK.search(word):
            rjieba.add_word(word, None, None)
            _added.add(word)
            count += 1
    return count


def ensure_dictionary() -> None:
    """Add the domain, catalog and organization names once per process (database read, cheap)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        count = _load_words(COMMON_TERMS)
        try:
            count += _load_words(_database_words())
        except Exception:  # the dictionary must never stop a search
            log.exception("search dictionary: database words not loaded")
        _loaded = True
        log.info("search dictionary loaded: %d words", count)


def _database_words() -> set[str]:
    from gongkai.catalog.models import CatalogItem, Domain, GuidelineItem
    from gongkai.orgs.models import Organization, Region
    from gongkai.search.models import Synonym

    words: set[str] = set(Domain.objects.values_list("name", flat=True))
    for model in (GuidelineItem, CatalogItem):
        for row in model.objects.values_list("level1", "level2", "level3").distinct()[:20000]:
            words.update(row)
    for name, short in Organization.objects.values_list("name", "short_name"):
        words.update((name, short))
    words.update(Region.objects.values_list("name", flat=True))
    for term, equivalent in Synonym.objects.values_list("term", "equivalent"):
        words.update((term, equivalent))
    return words


@lru_cache(maxsize=200_000)
def _is_word(text: str) -> bool:
    return rjieba.cut(text, False) == [text]


@lru_cache(maxsize=200_000)
def _inner_words(token: str) -> tuple[str, ...]:
    """Dictionary words of 4+ characters inside a longer word (国土空间规划 in 国土空间规划编制).

    jieba's search mode only emits the 2- and 3-character parts of a long word.
    """
    return tuple(
        token[start : start + size]
        for size in range(4, len(token))
        for start in range(len(token) - size + 1)
        if _is_word(token[start : start + size])
    )


def index_tokens(text: str) -> list[str]:
    """Search-mode tokens (long words plus their parts), punctuation dropped, lower-cased."""
    ensure_dictionary()
    return segmented_text(text).split()


def segmented_text(text: str) -> str:
    """index_tokens joined by spaces, without loading the dictionary (for worker processes).

    Works on the joined string with regular expressions: a Python loop over every token costs
    more than the segmentation itself.
    """
    joined = _NOT_WORD.sub(" ", " ".join(rjieba.cut_for_search((text or "").lower(), False)))
    long_words = _LONG_WORD.findall(joined)
    if not long_words:
        return joined
    inner = [word for token in long_words for word in _inner_words(token)]
    return f"{joined} {' '.join(inner)}" if inner else joined


def query_tokens(text: str) -> list[str]:
    """Precise-mode tokens of a query word."""
    ensure_dictionary()
    return [t.lower() for t in rjieba.cut(text or "", False) if not _JUNK.fullmatch(t)]


def char_text(text: str) -> str:
    """One token per character, for an exact-phrase field that ignores segmentation."""
    return " ".join((text or "").lower())


def reset_dictionary() -> None:
    """Tests and the rebuild command: read the names again on next use (rjieba keeps added words)."""
    global _loaded
    _loaded = False
    _is_word.cache_clear()
    _inner_words.cache_clear()
