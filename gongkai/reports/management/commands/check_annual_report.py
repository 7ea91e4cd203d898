"""python manage.py check_annual_report FILE [FILE...] [--format json]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.reports.readers import UnreadableReport, report_text
from gongkai.rules.annual_report_checks import CheckResult, Severity
from gongkai.rules.annual_report_text import ParsedReport, check_series, parse_report_text, validate


class Command(BaseCommand):
    help = "检查已发布的政府信息公开工作年度报告（.txt/.docx/.html）：读出表格并核对勾稽关系。"
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="年度报告文件，可一次给出同一机关多个年度")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, files: list[str], format: str, **options):
        reports: list[ParsedReport] = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"找不到文件：{name}")
            try:
                text = report_text(path)
            except UnreadableReport as exc:
                raise CommandError(f"{name}：{exc}") from exc
            reports.append(parse_report_text(text, source=name))
        results = {id(r): validate(r) for r in reports}
        for report, result in check_series(reports):
            results[id(report)].append(result)
        if format == "json":
            payload = [_as_json(report, results[id(report)]) for report in reports]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
        else:
            for report in reports:
                self._print(report, results[id(report)])
        failed = sum(1 for found in results.values() for r in found if r.is_error)
        if failed:
            raise CommandError(f"共发现 {failed} 个错误。", returncode=1)

    def _print(self, report: ParsedReport, results: list[CheckResult]) -> None:
        write = self.stdout.write
        write(f"== {report.source}")
        write(
            f"机关：{report.organization or '（未识别）'}  年度：{report.year or '（未识别）'}  "
            f"表格格式：{report.figures.requests.layout.doc_no}"
        )
        write("部分\t行\t列\t数值")
        for cell in report.figures.cells():
            value = "（未读出）" if cell.value is None else cell.value
            write(f"{cell.section}\t{cell.row}\t{cell.column}\t{value}")
        errors = sum(1 for r in results if r.is_error)
        write(f"检查结果：{errors} 个错误，{len(results) - errors} 个提示")
        for r in results:
            label = Severity(r.severity).label
            where = "  ".join(
                part
                for part in (
                    r.rule,
                    f"行“{r.row}”" if r.row else "",
                    f"列“{r.column}”" if r.column else "",
                    f"应为 {r.expected}" if r.expected is not None else "",
                    f"实为 {r.found}" if r.found is not None else "",
                )
                if part
            )
            write(f"[{label}] {where}\n    {r.message}")
        write("")


def _as_json(report: ParsedReport, results: list[CheckResult]) -> dict:
    return {
        "file": report.source,
        "organization": report.organization,
        "year": report.year,
        "format": report.figures.requests.layout.doc_no,
        "cells": [
            {
                "section": c.section,
                "row": c.row,
                "column": c.column,
                "value": str(c.value)
                if c.value is not None and not isinstance(c.value, int)
                else c.value,
            }
            for c in report.figures.cells()
        ],
        "checks": [r.as_dict() for r in results],
    }
