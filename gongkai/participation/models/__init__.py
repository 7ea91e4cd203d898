from gongkai.participation.models.consultation import (
    Adoption,
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    EventKind,
    FeedbackSummary,
    ParticipationEvent,
    Phase,
)
from gongkai.participation.models.limits import (
    ConsultationPeriodSetting,
    MessageLimitSetting,
    ResponseLimitSetting,
)
from gongkai.participation.models.message import Message, MessageStatus, MessageTransfer, Rating
from gongkai.participation.models.opinion import (
    OpinionEvent,
    OpinionResponse,
    OpinionSource,
    OpinionStatus,
    TransferOrder,
    TransferStatus,
)
from gongkai.participation.models.proposal import (
    ParticipationItem,
    Proposal,
    ProposalDisclosure,
    ProposalKind,
    ProposalStatus,
)

__all__ = [
    "Adoption",
    "Comment",
    "CommentStatus",
    "Consultation",
    "ConsultationPeriodSetting",
    "ConsultationStatus",
    "EventKind",
    "FeedbackSummary",
    "Message",
    "MessageLimitSetting",
    "MessageStatus",
    "MessageTransfer",
    "OpinionEvent",
    "OpinionResponse",
    "OpinionSource",
    "OpinionStatus",
    "ParticipationEvent",
    "ParticipationItem",
    "Phase",
    "Proposal",
    "ProposalDisclosure",
    "ProposalKind",
    "ProposalStatus",
    "Rating",
    "ResponseLimitSetting",
    "TransferOrder",
    "TransferStatus",
]
