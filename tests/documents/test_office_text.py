"""Office files: text extraction, masked .docx/.xlsx copies read back, safety checks, scans."""

import zipfile

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from gongkai.documents import office_text
from gongkai.documents.office_text import (
    UnsupportedFile,
    extract_text,
    html_to_text,
    mask_docx,
    mask_xlsx,
    scan_paths,
)

ID_A = "11010519491231002X"
ID_B = "510132198502280018"


def _docx(path):
    doc = Document()
    doc.add_paragraph("青龙镇2024年3月低保对象公示")
    line = doc.add_paragraph()
    first = line.add_run("1. 张")
    first.bold = True
    line.add_run("三，男，电话 1381234")
    line.add_run("5678，住青龙镇红星村3组。")
    table = doc.add_table(rows=3, cols=4)
    for row, values in zip(
        table.rows,
        [
            ["序号", "姓名", "身份证号码", "联系电话"],
            ["1", "李小红", ID_A, "0816-2345678"],
            ["2", "欧阳娜娜", ID_B, "13900001111"],
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    doc.add_paragraph("监督电话：0816-1234567")
    doc.sections[0].footer.paragraphs[0].text = "经办人手机 13712345678"
    doc.save(str(path))


def test_mask_docx_masks_runs_tables_and_footer(tmp_path):
    src, dst = tmp_path / "list.docx", tmp_path / "masked.docx"
    _docx(src)
    assert mask_docx(src, dst) == 10
    text = extract_text(dst)
    for secret in ("张三", "13812345678", "红星村", "李小红", ID_A, ID_B, "2345678", "13900001111"):
        assert secret not in text
    assert "1. 张*，男，电话 138****5678，住青龙镇***。" in text
    assert "1\t李**\t110105********002X\t0816-***5678" in text
    assert "2\t欧阳**\t510132********0018\t139****1111" in text
    assert "监督电话：0816-1234567" in text
    masked = Document(str(dst))
    runs = masked.paragraphs[1].runs
    assert (runs[0].text, runs[0].bold) == ("1. 张*", True)
    assert masked.sections[0].footer.paragraphs[0].text == "经办人手机 137****5678"


def test_merged_docx_cells_are_masked_once(tmp_path):
    src, dst = tmp_path / "merged.docx", tmp_path / "masked.docx"
    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["姓名", "家庭住址", "备注"], strict=True):
        cell.text = value
    table.rows[1].cells[0].text = "孙小美"
    merged = table.rows[1].cells[1].merge(table.rows[1].cells[2])
    merged.text = "白马镇桃园村5组"
    doc.save(str(src))
    assert mask_docx(src, dst) == 2
    row = Document(str(dst)).tables[0].rows[1]
    assert [c.text for c in row.cells] == ["孙**", "白马镇***", "白马镇***"]


def test_mask_xlsx_uses_the_header_row(tmp_path):
    src, dst = tmp_path / "list.xlsx", tmp_path / "masked.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年临时救助对象名单"])
    ws.append(["序号", "救助对象", "身份证号码", "手机号码", "银行卡号", "金额（元）"])
    ws.append([1, "王五", ID_B, 13812345678, "6222021234567890128", 1200.5])
    ws.append([2, "赵  六", "110105194912310021", 13712345678, "88070120000012345", 800])
    wb.save(src)
    assert mask_xlsx(src, dst) == 8
    rows = list(load_workbook(dst).active.iter_rows(values_only=True))
    assert rows[0] == ("2024年临时救助对象名单", None, None, None, None, None)
    assert rows[2] == (1, "王*", "510132********0018", "138****5678", "***************0128", 1200.5)
    assert rows[3] == (2, "赵  *", "110105********0021", "137****5678", "*************2345", 800)


def test_extract_docx_and_xlsx_text(tmp_path):
    _docx(tmp_path / "a.docx")
    text = extract_text(tmp_path / "a.docx")
    assert text.splitlines()[:3] == [
        "青龙镇2024年3月低保对象公示",
        "1. 张三，男，电话 13812345678，住青龙镇红星村3组。",
        "序号\t姓名\t身份证号码\t联系电话",
    ]
    wb = Workbook()
    wb.active.append(["姓名", "手机"])
    wb.active.append(["张三", 13812345678])
    wb.save(tmp_path / "a.xlsx")
    assert extract_text(tmp_path / "a.xlsx") == "姓名\t手机\n张三\t13812345678"


def test_html_tables_become_tab_separated_rows():
    html = (
        "<html><head><style>td{}</style><script>var x=1;</script></head><body>"
        "<p>低保&nbsp;名单</p><table><tr><th>姓名</th><th>电话</th></tr>"
        "<tr><td> 张三 </td><td>13812345678</td></tr></table><p>完</p></body></html>"
    )
    assert html_to_text(html) == "低保 名单\n\n姓名\t电话\n张三\t13812345678\n\n完"


def test_txt_in_gb18030(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("户主：张三".encode("gb18030"))
    assert extract_text(path) == "户主：张三"


def _pdf(path, line: str) -> None:
    content = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def test_pdf_text_and_scan(tmp_path):
    path = tmp_path / "a.pdf"
    _pdf(path, "Mobile 13812345678 mail zhangsan@163.com")
    assert "13812345678" in extract_text(path)
    assert [(r["kind"], r["masked"]) for r in scan_paths([path])] == [
        ("mobile", "138****5678"),
        ("email", "z***@163.com"),
    ]


def test_scan_paths_walks_folders_and_reports_unreadable_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(f"申请人：张三\n身份证号：{ID_B}\n", encoding="utf-8")
    (tmp_path / "sub" / "skip.exe").write_bytes(b"MZ")
    bad = tmp_path / "bad.rtf"
    bad.write_text("x", encoding="utf-8")
    results = scan_paths([tmp_path / "sub", bad])
    assert results == [
        {
            "file": str(tmp_path / "sub" / "a.txt"),
            "kind": "name",
            "label": "姓名",
            "start": 4,
            "end": 6,
            "masked": "张*",
            "confidence": 0.9,
        },
        {
            "file": str(tmp_path / "sub" / "a.txt"),
            "kind": "id_card",
            "label": "居民身份证号码",
            "start": 12,
            "end": 30,
            "masked": "510132********0018",
            "confidence": 0.99,
        },
        {"file": str(bad), "error": "不支持的文件类型：.rtf（支持 txt、html、docx、xlsx、pdf）。"},
    ]


def test_files_over_20_mb_are_refused(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(UnsupportedFile, match="超过 20 MB"):
        extract_text(path)


def test_zip_member_with_a_huge_ratio_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (2 * 1024 * 1024))
    with pytest.raises(UnsupportedFile, match="压缩比异常"):
        mask_docx(path, tmp_path / "out.docx")


def test_zip_whose_content_exceeds_the_unzipped_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/a.xml", b"a" * 3000)
        archive.writestr("xl/b.xml", b"b" * 3000)
    monkeypatch.setattr(office_text, "MAX_UNZIPPED_BYTES", 5000)
    with pytest.raises(UnsupportedFile, match="超过 200 MB"):
        extract_text(path)


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(UnsupportedFile, match="不是有效的 Office 文档"):
        extract_text(path)
