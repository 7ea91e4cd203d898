import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gongkai.catalog import importing, services
from gongkai.catalog.models import Domain
from gongkai.orgs.access import SYSTEM
from gongkai.orgs.models import Organization

STATUS_LABELS = {"read": "已识别", "merged": "已合并", "rejected": "已拒绝"}


class Command(BaseCommand):
    help = (
        "从 Excel 表格导入一个单位某领域的标准目录：先预览每一行，确认无误后全部保存或全部不保存。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--organization", required=True, help="机构代码")
        parser.add_argument("--domain", required=True, help="领域代码，如 social_assistance")
        parser.add_argument("--dry-run", action="store_true", help="只预览，不保存")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(
        self,
        *args,
        file: Path,
        organization: str,
        domain: str,
        dry_run: bool,
        format: str,
        **options,
    ):
        org = Organization.objects.filter(code=organization).first()
        if org is None:
            raise CommandError(f"找不到机构代码为 {organization} 的单位。")
        domain_obj = Domain.objects.filter(code=domain).first()
        if domain_obj is None:
            raise CommandError(f"找不到领域 {domain}；可用的领域代码见 /workspace/guidelines/。")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"无法读取文件 {file}：{exc.strerror}") from exc
        if len(data) > importing.MAX_UPLOAD_BYTES:
            raise CommandError(f"文件“{file.name}”超过 20 MB，不能导入。")
        try:
            preview = importing.read_preview(data=data, filename=file.name)
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        if format == "json":
            self.stdout.write(json.dumps(preview.as_json(), ensure_ascii=False, indent=2))
        else:
            for row in preview.rows:
                element = row["element"] or {}
                name = " / ".join(
                    p
                    for p in (element.get("level1"), element.get("level2"), element.get("level3"))
                    if p
                )
                status = STATUS_LABELS[row["status"]]
                line = f"{row['sheet']} 第{row['row_number']}行 {status} {name} {row['reason']}"
                self.stdout.write(line.rstrip())
            c = preview.counts
            self.stdout.write(
                f"共识别 {c['read']} 行，合并 {c['merged']} 行，拒绝 {c['rejected']} 行。"
            )
        if dry_run:
            return
        try:
            with transaction.atomic():
                catalog = services.open_catalog(organization=org, domain=domain_obj, by=SYSTEM)
                outcome = services.import_catalog_elements(
                    catalog=catalog, rows=preview.rows_to_save(), by=SYSTEM
                )
        except ValidationError as exc:
            raise CommandError("导入失败，未保存任何内容：" + "；".join(exc.messages)) from exc
        self.stderr.write(
            f"已导入 {org.name} {domain_obj.name}：新增 {outcome.created} 项，更新 {outcome.updated} 项，"
            f"未变化 {outcome.unchanged} 项。"
        )
