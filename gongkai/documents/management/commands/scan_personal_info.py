"""Scan files for personal information before they are published; prints masked values only."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.documents.office_text import scan_paths


class Command(BaseCommand):
    help = "检查文件（txt、html、docx、xlsx、pdf，或文件夹）中的个人信息，只输出脱敏后的内容。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="文件或文件夹")
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="输出格式（默认 text）"
        )

    def handle(self, *args, paths: list[Path], format: str, **options):
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"找不到：{'、'.join(missing)}")
        results = scan_paths(paths)
        if format == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
            return
        findings = [r for r in results if "error" not in r]
        for row in results:
            if "error" in row:
                self.stderr.write(f"{row['file']}\t无法读取：{row['error']}")
            else:
                self.stdout.write(
                    f"{row['file']}\t{row['label']}\t{row['start']}-{row['end']}\t"
                    f"{row['masked']}\t{row['confidence']:.2f}"
                )
        files = len({r["file"] for r in findings})
        self.stdout.write(f"共发现 {len(findings)} 处个人信息，涉及 {files} 个文件。")
