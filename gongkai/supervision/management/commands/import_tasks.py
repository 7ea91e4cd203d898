import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gongkai.catalog.excel import MAX_UPLOAD_BYTES, CatalogFileError
from gongkai.orgs.access import SYSTEM
from gongkai.orgs.models import Organization
from gongkai.rules.task_table import ROLE_LABELS, Role
from gongkai.supervision.services.tasks import import_task_plan
from gongkai.supervision.task_import import (
    NOT_LINKED,
    UnitResolver,
    build_preview,
    read_task_workbook,
    unresolved_units,
)

STATUS_LABELS = {"ok": "可导入", "unmatched": "单位待确认", "error": "无法识别"}


class Command(BaseCommand):
    help = (
        "从 Excel 导入任务分工表：逐项打印识别结果（完成时间、责任单位）。"
        "指定 --organization 时按该公开办的范围匹配单位；不加 --dry-run 时全部保存或全部不保存，"
        "未能匹配的单位仅保留名称。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--organization", help="公开办所在单位的机构代码（匹配单位、保存时必填）"
        )
        parser.add_argument("--title", default="", help="方案名称（默认取文件名）")
        parser.add_argument("--dry-run", action="store_true", help="只打印识别结果，不保存")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, file: Path, organization, title, dry_run, format, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"无法读取文件 {file}：{exc.strerror}") from exc
        if len(data) > MAX_UPLOAD_BYTES:
            raise CommandError(f"文件“{file.name}”超过 20 MB，不能导入。")
        org = None
        if organization:
            org = Organization.objects.filter(code=organization).select_related("region").first()
            if org is None:
                raise CommandError(f"找不到机构代码为 {organization} 的单位。")
        elif not dry_run:
            raise CommandError(
                "保存时须用 --organization 指定所属公开办；只查看识别结果请加 --dry-run。"
            )
        try:
            tables = read_task_workbook(data, filename=file.name)
        except CatalogFileError as exc:
            raise CommandError(exc.message) from exc
        resolver = self._resolver(org)
        preview = build_preview(tables, filename=file.name, resolver=resolver)
        self._print(preview, format)
        if dry_run:
            return
        choices = {entry["text"]: NOT_LINKED for entry in unresolved_units(preview.rows)}
        try:
            plan = import_task_plan(
                organization=org,
                title=title or file.stem,
                source_name=file.name,
                rows=preview.rows,
                choices=choices,
                allowed=set(),
                by=SYSTEM,
            )
        except ValidationError as exc:
            raise CommandError("导入失败，未保存任何内容：" + "；".join(exc.messages)) from exc
        self.stdout.write(
            f"已保存“{plan.title}”：{len(preview.rows)} 项任务（方案编号 {plan.pk}）。"
        )

    def _resolver(self, org):
        if org is None:
            return UnitResolver([], [])
        scope = list(Organization.objects.subtree(org).select_related("region"))
        codes = [code for code in org.path.split("/") if code][:-1]
        above = list(Organization.objects.filter(code__in=codes).select_related("region"))
        return UnitResolver(scope, above)

    def _print(self, preview, format):
        if format == "json":
            self.stdout.write(json.dumps(preview.rows, ensure_ascii=False, indent=2))
            return
        for row in preview.rows:
            number = f"({row['number']})" if row["number"] else ""
            self.stdout.write(
                f"第{row['row_number']}行 {STATUS_LABELS[row['status']]} "
                f"{row['group_seq'] or ''} {row['group_title']} {number}{row['title']}"
            )
            self.stdout.write(
                f"    完成时间：{row['deadline_text'] or '—'} → {row['deadline_label']}"
            )
            for role in Role:
                units = [u for u in row["units"] if u["role"] == role]
                if units:
                    text = "、".join(
                        u["text"] + (f"（{'、'.join(u['names'])}）" if u["names"] else "")
                        for u in units
                    )
                    self.stdout.write(f"    {ROLE_LABELS[role]}：{text}")
            for problem in row["problems"]:
                self.stdout.write(f"    ✗ {problem}")
            for note in row["notes"]:
                self.stdout.write(f"    · {note}")
        counts = preview.counts
        self.stdout.write(
            f"共 {len(preview.rows)} 项：可导入 {counts['ok']} 项，单位待确认 {counts['unmatched']} 项，"
            f"无法识别 {counts['error']} 项。"
        )
