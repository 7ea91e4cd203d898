"""The body: sanitized on save, plain text for the check, masking inside the markup."""

from gongkai.documents.html import body_text, clean_body, mask_body, sanitize, text_to_html
from gongkai.rules.pii import find_personal_info
from tests.documents.conftest import ID_A


def test_sanitize_keeps_the_allow_list_and_drops_scripts_and_handlers():
    dirty = (
        '<p onclick="x()">甲<script>alert(1)</script><a href="javascript:alert(1)">链</a>'
        '<img src="x" onerror="y()"><a href="https://www.gov.cn/">国务院</a></p>'
        '<table><tr><td colspan="2" style="color:red">单元格</td></tr></table><iframe src="//evil"></iframe>'
    )
    assert sanitize(dirty) == (
        '<p>甲<a rel="noopener noreferrer">链</a><a href="https://www.gov.cn/" rel="noopener noreferrer">国务院</a></p>'
        '<table><tbody><tr><td colspan="2">单元格</td></tr></tbody></table>'
    )


def test_plain_text_becomes_paragraphs_and_tab_separated_lines_a_table():
    assert text_to_html("第一段\n\n姓名\t金额\n张三\t650\n结尾 <b>") == (
        "<p>第一段</p><table><tr><th>姓名</th><th>金额</th></tr><tr><td>张三</td><td>650</td></tr></table>"
        "<p>结尾 &lt;b&gt;</p>"
    )
    assert clean_body("  ") == ""


def test_body_text_separates_blocks_and_cells():
    html = (
        "<h2>标题</h2><p>正文<strong>加粗</strong>。</p>"
        "<table><tr><th>甲</th><th>乙</th></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    assert body_text(html) == "标题\n正文加粗。\n甲\t乙\n1\t2"


def test_masking_inside_markup_keeps_the_tags_around_it():
    html = f"<p>户主：<b>张三</b>，身份证号：{ID_A[:9]}<i>{ID_A[9:]}</i>。</p>"
    findings = find_personal_info(body_text(html))
    assert [f.kind for f in findings] == ["name", "id_card"]
    # A value split over two runs is written whole into the first; the second run is emptied.
    assert (
        mask_body(html, findings)
        == "<p>户主：<b>张*</b>，身份证号：530123********1239<i></i>。</p>"
    )
