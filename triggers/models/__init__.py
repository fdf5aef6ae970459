"""The case's data, one module per stage; everything is importable from `triggers.models`."""

from triggers.models.case import (
    Case,
    CaseEvent,
    CaseQuerySet,
    Channel,
    Complaint,
    ContactMethod,
    ReferenceCounter,
    WithdrawalReason,
)
from triggers.models.information import (
    Document,
    InformationRequest,
    InformationReturn,
    ReturnedReport,
    document_path,
)
from triggers.models.letters import Letter
from triggers.models.meetings import ReviewMeeting
from triggers.models.reviews import (
    Action,
    ActionUpdate,
    PlanComment,
    Recommendation,
    ReviewRecord,
    VictimInvolvement,
)
from triggers.models.search import SavedFilter
from triggers.models.threshold import ComplaintFinding, ThresholdCheck, ThresholdDecision

__all__ = [
    "Action",
    "ActionUpdate",
    "Case",
    "CaseEvent",
    "CaseQuerySet",
    "Channel",
    "Complaint",
    "ComplaintFinding",
    "ContactMethod",
    "Document",
    "InformationRequest",
    "InformationReturn",
    "Letter",
    "PlanComment",
    "Recommendation",
    "ReferenceCounter",
    "ReturnedReport",
    "ReviewMeeting",
    "ReviewRecord",
    "SavedFilter",
    "ThresholdCheck",
    "ThresholdDecision",
    "VictimInvolvement",
    "WithdrawalReason",
    "document_path",
]
