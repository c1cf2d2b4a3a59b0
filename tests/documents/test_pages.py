"""Download buttons and downloads, the text and emblem pages, and the render_form command."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from localplan.core.models import AuditLog, EditionState, Role
from localplan.core.slots import panels_for
from localplan.documents.models import DocumentTexts, OrganizationEmblem
from localplan.documents.panels import downloads
from tests.documents.pdf_text import normalized, squashed_text
from tests.factories import MembershipFactory, OpsEntryFactory, PlanProjectFactory


@pytest.fixture
def entry(org):
    return OpsEntryFactory(organization=org, edition__plan__organization=org)


def url(entry, code, fmt, kind="ops"):
    edition_id = entry.edition_id
    return reverse(
        "documents:download",
        kwargs={
            "org": entry.organization.slug,
            "kind": kind,
            "edition_id": edition_id,
            "code": code,
            "fmt": fmt,
        },
    )


def png_upload(size=(900, 700)):
    buffer = io.BytesIO()
    Image.new("RGBA", size, (200, 30, 30, 255)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "emblem.png"
    return buffer


def test_a_member_downloads_a_form_as_pdf_and_as_a_workbook(entry, member_client):
    client = member_client(MembershipFactory(organization=entry.organization, role=Role.EXECUTIVE))
    pdf = client.get(url(entry, "pd02", "pdf"))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "pd02-" in pdf["Content-Disposition"] and "2552.pdf" in pdf["Content-Disposition"]
    assert normalized(entry.name) in squashed_text(pdf.content)
    xlsx = client.get(url(entry, "pd02", "xlsx"))
    assert xlsx["Content-Disposition"].startswith("attachment")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert entry.name in [row[1] for row in sheet.iter_rows(values_only=True)]


def test_an_unknown_form_or_format_is_not_found(entry, planner_client):
    assert planner_client.get(url(entry, "p02", "pdf")).status_code == 404  # ผ. of an ops plan
    assert planner_client.get(url(entry, "announcement", "xlsx")).status_code == 404
    assert planner_client.get(url(entry, "nothing", "pdf")).status_code == 404


def test_a_development_plan_edition_downloads_its_forms(org, planner_client):
    project = PlanProjectFactory(organization=org, edition__plan__organization=org)
    response = planner_client.get(
        reverse(
            "documents:download",
            kwargs={
                "org": org.slug,
                "kind": "dev",
                "edition_id": project.edition_id,
                "code": "book",
                "fmt": "pdf",
            },
        )
    )
    text = squashed_text(response.content)
    assert normalized(project.name) in text and "ผ.01" in text and "ผ.03" in text


def test_the_edition_pages_show_the_download_buttons(entry, planner_client):
    page = planner_client.get(entry.edition.get_absolute_url()).content.decode()
    assert "พิมพ์แบบฟอร์ม" in page and url(entry, "pd02-1", "xlsx") in page
    assert (
        reverse(
            "documents:texts_edit",
            kwargs={"org": entry.organization.slug, "kind": "ops", "edition_id": entry.edition_id},
        )
        in page
    )
    dev_page = planner_client.get(entry.plan_project.edition.get_absolute_url()).content.decode()
    assert "ผ.02/2" in dev_page


def test_the_buttons_cost_no_query(entry, planner, django_assert_num_queries):
    planner = type(planner).objects.select_related("organization").get(pk=planner.pk)
    edition = type(entry.edition).objects.get(pk=entry.edition_id)
    with django_assert_num_queries(0):
        panel = downloads(planner, edition)
    assert len(panel.context["links"]) == 5
    assert panels_for("edition_actions", membership=planner, edition=edition)


def test_the_planner_edits_the_texts_and_the_documents_print_them(entry, planner_client):
    edition = entry.edition
    page = reverse(
        "documents:texts_edit",
        kwargs={"org": entry.organization.slug, "kind": "ops", "edition_id": edition.pk},
    )
    form = planner_client.get(page)
    assert "ส่วนที่ 1 บทนำ" in form.content.decode()  # the seed's text is the default
    response = planner_client.post(
        page,
        {
            "introduction": "# บทนำฉบับปรับปรุง\nย่อหน้าทดสอบการแก้ไขข้อความ",
            "announcement_body": "ข้อความประกาศที่แก้ไขแล้ว",
            "announced_on": "25/12/2551",
            "signer_name": "นางสาวสมหญิง รักถิ่น",
            "signer_title": "ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายก",
        },
    )
    assert response.status_code == 302
    assert DocumentTexts.objects.get(ops_edition=edition).signer_name == "นางสาวสมหญิง รักถิ่น"
    announcement = squashed_text(planner_client.get(url(entry, "announcement", "pdf")).content)
    assert normalized("ประกาศ ณ วันที่ 25 ธันวาคม พ.ศ. 2551") in announcement
    assert normalized("(นางสาวสมหญิง รักถิ่น)") in announcement
    book = squashed_text(planner_client.get(url(entry, "book", "pdf")).content)
    assert normalized("บทนำฉบับปรับปรุง") in book and normalized("ขั้นตอนที่ 4") not in book


def test_a_bad_date_is_refused_in_thai_and_nothing_is_saved(entry, planner_client):
    page = reverse(
        "documents:texts_edit",
        kwargs={"org": entry.organization.slug, "kind": "ops", "edition_id": entry.edition_id},
    )
    response = planner_client.post(page, {"announced_on": "31/02/2551", "announcement_body": "x"})
    assert response.status_code == 400 and "ไม่ใช่วันที่ที่ถูกต้อง" in response.content.decode()
    assert not DocumentTexts.objects.exists()


def test_the_texts_of_an_announced_edition_are_frozen(entry, planner_client):
    edition = entry.edition
    edition.state = EditionState.ANNOUNCED
    edition.save()
    page = reverse(
        "documents:texts_edit",
        kwargs={"org": entry.organization.slug, "kind": "ops", "edition_id": edition.pk},
    )
    for response in (planner_client.get(page), planner_client.post(page, {"signer_name": "x"})):
        assert response.status_code == 403 and "ประกาศใช้แล้ว" in response.content.decode()
    assert not DocumentTexts.objects.exists()


def test_unit_staff_cannot_edit_the_texts(entry, member_client):
    client = member_client(MembershipFactory(organization=entry.organization, role=Role.UNIT_STAFF))
    page = reverse(
        "documents:texts_edit",
        kwargs={"org": entry.organization.slug, "kind": "ops", "edition_id": entry.edition_id},
    )
    assert client.post(page, {"signer_name": "x"}).status_code == 403
    assert not DocumentTexts.objects.exists()


def test_the_emblem_is_stored_small_and_printed(entry, planner_client):
    page = reverse("documents:emblem_edit", kwargs={"org": entry.organization.slug})
    assert planner_client.post(page, {"image": png_upload()}).status_code == 302
    emblem = OrganizationEmblem.objects.get(organization=entry.organization)
    assert max(emblem.width, emblem.height) == 600
    assert AuditLog.objects.filter(model__icontains="emblem").exists()
    pdf = planner_client.get(url(entry, "announcement", "pdf")).content
    assert b"/Subtype/Image" in pdf or b"/Subtype /Image" in pdf
    assert planner_client.post(page, {"remove": "on"}).status_code == 302
    assert not OrganizationEmblem.objects.exists()


def test_a_file_that_is_no_image_is_refused_and_nothing_changes(org, planner_client):
    page = reverse("documents:emblem_edit", kwargs={"org": org.slug})
    bad = io.BytesIO(b"not an image at all")
    bad.name = "emblem.png"
    response = planner_client.post(page, {"image": bad})
    assert response.status_code == 400 and "ไม่ใช่ภาพ" in response.content.decode()
    assert planner_client.post(page, {}).status_code == 400
    assert not OrganizationEmblem.objects.exists()


def test_read_only_roles_cannot_change_the_emblem(org, member_client):
    client = member_client(MembershipFactory(organization=org, role=Role.EXECUTIVE))
    page = reverse("documents:emblem_edit", kwargs={"org": org.slug})
    assert client.post(page, {"image": png_upload()}).status_code == 403
    assert not OrganizationEmblem.objects.exists()


def test_render_form_writes_the_file(entry, tmp_path):
    out = tmp_path / "pd02.xlsx"
    call_command(
        "render_form",
        "pd02",
        "--org",
        entry.organization.slug,
        "--fy",
        "2552",
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    assert entry.name in [
        row[1] for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True)
    ]
    dev = tmp_path / "p02.pdf"
    call_command(
        "render_form", "p02", "--org", entry.organization.slug, "--fy", "๒๕๕๓", "-o", str(dev)
    )
    assert normalized(entry.plan_project.name) in squashed_text(dev.read_bytes())


@pytest.mark.parametrize(
    "args, message",
    [
        (["pd02", "--org", "nowhere", "--fy", "2552"], "ไม่พบองค์กร"),
        (["pd09", "--org", "phairin", "--fy", "2552"], "ไม่รู้จักแบบฟอร์ม"),
        (["pd02", "--org", "phairin", "--fy", "2009"], "ปี ค.ศ."),
        (["pd02", "--org", "phairin", "--fy", "2560"], "ไม่มีแผนการดำเนินงาน"),
        (["p02", "--org", "phairin", "--fy", "2552", "--plan", "2560-2564"], "ไม่มีแผนพัฒนา"),
        (["announcement", "--org", "phairin", "--fy", "2552", "--format", "xlsx"], "ไม่มีในรูปแบบ"),
    ],
)
def test_render_form_refuses_bad_input_in_thai(entry, tmp_path, args, message):
    out = tmp_path / "x"
    with pytest.raises(CommandError, match=message):
        call_command("render_form", *args, "-o", str(out))
    assert not out.exists()
