"""The case's data, one module per stage; everything is importable from `triggers.models`."""

from triggers.models.case import (
    Case,
    CaseQuerySet,
    CaseStatusCount,
    Channel,
    Complaint,
    ConsentHow,
    ContactMethod,
    Language,
    ReferenceCounter,
    SendTo,
    WithdrawalReason,
)
from triggers.models.events import CaseEvent
from triggers.models.information import (
    Document,
    DraftReturn,
    InformationRequest,
    InformationReturn,
    ReturnedReport,
    document_path,
)
from triggers.models.letters import Letter, LetterDelivery
from triggers.models.meetings import ReviewMeeting
from triggers.models.notes import CaseNote
from triggers.models.proactive import EarlierDecision, PossibleReview, SuggestionDecision
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
    "CaseNote",
    "CaseQuerySet",
    "CaseStatusCount",
    "Channel",
    "Complaint",
    "ComplaintFinding",
    "ConsentHow",
    "ContactMethod",
    "Document",
    "DraftReturn",
    "EarlierDecision",
    "InformationRequest",
    "InformationReturn",
    "Language",
    "Letter",
    "LetterDelivery",
    "PlanComment",
    "PossibleReview",
    "Recommendation",
    "ReferenceCounter",
    "ReturnedReport",
    "ReviewMeeting",
    "ReviewRecord",
    "SavedFilter",
    "SendTo",
    "SuggestionDecision",
    "ThresholdCheck",
    "ThresholdDecision",
    "VictimInvolvement",
    "WithdrawalReason",
    "document_path",
]
