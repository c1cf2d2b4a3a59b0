from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localplan.core.access import member_view, require_plan_editor
from localplan.core.pages import delete_page, form_page
from localplan.strategy.forms import GoalForm, GuidelineForm, MissionForm, StrategyForm, VisionForm
from localplan.strategy.models import Goal, Guideline, Mission, Strategy, Vision
from localplan.strategy.queries import guideline_label, strategies_with_guidelines


def _list_url(org) -> str:
    return reverse("strategy:list", kwargs={"org": org.slug})


@member_view
def strategy_list(request):
    org = request.organization
    context = {
        "nav": "strategy",
        "visions": Vision.objects.filter(organization=org),
        "missions": Mission.objects.filter(organization=org),
        "goals": Goal.objects.filter(organization=org, strategy__isnull=True),
        "strategies": strategies_with_guidelines(org),
        "guideline_label": guideline_label(org),
    }
    return render(request, "strategy/list.html", context)


# Strategy, vision, mission and goal pages are the same shape: form or delete of one row.
SIMPLE = {
    "strategy": (Strategy, StrategyForm, gettext_lazy("ยุทธศาสตร์")),
    "vision": (Vision, VisionForm, gettext_lazy("วิสัยทัศน์")),
    "mission": (Mission, MissionForm, gettext_lazy("พันธกิจ")),
    "goal": (Goal, GoalForm, gettext_lazy("เป้าประสงค์")),
}


@member_view
def item_edit(request, kind, pk=None):
    require_plan_editor(request.membership)
    model, form_class, label = SIMPLE[kind]
    org = request.organization
    instance = get_object_or_404(model, pk=pk, organization=org) if pk else None
    form = form_class(request.POST or None, instance=instance, organization=org)
    title = (_("แก้ไข%(label)s") if pk else _("เพิ่ม%(label)s")) % {"label": str(label).lower()}
    return form_page(
        request,
        form,
        title=title,
        success_url=_list_url(org),
        breadcrumbs=[(_("ยุทธศาสตร์"), _list_url(org))],
        extra={"nav": "strategy"},
    )


@member_view
def item_delete(request, kind, pk):
    require_plan_editor(request.membership)
    model = SIMPLE[kind][0]
    instance = get_object_or_404(model, pk=pk, organization=request.organization)
    return delete_page(request, instance, success_url=_list_url(request.organization))


@member_view
def guideline_edit(request, pk=None):
    require_plan_editor(request.membership)
    org = request.organization
    instance = get_object_or_404(Guideline, pk=pk, organization=org) if pk else None
    label = guideline_label(org)
    initial = {"strategy": request.GET.get("strategy")} if not pk else None
    form = GuidelineForm(
        request.POST or None, instance=instance, initial=initial, organization=org, label=label
    )
    title = (_("แก้ไข%(label)s") if pk else _("เพิ่ม%(label)s")) % {"label": str(label).lower()}
    return form_page(
        request,
        form,
        title=title,
        success_url=_list_url(org),
        breadcrumbs=[(_("ยุทธศาสตร์"), _list_url(org))],
        extra={"nav": "strategy"},
    )


@member_view
def guideline_delete(request, pk):
    require_plan_editor(request.membership)
    instance = get_object_or_404(Guideline, pk=pk, organization=request.organization)
    return delete_page(request, instance, success_url=_list_url(request.organization))
