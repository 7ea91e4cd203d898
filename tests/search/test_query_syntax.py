import pytest

from gongkai.rules.query_syntax import MAX_TERMS, normalize, normalize_doc_no, parse


def test_words_phrases_and_exclusions():
    q = parse('低保 "城关镇 公示"  -河口镇 -"工作动态"')
    assert q.words == ["低保"]
    assert q.phrases == ["城关镇 公示"]
    assert q.excluded == ["河口镇", "工作动态"]
    assert q.terms == ["低保", "城关镇 公示"]
    assert not q.is_empty


def test_full_width_becomes_half_width():
    assert normalize("ＡＢＣ　１２３") == "ABC 123"
    q = parse("“低保”　２０２４")
    assert q.phrases == ["低保"]
    assert q.words == ["2024"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("城关发〔2024〕3号", "城关发〔2024〕3号"),
        ("城关发[2024]3号", "城关发〔2024〕3号"),
        ("城关发（2024）3号", "城关发〔2024〕3号"),
        ("城关发［２０２４］３号", "城关发〔2024〕3号"),
    ],
)
def test_doc_no_detected_and_normalized(raw, expected):
    assert parse(raw).doc_no == expected


def test_index_number_detected():
    q = parse("11410100MB0001234X/2024-00012")
    assert q.index_number == "11410100MB0001234X/2024-00012"
    assert q.doc_no == ""


def test_plain_words_are_not_doc_numbers():
    q = parse("最低生活保障 2024")
    assert q.doc_no == "" and q.index_number == ""


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "！@#￥%……&*（）",
        "' OR 1=1; DROP TABLE x; --",
        "<script>alert(1)</script>",
        "低" * 2000,
        None,
    ],
)
def test_bad_input_never_raises(raw):
    q = parse(raw)
    assert len(q.raw) <= 200
    assert len(q.terms) <= MAX_TERMS
    assert all("<" not in t and "'" not in t and ";" not in t for t in q.terms)


def test_punctuation_only_is_empty():
    assert parse("，。！？、").is_empty


def test_sql_looking_keeps_words_only():
    assert parse("' OR 1=1; DROP TABLE x; --").words == ["OR", "1", "DROP", "TABLE", "x"]


def test_doc_no_normalize_leaves_other_text():
    assert normalize_doc_no("低保") == "低保"
