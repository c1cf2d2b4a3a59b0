import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from localplan.core.demo import DEMO_PASSWORD, load_demo
from localplan.core.demo.loader import DemoDataError


class Command(BaseCommand):
    help = _(
        "โหลดข้อมูลตัวอย่าง: อบต.ผไทรินทร์ (แผนพัฒนาสามปี 2552–2554) และเทศบาลตำบลหนองบัวแก้ว "
        "(แผนพัฒนาท้องถิ่น 2566–2570) พร้อมผู้ใช้ตัวอย่างทุกบทบาท ถ้ามีอยู่แล้วจะไม่เปลี่ยนแปลงอะไร"
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            loaded = load_demo()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if not loaded:
            self.stdout.write(_("มีข้อมูลตัวอย่างอยู่แล้ว ไม่ได้เปลี่ยนแปลงอะไร"))
            return
        for item in loaded:
            entries = ", ".join(
                _("แผนการดำเนินงานปี %(year)s %(count)s รายการ") % {"year": year, "count": count}
                for year, count in item.entries.items()
            )
            self.stdout.write(
                _("โหลด %(org)s: โครงการในแผนพัฒนา %(projects)s โครงการ, %(entries)s")
                % {
                    "org": item.organization.full_name,
                    "projects": item.projects,
                    "entries": entries,
                }
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("โหลดข้อมูลตัวอย่างเสร็จใน %(seconds).1f วินาที รหัสผ่านผู้ใช้ตัวอย่าง: %(password)s")
                % {"seconds": time.perf_counter() - started, "password": DEMO_PASSWORD}
            )
        )
