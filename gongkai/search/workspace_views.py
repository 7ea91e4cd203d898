"""The workspace page where platform administrators maintain the search synonyms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, require
from gongkai.search import selectors, services
from gongkai.search.models import Synonym

PER_PAGE = 50
FIELDS = ("term", "equivalent")


def _listing(params: QueryDict) -> dict:
    text = params.get("q", "").strip()[:50]
    state = params.get("state", "")
    state = state if state in selectors.SYNONYM_STATES else ""
    rows = selectors.synonyms(text=text, state=state)
    query = params.copy()
    query.pop("page", None)
    return {
        "text": text,
        "state": state,
        "states": selectors.SYNONYM_STATES,
        "page_obj": Paginator(rows, PER_PAGE).get_page(params.get("page")),
        "filtered": bool(text or state),
        "list_query": query.urlencode(),
    }


def _errors(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return dict(exc.message_dict)
    return {"form": exc.messages}


@login_required
def synonym_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.MANAGE_GUIDELINES)
    values = dict.fromkeys(FIELDS, "")
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values = {field: request.POST.get(field, "")[:200] for field in FIELDS}
        try:
            synonym = services.add_synonym(by=request.user, **values)
        except ValidationError as exc:
            errors = _errors(exc)
        else:
            messages.success(request, f"已添加同义词“{synonym}”，站内搜索即刻生效。")
            return redirect("search:synonyms")
    context = _listing(request.GET) | {"values": values, "errors": errors}
    is_fragment = request.method == "GET" and request.headers.get("HX-Request")
    template = "search/workspace/_table.html" if is_fragment else "search/workspace/list.html"
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


@login_required
@require_POST
def synonym_switch(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Action.MANAGE_GUIDELINES)
    synonym = get_object_or_404(Synonym, pk=pk)
    synonym = services.set_synonym_active(
        by=request.user, synonym=synonym, active=request.POST.get("active") == "1"
    )
    if request.headers.get("HX-Request"):
        return render(request, "search/workspace/_row.html", {"synonym": synonym, "switched": True})
    state = "重新启用" if synonym.active else "停用"
    messages.success(request, f"已{state}同义词“{synonym}”。")
    back = QueryDict(request.POST.get("back", "")).urlencode()
    return redirect(reverse("search:synonyms") + (f"?{back}" if back else ""))
