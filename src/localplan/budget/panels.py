"""What the budget app adds to shared pages: a card on the home page (its badge loads after
the page, so the home page itself makes no query for it), and buttons beside plan editions."""

from django.urls import reverse
from django.utils.translation import gettext as _

from localplan.budget.checks import open_problems
from localplan.core.models import Unit, Village
from localplan.core.slots import Panel, slot
from localplan.devplan.models import DevPlanEdition
from localplan.opsplan.models import OperationalPlan, OpsEdition
from localplan.strategy.models import Strategy


@slot("home")
def budget_card(membership):
    org = membership.organization
    return Panel(
        "budget/_home_panel.html",
        {
            "index_url": reverse("budget:index", kwargs={"org": org.slug}),
            "badge_url": reverse("budget:checks_badge", kwargs={"org": org.slug}),
        },
        order=30,
    )


@slot("edition_actions")
def edition_buttons(membership, edition):
    if isinstance(edition, DevPlanEdition):
        return Panel(
            "budget/_devplan_actions.html",
            {"edition": edition, "can_import": edition.is_editable and membership.can_edit_plans},
            order=40,
        )
    if isinstance(edition, OpsEdition):
        return Panel(
            "budget/_opsplan_actions.html",
            {
                "fiscal_year": edition.plan.fiscal_year,
                "can_draft": edition.is_editable and membership.can_edit_plans,
            },
            order=40,
        )
    return None


@slot("before_submit")
def consistency_before_submit(membership, edition):
    """The open consistency problems of an operational plan, shown (not blocking: domain.md
    §8 names them to be fixed, the committee may still review) before it goes to review."""
    if not isinstance(edition, OpsEdition):
        return None
    org = membership.organization
    checks_url = reverse(
        "budget:checks", kwargs={"org": org.slug, "fiscal_year": edition.plan.fiscal_year}
    )
    return Panel(
        "budget/_submit_problems.html",
        {"problems": open_problems(edition), "checks_url": checks_url},
        order=10,
    )


@slot("home")
def first_steps(membership):
    """On a new organization's home page, what to do first and in which order, until its
    strategy, development plan and operational plan exist."""
    org = membership.organization
    edition = DevPlanEdition.objects.filter(organization=org).order_by("-pk").first()
    has_ops = OperationalPlan.objects.filter(organization=org).exists()
    if edition is not None and has_ops:
        return None
    slug = {"org": org.slug}
    steps = [
        {
            "title": _("หน่วยงานภายในและหมู่บ้าน"),
            "text": _("ตรวจรายชื่อหน่วยงาน เพิ่มหมู่บ้านในเขต และเพิ่มผู้ใช้พร้อมบทบาท"),
            "url": reverse("settings", kwargs=slug),
            "done": Unit.objects.filter(organization=org).exists()
            and Village.objects.filter(organization=org).exists(),
        },
        {
            "title": _("ยุทธศาสตร์การพัฒนา"),
            "text": _("วิสัยทัศน์ พันธกิจ ยุทธศาสตร์ และแนวทางการพัฒนา ที่โครงการทุกโครงการอ้างถึง"),
            "url": reverse("strategy:list", kwargs=slug),
            "done": Strategy.objects.filter(organization=org).exists(),
        },
        {
            "title": _("แผนพัฒนาท้องถิ่น"),
            "text": _("สร้างแผนพัฒนา (ห้าปีหรือสามปี) แล้วเพิ่มโครงการและงบประมาณแต่ละปี"),
            "url": reverse("devplan:plan_new", kwargs=slug),
            "done": edition is not None,
        },
        {
            "title": _("นำเข้าไฟล์ที่มีอยู่"),
            "text": _(
                "มีโครงการในไฟล์ Excel อยู่แล้ว? ดาวน์โหลดแบบฟอร์ม กรอก แล้วนำเข้าทีเดียว ตรวจก่อนบันทึกทุกแถว"
            )
            if edition
            else _("มีโครงการในไฟล์ Excel อยู่แล้ว? สร้างแผนพัฒนาก่อน แล้วนำเข้าโครงการจาก Excel ได้ในหน้าแผน"),
            "url": reverse(
                "budget:import_new",
                kwargs=slug | {"kind": "plan-projects", "target_id": edition.pk},
            )
            if edition and edition.is_editable
            else "",
            "done": False,
        },
        {
            "title": _("แผนการดำเนินงาน"),
            "text": _("เมื่อมีข้อบัญญัติ/เทศบัญญัติงบประมาณแล้ว จัดทำแผนการดำเนินงานของปีจากแผนพัฒนาและงบประมาณ"),
            "url": reverse("opsplan:plan_new", kwargs=slug),
            "done": has_ops,
        },
    ]
    return Panel(
        "budget/_first_steps.html",
        {"steps": steps, "can_edit": membership.can_edit_plans},
        order=0,
    )
