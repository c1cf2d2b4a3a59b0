"""The shared reference lists: ด้าน and แผนงาน of the budget classification (domain.md §3),
the six ด้าน of ยุทธศาสตร์ชาติ 20 ปี and the seventeen SDGs. Loaded by a data migration."""

BUDGET_SIDES = [
    (
        "00100",
        "ด้านบริหารงานทั่วไป",
        [
            ("00110", "แผนงานบริหารงานทั่วไป"),
            ("00120", "แผนงานการรักษาความสงบภายใน"),
        ],
    ),
    (
        "00200",
        "ด้านบริการชุมชนและสังคม",
        [
            ("00210", "แผนงานการศึกษา"),
            ("00220", "แผนงานสาธารณสุข"),
            ("00230", "แผนงานสังคมสงเคราะห์"),
            ("00240", "แผนงานเคหะและชุมชน"),
            ("00250", "แผนงานสร้างความเข้มแข็งของชุมชน"),
            ("00260", "แผนงานการศาสนาวัฒนธรรมและนันทนาการ"),
        ],
    ),
    (
        "00300",
        "ด้านการเศรษฐกิจ",
        [
            ("00310", "แผนงานอุตสาหกรรมและการโยธา"),
            ("00320", "แผนงานการเกษตร"),
            ("00330", "แผนงานการพาณิชย์"),
        ],
    ),
    (
        "00400",
        "ด้านการดำเนินงานอื่น",
        [
            ("00410", "แผนงานงบกลาง"),
        ],
    ),
]

NATIONAL_STRATEGIES = [
    "ด้านความมั่นคง",
    "ด้านการสร้างความสามารถในการแข่งขัน",
    "ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์",
    "ด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
    "ด้านการสร้างการเติบโตบนคุณภาพชีวิตที่เป็นมิตรต่อสิ่งแวดล้อม",
    "ด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ",
]

SDGS = [
    "ขจัดความยากจน",
    "ขจัดความหิวโหย",
    "การมีสุขภาพและความเป็นอยู่ที่ดี",
    "การศึกษาที่มีคุณภาพ",
    "ความเท่าเทียมทางเพศ",
    "การจัดการน้ำและสุขาภิบาล",
    "พลังงานสะอาดที่ทุกคนเข้าถึงได้",
    "การจ้างงานที่มีคุณค่าและการเติบโตทางเศรษฐกิจ",
    "อุตสาหกรรม นวัตกรรม และโครงสร้างพื้นฐาน",
    "ลดความเหลื่อมล้ำ",
    "เมืองและถิ่นฐานมนุษย์อย่างยั่งยืน",
    "แผนการบริโภคและการผลิตที่ยั่งยืน",
    "การรับมือการเปลี่ยนแปลงสภาพภูมิอากาศ",
    "การใช้ประโยชน์จากมหาสมุทรและทรัพยากรทางทะเล",
    "การใช้ประโยชน์จากระบบนิเวศทางบก",
    "สังคมสงบสุข ยุติธรรม ไม่แบ่งแยก",
    "ความร่วมมือเพื่อการพัฒนาที่ยั่งยืน",
]


def ensure_reference_lists(apps=None) -> None:
    """Create whatever rows of the reference lists are missing (by code or number)."""
    if apps is None:
        from django.apps import apps
    get_model = apps.get_model
    BudgetSide = get_model("strategy", "BudgetSide")
    WorkPlan = get_model("strategy", "WorkPlan")
    NationalStrategy = get_model("strategy", "NationalStrategy")
    Sdg = get_model("strategy", "SustainableDevelopmentGoal")
    work_plan_order = 0
    for side_order, (side_code, side_name, work_plans) in enumerate(BUDGET_SIDES, start=1):
        side, _ = BudgetSide.objects.get_or_create(
            code=side_code, defaults={"name": side_name, "order": side_order}
        )
        for code, name in work_plans:
            work_plan_order += 1
            WorkPlan.objects.get_or_create(
                code=code, defaults={"side": side, "name": name, "order": work_plan_order}
            )
    for number, name in enumerate(NATIONAL_STRATEGIES, start=1):
        NationalStrategy.objects.get_or_create(number=number, defaults={"name": name})
    for number, name in enumerate(SDGS, start=1):
        Sdg.objects.get_or_create(number=number, defaults={"name": name})
