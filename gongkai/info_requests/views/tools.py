"""Staff tools: registering a received application, the deadline calculator, holiday years."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.info_requests import services
from gongkai.info_requests.deadlines import current_calendar, what_if
from gongkai.info_requests.forms import CalculatorForm, HolidayYearForm, RegisterForm
from gongkai.info_requests.models import HolidayYear
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization, OrganizationKind


@login_required
def register(request, code: str):
    org = get_object_or_404(Organization.objects.exclude(kind=OrganizationKind.VILLAGE), code=code)
    require(request.user, Action.HANDLE_REQUEST, org)
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            info_request, token = services.register_application(
                organization=org,
                by=request.user,
                data=form.applicant_data(),
                channel=data["channel"],
                submitted_on=data["submitted_on"],
                signed_for=data["signed_for"],
                confirmed=data["confirmed"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            link = request.build_absolute_uri(reverse("info_requests_public:track", args=[token]))
            context = {"r": info_request, "link": link, "reissued": False}
            return render(request, "info_requests/workspace/registered.html", context)
    return render(request, "info_requests/workspace/register.html", {"org": org, "form": form})


@login_required
def calculator(request):
    form = CalculatorForm(request.GET or None)
    result = error = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            result = what_if(
                received=data["received"],
                channel=data["channel"],
                correction_requested=data["correction_requested"],
                correction_received=data["correction_received"],
                third_party_start=data["third_party_start"],
                third_party_end=data["third_party_end"],
                extended=data["extended"],
            )
        except ValueError as exc:
            error = str(exc)
    context = {"form": form, "result": result, "error": error}
    return render(request, "info_requests/workspace/calculator.html", context)


def _known_years(entered: list[HolidayYear]) -> dict:
    calendar = current_calendar()
    years = sorted(calendar.known_years)
    today = timezone.localdate()
    return {
        "first": years[0] if years else None,
        "last": years[-1] if years else None,
        "next_missing": today.year + 1 not in calendar.known_years,
        "this_missing": today.year not in calendar.known_years,
        "next_year": today.year + 1,
        "this_year": today.year,
        "entered": entered,
    }


@login_required
def holidays(request, year: int | None = None):
    services.require_calendar_admin(request.user)
    entry = HolidayYear.objects.filter(year=year).first() if year else None
    initial = {}
    if entry:
        initial = {
            "year": entry.year,
            "holidays": "\n".join(entry.holidays),
            "makeup_workdays": "\n".join(entry.makeup_workdays),
            "source": entry.source,
        }
    form = HolidayYearForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved, moved = services.save_holiday_year(
                year=data["year"],
                holidays=data["holidays"],
                makeup_workdays=data["makeup_workdays"],
                source=data["source"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"已保存{saved.year}年节假日安排，{moved}件未办结申请的答复期限已重新计算。",
            )
            return redirect("info_requests:holidays")
    context = {"form": form, "entry": entry, **_known_years(list(HolidayYear.objects.all()))}
    return render(request, "info_requests/workspace/holidays.html", context)
