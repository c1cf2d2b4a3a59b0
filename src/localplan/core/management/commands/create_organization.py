from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from localplan.core import services
from localplan.core.geography import find_areas
from localplan.core.models import OrganizationKind

KINDS = {
    "sao": OrganizationKind.SAO,
    "อบต": OrganizationKind.SAO,
    "tambon_municipality": OrganizationKind.SUBDISTRICT_MUNICIPALITY,
    "ทต": OrganizationKind.SUBDISTRICT_MUNICIPALITY,
    "town_municipality": OrganizationKind.TOWN_MUNICIPALITY,
    "ทม": OrganizationKind.TOWN_MUNICIPALITY,
    "city_municipality": OrganizationKind.CITY_MUNICIPALITY,
    "ทน": OrganizationKind.CITY_MUNICIPALITY,
    "pao": OrganizationKind.PAO,
    "อบจ": OrganizationKind.PAO,
}


class Command(BaseCommand):
    help = _(
        "สร้างองค์กรปกครองส่วนท้องถิ่นพร้อมผู้ดูแลระบบขององค์กรและหน่วยงานภายในเริ่มต้น "
        "(ชื่อจังหวัด อำเภอ ตำบล ตามที่แพ็กเกจ geothai สะกด) แล้วพิมพ์รหัสผ่านครั้งแรกของผู้ดูแล"
    )

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True, help=_("ชื่อย่อในที่อยู่เว็บ เช่น phairin"))
        parser.add_argument("--name", required=True, help=_("ชื่อ ไม่ต้องใส่ประเภท เช่น ผไทรินทร์"))
        parser.add_argument(
            "--kind",
            required=True,
            help=_(
                "ประเภท: sao (อบต.), tambon_municipality (ทต.), town_municipality (ทม.), "
                "city_municipality (ทน.), pao (อบจ.)"
            ),
        )
        parser.add_argument("--province", required=True, help=_("จังหวัด เช่น บุรีรัมย์"))
        parser.add_argument("--district", required=True, help=_("อำเภอ เช่น ลำปลายมาศ"))
        parser.add_argument("--subdistrict", default="", help=_("ตำบล เช่น ผไทรินทร์"))
        parser.add_argument("--admin", required=True, help=_("ชื่อผู้ใช้ของผู้ดูแลระบบขององค์กร"))
        parser.add_argument("--admin-first-name", default="", help=_("ชื่อของผู้ดูแล"))
        parser.add_argument("--admin-last-name", default="", help=_("นามสกุลของผู้ดูแล"))
        parser.add_argument("--admin-email", default="", help=_("อีเมลของผู้ดูแล"))
        parser.add_argument(
            "--unit",
            action="append",
            dest="units",
            help=_("หน่วยงานภายใน (ใส่ซ้ำได้หลายครั้ง) ถ้าไม่ใส่จะใช้รายการเริ่มต้นตามประเภท"),
        )
        parser.add_argument(
            "--site-url",
            default="",
            help=_("ที่อยู่เว็บไซต์ เช่น https://plan.example.go.th เพื่อพิมพ์ลิงก์ตั้งรหัสผ่านแบบเต็ม"),
        )

    def handle(self, *args, **options):
        kind = KINDS.get(options["kind"].strip().rstrip(".").lower())
        if kind is None:
            raise CommandError(
                _("ไม่รู้จักประเภท “%(kind)s” ใช้ได้: %(kinds)s")
                % {"kind": options["kind"], "kinds": ", ".join(OrganizationKind.values)}
            )
        try:
            province, district, subdistrict = find_areas(
                province=options["province"],
                district=options["district"],
                subdistrict=options["subdistrict"],
            )
            made = services.create_organization(
                kind=kind,
                name=options["name"],
                slug=options["slug"],
                province=province,
                district=district,
                subdistrict=subdistrict,
                admin_username=options["admin"],
                admin_first_name=options["admin_first_name"],
                admin_last_name=options["admin_last_name"],
                admin_email=options["admin_email"],
                units=options["units"],
            )
        except ValidationError as refusal:
            raise CommandError(" ".join(refusal.messages)) from refusal
        org = made.organization
        link = options["site_url"].rstrip("/") + made.set_password_path
        self.stdout.write(
            self.style.SUCCESS(
                _("สร้าง %(org)s (%(slug)s) อำเภอ%(district)s จังหวัด%(province)s แล้ว")
                % {
                    "org": org.full_name,
                    "slug": org.slug,
                    "district": org.district,
                    "province": org.province,
                }
            )
        )
        self.stdout.write(_("ผู้ดูแลระบบขององค์กร: %(username)s") % {"username": options["admin"]})
        self.stdout.write(
            _("รหัสผ่านครั้งแรก (แสดงครั้งเดียว): %(password)s") % {"password": made.password}
        )
        if options["site_url"]:
            self.stdout.write(_("หรือลิงก์ตั้งรหัสผ่านเอง (ใช้ได้ครั้งเดียว): %(link)s") % {"link": link})
        else:
            self.stdout.write(
                _("หรือลิงก์ตั้งรหัสผ่านเอง (ใช้ได้ครั้งเดียว ต่อท้ายที่อยู่เว็บไซต์ หรือใช้ --site-url): %(link)s")
                % {"link": link}
            )
