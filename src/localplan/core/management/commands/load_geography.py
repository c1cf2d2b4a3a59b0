from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from localplan.core.geography import ensure_geography


class Command(BaseCommand):
    help = _(
        "ปรับรายชื่อจังหวัด อำเภอ และตำบลให้ตรงกับแพ็กเกจ geothai ที่ติดตั้ง "
        "(migrate ทำให้อยู่แล้ว ใช้คำสั่งนี้หลังปรับรุ่น geothai)"
    )

    def handle(self, *args, **options):
        changes = ensure_geography()
        self.stdout.write(
            _("เพิ่ม %(added)s พื้นที่ ปรับชื่อ %(renamed)s พื้นที่")
            % {"added": changes.added, "renamed": changes.renamed}
        )
