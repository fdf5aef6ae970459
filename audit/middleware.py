"""Record every request that reads or changes a case's data, found from the URL.

New case pages are covered without changes here: a signed-in (or private-link) request whose
URL names a case (`area` + `reference`) or an object (`…_id`) under one of CASE_PATHS, and
that succeeded (status below 400), is written to the audit. GET is a view, or a download when
the answer is a file; HEAD is always a view (no content left the server); any other method is
a change. A refused attempt (404 or 403) on a URL that names a case or an object is written
too, as "refused", with what was asked for (issue #15).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Model

from agencies.access import APPLICANT_SESSION_KEY, area_ids_for

from . import context, services
from .models import AccessRecord

CASE_PATHS = (
    "/cases/",
    "/appeals/",
    "/requests/",
    "/documents/",
    "/actions/",
    "/track/",
    "/pcc/",
    "/api/v1/cases/",
)
# Pages that list cases with their applicants' names: their views are recorded too, without a
# case, against the user's area when they work in one.
CASE_LISTS = {"home", "api:case_list", "inbox", "actions", "appeals:list", "case_list_export"}
# A case list's search words go in the row instead of the query string (issue #17): who
# looked for whom (the first 40 characters, as every object_id).
SEARCH_PARAM = "q"
CHANGE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
READ_METHODS = {"GET", "HEAD"}
# Another area's object is a 404 (access.py); a 403 is a refusal too (a read-only token's
# change, say). Both say someone tried.
REFUSED_STATUSES = {403, 404}
PAGE_TYPES = ("text/html", "application/json")
# URL keyword -> model, where the keyword is not simply the model's name plus "_id".
KWARG_MODELS = {
    "request_id": "triggers.InformationRequest",
    "meeting_id": "triggers.ReviewMeeting",
    "return_id": "triggers.InformationReturn",
}


class AccessAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        context.forget()  # a note from an earlier request on this thread is never used
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or not _audited(request):
            return response
        if response.status_code < 400:
            _record(request, response, match)
        elif response.status_code in REFUSED_STATUSES:
            _record_refusal(request, match)
        return response


def _audited(request) -> bool:
    if request.method not in CHANGE_METHODS and request.method not in READ_METHODS:
        return False
    return request.path_info.startswith(CASE_PATHS)


def _action(request, response) -> str:
    if request.method in CHANGE_METHODS:
        return AccessRecord.Action.CHANGE
    if request.method == "HEAD":
        # Django answers HEAD by running the GET view and dropping the body: nothing was
        # downloaded, whatever the headers say.
        return AccessRecord.Action.VIEW
    disposition = response.get("Content-Disposition", "")
    content_type = response.get("Content-Type", "").split(";")[0]
    if "attachment" in disposition or (content_type and content_type not in PAGE_TYPES):
        return AccessRecord.Action.DOWNLOAD
    return AccessRecord.Action.VIEW


def _record(request, response, match) -> None:
    who = _who(request)
    if who is None:
        return
    target = _target(request, match.kwargs) or _case_list(request, match.view_name)
    if target is None:
        return
    services.record(
        _action(request, response),
        request=request,
        who=who,
        url_name=match.view_name,
        **target,
    )


def _record_refusal(request, match) -> None:
    """What was asked for, from the URL alone: looking the object up would record (and tell
    the reader of the audit) whether another area's case exists. The row goes to the
    asking user's own area, whose admins answer for them."""
    who = _who(request)
    names_object = any(k.endswith("_id") for k in match.kwargs) or "reference" in match.kwargs
    if who is None or not names_object:
        return
    kwargs = match.kwargs
    object_kwargs = [k for k in kwargs if k.endswith("_id")]
    object_type = object_kwargs[-1][: -len("_id")] if object_kwargs else "case"
    asked = kwargs[object_kwargs[-1]] if object_kwargs else kwargs.get("reference", "")
    areas = area_ids_for(request.user) if request.user.is_authenticated else set()
    services.record(
        AccessRecord.Action.REFUSED,
        request=request,
        who=who,
        url_name=match.view_name,
        area_id=next(iter(areas)) if len(areas) == 1 else None,
        case_reference=str(kwargs.get("reference", "")),
        object_type=object_type,
        object_id=f"{kwargs['area']}/{asked}" if "area" in kwargs else str(asked),
    )


def _who(request) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.email
    if request.session.get(APPLICANT_SESSION_KEY):
        return services.APPLICANT
    return None


def _target(request, kwargs) -> dict | None:
    """The case (and object) the URL names, or None when it names none."""
    if "area" in kwargs and "reference" in kwargs:
        target = _case_by_reference(kwargs["area"], kwargs["reference"])
    else:
        target = {}
    object_kwargs = [k for k in kwargs if k.endswith("_id")]
    if object_kwargs:
        found = _object(object_kwargs[-1], kwargs[object_kwargs[-1]])
        # The named object (a letter of the case, say) is what was opened.
        target = {**target, **{k: v for k, v in found.items() if v}}
    if not target and request.path_info.startswith("/track/"):
        target = _case_by_id(request.session.get(APPLICANT_SESSION_KEY))
    return target or None


def _case_list(request, view_name: str) -> dict | None:
    if view_name not in CASE_LISTS or not request.user.is_authenticated:
        return None
    areas = area_ids_for(request.user)
    # The words as the search reads them (PostgreSQL refuses a NUL in a row).
    words = " ".join(request.GET.get(SEARCH_PARAM, "").replace("\x00", " ").split())
    return {
        "object_type": "case search" if words else "case list",
        "object_id": (words or request.META.get("QUERY_STRING", ""))[:40],
        "area_id": next(iter(areas)) if len(areas) == 1 else None,
    }


def _case_model():
    return apps.get_model("triggers", "Case")


def _case_by_reference(area_slug, reference) -> dict:
    seen = context.seen_case(str(area_slug), str(reference))
    if seen is not None:  # the view read it already: no second round trip
        return _case_target({"pk": seen["pk"], **seen})
    return _case_row(_case_model().objects.filter(area__slug=area_slug, reference=reference))


def _case_by_id(case_id) -> dict:
    return _case_row(_case_model().objects.filter(pk=case_id)) if case_id else {}


def _case_row(cases) -> dict:
    row = cases.values("pk", "area_id", "reference").first()
    return {} if row is None else _case_target(row)


def _case_target(row: dict) -> dict:
    return {
        "case_id": row["pk"],
        "area_id": row["area_id"],
        "case_reference": row["reference"],
        "object_type": "case",
        "object_id": str(row["pk"]),
    }


# Columns that tie an object to a case and an area, as (field name, column to read).
LINK_COLUMNS = (("case", "case_id"), ("area", "area_id"), ("reference", "reference"))


def _object(kwarg: str, value) -> dict:
    """The object an `…_id` keyword names, with its case and area when it has them."""
    model = model_for_kwarg(kwarg)
    target = {"object_type": kwarg[: -len("_id")], "object_id": str(value)}
    if model is None:
        return target
    target["object_type"] = model._meta.model_name
    fields = {f.name for f in model._meta.concrete_fields}
    columns = [column for name, column in LINK_COLUMNS if name in fields]
    row = model.objects.filter(pk=value).values(*columns).first() if columns else None
    if not row:
        return target
    case = _case_by_id(row.get("case_id"))
    target["case_id"] = case.get("case_id")
    target["case_reference"] = case.get("case_reference") or row.get("reference", "")
    target["area_id"] = row.get("area_id") or case.get("area_id")
    return target


def model_for_kwarg(kwarg: str) -> type[Model] | None:
    """`letter_id` -> Letter, `appeal_id` -> Appeal…, found across the installed apps."""
    if kwarg in KWARG_MODELS:
        try:
            return apps.get_model(KWARG_MODELS[kwarg])
        except LookupError:
            return None
    wanted = kwarg[: -len("_id")].replace("_", "")
    for model in apps.get_models():
        if model._meta.model_name == wanted and model._meta.app_label not in ("auth", "admin"):
            return model
    return None
