"""Seeds the fictional "Demo CPA Firm": people, clients, engagements, tasks and real files.

Deterministic (one seed), so screenshots, tests and the README agree. Runs once:
a server started with ``--demo`` again finds the firm and leaves it alone.
Documents are real generated files (W-2 and 1099 look-alikes with known values,
invoices, scanned-looking pages) stored like uploads. Printed ones are extracted
right here, with the extractor the server runs after an upload, so a new user
opens the workspace to documents that already wait for review; the bytes are
our own, so they are read in this process rather than the job's child process.
Scans need OCR, about a second or two of CPU a page, which would hold the first
start for minutes: they are queued like uploads and arrive extracted moments
later through the change feed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import random
import secrets
from dataclasses import dataclass, field

import sqlalchemy as sa

from advisoros_desktop.domain import entities as e
from advisoros_desktop.domain.ids import new_id
from advisoros_desktop.extraction import extract_bytes
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.database import writing
from advisoros_desktop.server.demo import documents, people
from advisoros_desktop.server.demo.generated import GeneratedDocument
from advisoros_desktop.server.extraction_records import record_outcome
from advisoros_desktop.server.jobs import EXTRACT, enqueue
from advisoros_desktop.server.organizations import add_user, create_organization, find_organization
from advisoros_desktop.server.records import OrganizationWriter
from advisoros_desktop.server.uploads import content_path

log = logging.getLogger(__name__)

DEMO_FIRM = "Demo CPA Firm"
DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo"
SEED = 20261121
TAX_YEAR = 2025

_STAFF = [
    ("Priya Raman", "cpa"),
    ("Marcus Webb", "cpa"),
    ("Jenna Ortiz", "staff"),
    ("Tom Becker", "staff"),
    ("Alice Nguyen", "admin"),
]
_TASKS = [
    "Request prior-year return",
    "Collect W-2s",
    "Collect 1099s",
    "Review bank statements",
    "Reconcile accounts",
    "Prepare draft return",
    "Partner review",
    "Send engagement letter",
    "E-file return",
    "Book planning call",
    "Estimate Q1 payments",
    "Chase missing receipts",
]
_INDUSTRIES = [
    "Bakery",
    "Dental practice",
    "Construction",
    "Consulting",
    "Retail",
    "Real estate",
    "Restaurant",
    "Software",
    "Landscaping",
    "Nonprofit",
]


@dataclass
class DemoCounts:
    clients: int = 0
    engagements: int = 0
    tasks: int = 0
    documents: int = 0
    truth: dict[str, dict[str, object]] = field(default_factory=dict)


def seed_demo_firm(engine: sa.Engine, config: ServerConfig) -> DemoCounts | None:
    """Create the demo firm unless it exists; returns what was made (None if it existed)."""
    if find_organization(engine, DEMO_FIRM) is not None:
        return None
    rng = random.Random(SEED)
    org_id = create_organization(engine, DEMO_FIRM)
    owner = add_user(engine, org_id, DEMO_EMAIL, "Demo Partner", e.Role.OWNER, DEMO_PASSWORD)
    staff = [owner] + [
        add_user(
            engine,
            org_id,
            f"{name.split()[0].lower()}@example.com",
            name,
            role,
            secrets.token_urlsafe(16),
        )
        for name, role in _STAFF
    ]
    counts = DemoCounts()
    with writing(engine) as conn:
        writer = OrganizationWriter(conn, org_id)
        for n in range(60):
            _seed_client(writer, rng, staff, n, counts, config)
        writer.finish()
    log.info(
        "seeded %s: %d clients, %d engagements, %d tasks, %d documents",
        DEMO_FIRM,
        counts.clients,
        counts.engagements,
        counts.tasks,
        counts.documents,
    )
    return counts


def _seed_client(
    writer: OrganizationWriter,
    rng: random.Random,
    staff: list[str],
    n: int,
    counts: DemoCounts,
    config: ServerConfig,
) -> None:
    individual = n % 2 == 0
    person = people.make_person(rng)
    company = people.make_company(rng)
    address = person.address if individual else company.address
    client_id = new_id()
    writer.insert(
        "client",
        client_id,
        {
            "businessName": person.full_name if individual else company.name,
            "businessType": "individual"
            if individual
            else rng.choice(["llc", "s_corp", "c_corp", "partnership", "sole_proprietorship"]),
            "taxId": person.ssn if individual else company.ein,
            "primaryContactName": person.full_name,
            "primaryContactEmail": f"{person.first_name.lower()}.{person.last_name.lower()}"
            f"@example.com",
            "primaryContactPhone": company.phone,
            "address": address.street,
            "city": address.city,
            "state": address.state,
            "zipCode": address.zip_code,
            "industry": None if individual else rng.choice(_INDUSTRIES),
            "status": rng.choices(["active", "prospect", "inactive"], [8, 1, 1])[0],
        },
    )
    counts.clients += 1
    engagement_ids = []
    for kind in ("tax_preparation", "advisory" if individual else "bookkeeping"):
        engagement_id = new_id()
        engagement_ids.append(engagement_id)
        due = (
            dt.date(TAX_YEAR + 1, 4, 15)
            if kind == "tax_preparation"
            else dt.date(TAX_YEAR + 1, rng.randint(1, 12), rng.randint(1, 28))
        )
        writer.insert(
            "engagement",
            engagement_id,
            {
                "clientId": client_id,
                "name": f"{TAX_YEAR} {'Form 1040' if individual else 'business return'}"
                if kind == "tax_preparation"
                else f"{TAX_YEAR} {kind.replace('_', ' ')}",
                "type": kind,
                "status": rng.choice(e.ENGAGEMENT_STATUSES[:4]),
                "taxYear": TAX_YEAR,
                "startDate": dt.date(TAX_YEAR + 1, 1, rng.randint(2, 28)).isoformat(),
                "dueDate": due.isoformat(),
                "assignedToId": rng.choice(staff),
                "feeAmount": f"{rng.randrange(400, 9000, 50)}.00",
            },
        )
        counts.engagements += 1
    for t in range(7 if n % 3 else 6):
        writer.insert(
            "task",
            new_id(),
            {
                "title": _TASKS[(n + t) % len(_TASKS)],
                "status": rng.choices(e.TASK_STATUSES, [5, 3, 1, 3, 0])[0],
                "priority": rng.choices(e.TASK_PRIORITIES, [2, 5, 2, 1])[0],
                "dueDate": dt.date(TAX_YEAR + 1, rng.randint(1, 4), rng.randint(1, 28)).isoformat(),
                "assignedToId": rng.choice(staff),
                "clientId": client_id,
                "engagementId": rng.choice(engagement_ids),
            },
        )
        counts.tasks += 1
    for generated, scanned in _documents_for(rng, individual, person, company):
        _store_document(writer, config, client_id, engagement_ids[0], generated, staff[0], scanned)
        counts.documents += 1
        counts.truth[generated.file_name] = dict(generated.truth)


def _documents_for(
    rng: random.Random, individual: bool, person: people.Person, company: people.Company
) -> list[tuple[GeneratedDocument, bool]]:
    """Five documents a client of this kind would send in tax season, each with "scanned"."""
    if individual:
        employers = [people.make_company(rng) for _ in range(2)]
        made = [documents.w2_pdf(rng, employer, person, TAX_YEAR) for employer in employers]
        made.append(
            documents.form_1099_pdf(rng, "INT", people.make_company(rng, "bank"), person, TAX_YEAR)
        )
        made.append(
            documents.form_1099_pdf(
                rng,
                rng.choice(["DIV", "NEC", "MISC"]),
                people.make_company(rng, "brokerage"),
                person,
                TAX_YEAR,
            )
        )
        scan = documents.scanned_page(
            rng,
            people.make_company(rng).name,
            dt.date(TAX_YEAR, rng.randint(1, 12), rng.randint(1, 28)),
        )
        return [(made_one, False) for made_one in made] + [(scan, True)]
    made = [
        documents.invoice_pdf(rng, people.make_company(rng).name, company.name, tax_year=TAX_YEAR)
        for _ in range(3)
    ]
    made.append(documents.form_1099_pdf(rng, "NEC", company, person, TAX_YEAR))
    scan = documents.scanned_page(
        rng,
        people.make_company(rng, "bank").name,
        dt.date(TAX_YEAR, rng.randint(1, 12), 28),
        kind="bank_statement",
        customer_name=company.name,
    )
    return [(made_one, False) for made_one in made] + [(scan, True)]


def _store_document(
    writer: OrganizationWriter,
    config: ServerConfig,
    client_id: str,
    engagement_id: str,
    generated: GeneratedDocument,
    uploader: str,
    scanned: bool,
) -> None:
    """Store a file like an upload; read it now unless it needs OCR (then the job queue does)."""
    sha256 = hashlib.sha256(generated.content).hexdigest()
    path = content_path(config, sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(generated.content)
    os.replace(tmp, path)
    document_id = new_id()
    writer.insert(
        "document",
        document_id,
        {
            "clientId": client_id,
            "engagementId": engagement_id,
            "fileName": generated.file_name,
            "fileSize": len(generated.content),
            "mimeType": generated.mime_type,
            "checksum": sha256,
            "category": generated.category,
            "year": generated.tax_year,
            "source": "demo",
            "ocrStatus": "pending",
            "needsReview": False,
            "uploadedById": uploader,
            "isArchived": False,
        },
    )
    if scanned:
        enqueue(writer.conn, writer.organization_id, document_id, EXTRACT)
        return
    document = writer.get("document", document_id)
    if document is not None:  # always: it was inserted just above, in this transaction
        record_outcome(writer, document, extract_bytes(generated.content, generated.file_name))
