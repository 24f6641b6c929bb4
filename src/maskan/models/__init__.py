"""The domain model: people, cooperatives, projects and the money they move.

Plain frozen attrs classes with no I/O and no formatting; the law's invariants are
enforced on construction and by every operation, which returns a new object or raises a
:class:`~maskan.errors.MaskanError` and leaves the old one untouched. Serialization lives
in :mod:`maskan.serde`.

>>> person = Person(national_id="0499370899", first_name="علي", last_name="كريمي",
...                 birth_date="1370/01/15")
>>> person.full_name, person.age("1404/09/04")
('علی کریمی', 34)
"""

from __future__ import annotations

from maskan.models.cooperative import (
    Assembly,
    Board,
    Cooperative,
    CooperativeEvent,
    CooperativeKind,
    EventKind,
    Membership,
    MembershipStatus,
    QuorumRule,
    Statute,
)
from maskan.models.ledger import Contribution, ContributionKind, Due, InstalmentPlan, Ledger
from maskan.models.person import (
    Benefit,
    BenefitKind,
    Employment,
    EmploymentKind,
    FormJ,
    FormJStatus,
    Gender,
    HousingHistory,
    InsuredPeriod,
    Insurer,
    MaritalStatus,
    Nationality,
    OwnedProperty,
    Person,
    PropertyKind,
    Residence,
    VeteranStatus,
)
from maskan.models.project import (
    Financing,
    FundingSource,
    HousingProject,
    LandTenure,
    ProgressReport,
    ProjectStatus,
    StatusChange,
    Unit,
)
from maskan.models.registry import Registry

__all__ = [
    "Assembly",
    "Benefit",
    "BenefitKind",
    "Board",
    "Contribution",
    "ContributionKind",
    "Cooperative",
    "CooperativeEvent",
    "CooperativeKind",
    "Due",
    "Employment",
    "EmploymentKind",
    "EventKind",
    "Financing",
    "FormJ",
    "FormJStatus",
    "FundingSource",
    "Gender",
    "HousingHistory",
    "HousingProject",
    "InstalmentPlan",
    "InsuredPeriod",
    "Insurer",
    "LandTenure",
    "Ledger",
    "MaritalStatus",
    "Membership",
    "MembershipStatus",
    "Nationality",
    "OwnedProperty",
    "Person",
    "ProgressReport",
    "ProjectStatus",
    "PropertyKind",
    "QuorumRule",
    "Registry",
    "Residence",
    "StatusChange",
    "Statute",
    "Unit",
    "VeteranStatus",
]
