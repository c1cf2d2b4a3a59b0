"""localplan render_form pd02 --org phairin --fy 2552 --format pdf -o pd02.pdf"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from localplan.core.models import Organization
from localplan.core.thai_calendar import parse_be_year
from localplan.devplan.models import DevPlan
from localplan.devplan.queries import current_edition as current_dev_edition
from localplan.documents.official import FORMS, UnknownForm, render_form
from localplan.opsplan.models import OperationalPlan, OpsEdition
from localplan.opsplan.queries import current_edition as current_ops_edition

OPS_CODES = sorted({spec.code for spec in FORMS if spec.edition_type is OpsEdition})
DEV_CODES = sorted({spec.code for spec in FORMS if spec.edition_type is not OpsEdition})


class Command(BaseCommand):
    help = "พิมพ์แบบฟอร์มทางราชการของแผนเป็น PDF หรือ Excel"

    def add_arguments(self, parser):
        parser.add_argument(
            "code", help="ผด.: " + ", ".join(OPS_CODES) + " · ผ.: " + ", ".join(DEV_CODES)
        )
        parser.add_argument("--org", required=True, help="ชื่อย่อขององค์กรในที่อยู่เว็บ เช่น phairin")
        parser.add_argument("--fy", required=True, help="ปีงบประมาณ พ.ศ. เช่น 2552")
        parser.add_argument(
            "--plan",
            help="สำหรับแบบ ผ.: ช่วงปีของแผนพัฒนา เช่น 2552-2554 (ค่าเริ่มต้น: แผนที่ครอบคลุมปี --fy); "
            "สำหรับ book และ announcement ใช้ --plan dev เพื่อเลือกแผนพัฒนา",
        )
        parser.add_argument("--edition", type=int, help="รหัสฉบับ (ค่าเริ่มต้น: ฉบับที่ใช้อยู่)")
        parser.add_argument("--format", default="pdf", choices=["pdf", "xlsx"], dest="fmt")
        parser.add_argument("-o", "--output", required=True, help="ไฟล์ที่จะเขียน")

    def handle(self, *args, code, org, fy, plan, edition, fmt, output, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"ไม่พบองค์กร “{org}”")
        try:
            fiscal_year = parse_be_year(fy)
        except ValidationError as error:
            raise CommandError(f"--fy: {error.messages[0]}") from error
        wants_dev = code in DEV_CODES and (code not in OPS_CODES or plan is not None)
        if code not in OPS_CODES and code not in DEV_CODES:
            raise CommandError(
                f"ไม่รู้จักแบบฟอร์ม “{code}” (มี {', '.join(sorted(set(OPS_CODES + DEV_CODES)))})"
            )
        chosen = (
            self._dev_edition(organization, fiscal_year, plan, edition)
            if wants_dev
            else self._ops_edition(organization, fiscal_year, edition)
        )
        try:
            filename, _content_type, content = render_form(code, chosen, fmt)
        except UnknownForm as error:
            raise CommandError(f"แบบฟอร์ม “{code}” ไม่มีในรูปแบบ {fmt}") from error
        Path(output).write_bytes(content)
        self.stdout.write(f"{output}: {chosen} ({len(content):,} ไบต์)")

    def _ops_edition(self, organization, fiscal_year, edition_id):
        plan = OperationalPlan.objects.filter(
            organization=organization, fiscal_year=fiscal_year
        ).first()
        if plan is None:
            raise CommandError(f"{organization} ไม่มีแผนการดำเนินงาน ปีงบประมาณ พ.ศ. {fiscal_year}")
        if edition_id:
            chosen = plan.editions.filter(pk=edition_id).first()
            if chosen is None:
                raise CommandError(f"ไม่พบฉบับ {edition_id} ของ{plan}")
            return chosen
        chosen = current_ops_edition(plan)
        if chosen is None:
            raise CommandError(f"{plan} ยังไม่มีฉบับใด")
        return chosen

    def _dev_edition(self, organization, fiscal_year, plan_text, edition_id):
        plans = DevPlan.objects.filter(organization=organization)
        if plan_text and plan_text != "dev":
            try:
                first, last = (parse_be_year(part) for part in plan_text.split("-"))
            except (ValueError, ValidationError) as error:
                raise CommandError(
                    f"--plan ต้องเป็นช่วงปี พ.ศ. เช่น 2552-2554 (ได้ “{plan_text}”)"
                ) from error
            plans = plans.filter(first_fiscal_year=first, last_fiscal_year=last)
        else:
            plans = plans.filter(
                first_fiscal_year__lte=fiscal_year, last_fiscal_year__gte=fiscal_year
            )
        plan = plans.order_by("-first_fiscal_year").first()
        if plan is None:
            raise CommandError(
                f"{organization} ไม่มีแผนพัฒนาที่ตรงกับที่ระบุ (ปี {fiscal_year} {plan_text or ''})"
            )
        if edition_id:
            chosen = plan.editions.filter(pk=edition_id).first()
            if chosen is None:
                raise CommandError(f"ไม่พบฉบับ {edition_id} ของ{plan}")
            return chosen
        chosen = current_dev_edition(plan)
        if chosen is None:
            raise CommandError(f"{plan} ยังไม่มีฉบับใด")
        return chosen
