"""The synced entities and their fields, declared once.

Every layer reads this catalog: the server builds its tables and validates
mutations from it, the desktop's store and cell editors will do the same. Field
names are the AdvisorOS platform's (camelCase), because they travel as JSON.
Records themselves are plain ``dict[str, object]`` keyed by these names, which
is exactly their shape on the wire.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from advisoros_desktop.domain import validators as v


class FieldKind(enum.StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    EMAIL = "email"
    PHONE = "phone"
    TIN = "tin"
    MONEY = "money"
    DATE = "date"
    YEAR = "year"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    REFERENCE = "reference"
    JSON = "json"


class Role(enum.StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    CPA = "cpa"
    STAFF = "staff"


CLIENT_STATUSES = ("prospect", "active", "inactive", "archived")
BUSINESS_TYPES = (
    "individual",
    "sole_proprietorship",
    "partnership",
    "llc",
    "s_corp",
    "c_corp",
    "nonprofit",
    "trust",
)
ENGAGEMENT_TYPES = (
    "tax_preparation",
    "bookkeeping",
    "payroll",
    "audit",
    "review",
    "compilation",
    "advisory",
    "consulting",
)
ENGAGEMENT_STATUSES = ("planning", "in_progress", "review", "completed", "cancelled")
TASK_STATUSES = ("pending", "in_progress", "review", "completed", "cancelled")
TASK_PRIORITIES = ("low", "medium", "high", "urgent")
DOCUMENT_CATEGORIES = (
    "w2",
    "1099",
    "invoice",
    "receipt",
    "bank_statement",
    "tax_return",
    "financial_statement",
    "general",
)
OCR_STATUSES = ("pending", "processing", "completed", "failed", "manual_review")
FORM_TYPES = (
    "W-2",
    "1099-NEC",
    "1099-INT",
    "1099-DIV",
    "1099-MISC",
    "invoice",
    "receipt",
    "bank_statement",
    "unknown",
)
UPLOAD_SOURCES = ("desktop", "watched_folder", "drag_drop", "web", "demo")


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entity, as clients see it."""

    name: str
    kind: FieldKind
    label: str
    required: bool = False
    choices: tuple[str, ...] = ()
    references: str | None = None
    max_length: int = 300
    # False for fields only the server sets (checksums, OCR state, uploader).
    writable: bool = True
    default: object = None


@dataclass(frozen=True)
class EntitySpec:
    """A synced entity: its fields, its parent, and what mutations may do to it."""

    name: str
    label: str
    plural: str
    fields: tuple[FieldSpec, ...]
    # Rank in the change feed: parents have lower ranks than their children.
    rank: int
    creatable: bool = True
    writable: bool = True
    why_not_creatable: str = ""
    by_name: Mapping[str, FieldSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    def references(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.kind is FieldKind.REFERENCE]


def _f(name: str, kind: FieldKind, label: str, **kw: object) -> FieldSpec:
    return FieldSpec(name, kind, label, **kw)  # type: ignore[arg-type]


K = FieldKind

USER = EntitySpec(
    "user",
    "user",
    "users",
    (
        _f("email", K.EMAIL, "Email", required=True, writable=False),
        _f("name", K.TEXT, "Name", required=True, writable=False),
        _f("role", K.CHOICE, "Role", choices=tuple(Role), writable=False),
        _f("isActive", K.BOOLEAN, "Active", writable=False, default=True),
    ),
    rank=0,
    creatable=False,
    writable=False,
    why_not_creatable="users are managed by the firm's administrators, not synced edits",
)

CLIENT = EntitySpec(
    "client",
    "client",
    "clients",
    (
        _f("businessName", K.TEXT, "Business name", required=True, max_length=200),
        _f("legalName", K.TEXT, "Legal name", max_length=200),
        _f("businessType", K.CHOICE, "Business type", choices=BUSINESS_TYPES),
        _f("taxId", K.TIN, "Tax ID (EIN or SSN)"),
        _f("primaryContactName", K.TEXT, "Primary contact", max_length=200),
        _f("primaryContactEmail", K.EMAIL, "Contact email"),
        _f("primaryContactPhone", K.PHONE, "Contact phone"),
        _f("address", K.TEXT, "Address", max_length=300),
        _f("city", K.TEXT, "City", max_length=100),
        _f("state", K.TEXT, "State", max_length=50),
        _f("zipCode", K.TEXT, "ZIP code", max_length=20),
        _f("industry", K.TEXT, "Industry", max_length=100),
        _f("status", K.CHOICE, "Status", choices=CLIENT_STATUSES, default="active"),
        _f("notes", K.LONG_TEXT, "Notes", max_length=10_000),
    ),
    rank=1,
)

ENGAGEMENT = EntitySpec(
    "engagement",
    "engagement",
    "engagements",
    (
        _f("clientId", K.REFERENCE, "Client", required=True, references="client"),
        _f("name", K.TEXT, "Name", required=True, max_length=200),
        _f("type", K.CHOICE, "Type", choices=ENGAGEMENT_TYPES, default="tax_preparation"),
        _f("status", K.CHOICE, "Status", choices=ENGAGEMENT_STATUSES, default="planning"),
        _f("taxYear", K.YEAR, "Tax year"),
        _f("startDate", K.DATE, "Start date"),
        _f("dueDate", K.DATE, "Due date"),
        _f("assignedToId", K.REFERENCE, "Assigned to", references="user"),
        _f("feeAmount", K.MONEY, "Fee"),
        _f("description", K.LONG_TEXT, "Description", max_length=10_000),
        _f("isArchived", K.BOOLEAN, "Archived", default=False),
    ),
    rank=2,
)

TASK = EntitySpec(
    "task",
    "task",
    "tasks",
    (
        _f("title", K.TEXT, "Title", required=True, max_length=200),
        _f("description", K.LONG_TEXT, "Description", max_length=10_000),
        _f("status", K.CHOICE, "Status", choices=TASK_STATUSES, default="pending"),
        _f("priority", K.CHOICE, "Priority", choices=TASK_PRIORITIES, default="medium"),
        _f("dueDate", K.DATE, "Due date"),
        _f("assignedToId", K.REFERENCE, "Assigned to", references="user"),
        _f("clientId", K.REFERENCE, "Client", references="client"),
        _f("engagementId", K.REFERENCE, "Engagement", references="engagement"),
        _f("isArchived", K.BOOLEAN, "Archived", default=False),
    ),
    rank=3,
)

DOCUMENT = EntitySpec(
    "document",
    "document",
    "documents",
    (
        _f("clientId", K.REFERENCE, "Client", required=True, references="client"),
        _f("engagementId", K.REFERENCE, "Engagement", references="engagement"),
        _f("fileName", K.TEXT, "File name", required=True, max_length=255),
        _f("fileSize", K.INTEGER, "Size", writable=False),
        _f("mimeType", K.TEXT, "Type", writable=False, max_length=100),
        _f("checksum", K.TEXT, "SHA-256", writable=False, max_length=64),
        _f("category", K.CHOICE, "Category", choices=DOCUMENT_CATEGORIES, default="general"),
        _f("year", K.YEAR, "Tax year"),
        _f("description", K.LONG_TEXT, "Description", max_length=10_000),
        _f("source", K.CHOICE, "Source", choices=UPLOAD_SOURCES, writable=False),
        _f("ocrStatus", K.CHOICE, "OCR", choices=OCR_STATUSES, writable=False),
        _f("needsReview", K.BOOLEAN, "Needs review", writable=False, default=False),
        _f("extractedData", K.JSON, "Extracted data", writable=False),
        _f("uploadedById", K.REFERENCE, "Uploaded by", references="user", writable=False),
        _f("isArchived", K.BOOLEAN, "Archived", default=False),
    ),
    rank=3,
    creatable=False,
    why_not_creatable="documents are created by uploading a file",
)

EXTRACTION = EntitySpec(
    "extraction",
    "extraction",
    "extractions",
    (
        _f(
            "documentId",
            K.REFERENCE,
            "Document",
            required=True,
            references="document",
            writable=False,
        ),
        _f("formType", K.CHOICE, "Form type", choices=FORM_TYPES, default="unknown"),
        _f("status", K.CHOICE, "Status", choices=OCR_STATUSES, writable=False),
        _f("confidence", K.NUMBER, "Confidence", writable=False),
        _f("fields", K.JSON, "Fields"),
        _f("checks", K.JSON, "Checks", writable=False),
        _f("approved", K.BOOLEAN, "Approved", default=False),
        _f("reviewedById", K.REFERENCE, "Reviewed by", references="user", writable=False),
    ),
    rank=4,
    creatable=False,
    why_not_creatable="extractions are made by the server after an upload",
)

ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec for spec in (USER, CLIENT, ENGAGEMENT, TASK, DOCUMENT, EXTRACTION)
}

# What a record's deletion takes with it: (child entity, reference field, action).
# Tasks and engagements belong to their client; documents outlive an engagement.
CASCADES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "client": (
        ("engagement", "clientId", "delete"),
        ("task", "clientId", "delete"),
        ("document", "clientId", "delete"),
    ),
    "engagement": (("task", "engagementId", "delete"), ("document", "engagementId", "clear")),
    "document": (("extraction", "documentId", "delete"),),
}


def normalize_field(spec: FieldSpec, value: object) -> object:
    """Return the canonical value of one field, or raise ``ValueError`` with a reason."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if spec.required:
            raise ValueError("is required")
        return None
    kind = spec.kind
    if kind in (K.TEXT, K.LONG_TEXT):
        return v.normalize_text(value, spec.max_length)
    if kind is K.EMAIL:
        return v.normalize_email(value)
    if kind is K.PHONE:
        return v.normalize_phone(value)
    if kind is K.TIN:
        return v.normalize_tin(value)
    if kind is K.MONEY:
        return v.normalize_money(value)
    if kind is K.DATE:
        return v.normalize_date(value)
    if kind is K.YEAR:
        return v.normalize_year(value)
    if kind is K.INTEGER:
        return v.normalize_integer(value)
    if kind is K.NUMBER:
        return v.normalize_number(value)
    if kind is K.BOOLEAN:
        return v.normalize_boolean(value)
    if kind is K.CHOICE:
        return v.normalize_choice(value, spec.choices)
    if kind is K.REFERENCE:
        from advisoros_desktop.domain.ids import is_valid_id

        if not isinstance(value, str) or not is_valid_id(value):
            raise ValueError(f"'{value}' is not a record id")
        return value.lower()
    return value  # JSON: stored as given; its shape is the extraction layer's concern


def validate_fields(
    entity: EntitySpec, fields: Mapping[str, object], *, creating: bool, server: bool = False
) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """Validate a set of field values for a create or an update.

    Returns the normalised values and a list of ``(field, message)`` problems.
    ``server=True`` allows server-managed fields (uploads, extraction jobs).
    """
    clean: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for name, value in fields.items():
        spec = entity.by_name.get(name)
        if spec is None:
            problems.append((name, f"{entity.label} has no field '{name}'"))
            continue
        if not spec.writable and not server:
            problems.append((name, f"{spec.label} ({name}) is set by the server"))
            continue
        try:
            clean[name] = normalize_field(spec, value)
        except ValueError as err:
            problems.append((name, f"{spec.label} ({name}) {_verb(str(err))}"))
    if creating:
        for spec in entity.fields:
            if spec.required and spec.name not in fields and (spec.writable or server):
                problems.append((spec.name, f"{spec.label} ({spec.name}) is required"))
    return clean, problems


def _verb(message: str) -> str:
    """Join a field label and a validator message into one readable sentence."""
    if message.startswith(("is ", "must ", "has ")):
        return message
    return f"is invalid: {message}"
