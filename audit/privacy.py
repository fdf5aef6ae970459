"""The audit's part in retention: it records that personal data was removed. Its own rows
keep no personal data of the applicant (staff emails, references and addresses only)."""

from . import services
from .models import AccessRecord


def anonymise_case(case) -> None:
    services.record(
        AccessRecord.Action.ANONYMISE,
        who="system (retention)",
        area_id=case.area_id,
        case_id=case.pk,
        case_reference=case.reference,
        url_name="retention",
        object_type="case",
        object_id=str(case.pk),
    )
