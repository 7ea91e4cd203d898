from gongkai.supervision.models.assessment import (
    Assessment,
    AssessmentRun,
    IndicatorSet,
    IndicatorSetInUse,
)
from gongkai.supervision.models.notifications import Notification
from gongkai.supervision.models.snapshots import OrganizationFigures, Snapshot
from gongkai.supervision.models.tasks import (
    ProgressUpdate,
    TaskAssignment,
    TaskPlan,
    TaskRole,
    TaskStatus,
    WorkTask,
)

__all__ = [
    "Assessment",
    "AssessmentRun",
    "IndicatorSet",
    "IndicatorSetInUse",
    "Notification",
    "OrganizationFigures",
    "ProgressUpdate",
    "Snapshot",
    "TaskAssignment",
    "TaskPlan",
    "TaskRole",
    "TaskStatus",
    "WorkTask",
]
