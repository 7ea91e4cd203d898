"""How a request's applicant appears to staff who may see it but not handle it (masked)."""

import re
from dataclasses import dataclass

from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.access import Action, can
from gongkai.rules.pii_masking import mask_value
from gongkai.rules.request_results import ApplicantType

_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1\d{10}$")


@dataclass(frozen=True)
class Applicant:
    name: str
    contact_person: str
    id_document: str
    phone: str
    email: str
    address: str
    masked: bool


def _phone(text: str) -> str:
    compact = re.sub(r"[\s-]", "", text)
    return mask_value("mobile" if _MOBILE.match(compact) else "landline", text)


def _name(info_request: InfoRequest) -> str:
    name = info_request.applicant_name
    if ApplicantType(info_request.applicant_type).is_organization:
        return name[:2] + "*" * max(2, len(name) - 2)
    return mask_value("name", name)


def applicant_for(user, info_request: InfoRequest) -> Applicant:
    """Unmasked only for those who may handle the request (staff of the handling organization)."""
    r = info_request
    if can(user, Action.HANDLE_REQUEST, r.organization):
        return Applicant(
            r.applicant_name, r.contact_person, r.id_document, r.phone, r.email, r.address, False
        )
    return Applicant(
        name=_name(r),
        contact_person=mask_value("name", r.contact_person) if r.contact_person else "",
        id_document="*" * 6 if r.id_document else "",
        phone=_phone(r.phone) if r.phone else "",
        email=mask_value("email", r.email) if r.email else "",
        address=mask_value("address", r.address) if r.address else "",
        masked=True,
    )
