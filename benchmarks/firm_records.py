"""Made-up records of a CPA firm: clients, engagements, tasks and documents.

Benchmarks have to measure a data set that looks like a real firm's, or they
measure the wrong thing: string lengths decide the feed's JSON size, uneven
clients decide how pages fall, extracted W-2 data decides what documents weigh.
This module only makes the rows, in memory and deterministically from a seeded
``random.Random``; ``large_firm`` writes them into the server's tables.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from typing import Any

from advisoros_desktop.domain import entities as catalog
from advisoros_desktop.server.demo import people


@dataclass(frozen=True)
class _ClientPlan:
    engagements: int
    tasks: int
    documents: int


RETURN_FORMS = {
    "individual": "Form 1040", "sole_proprietorship": "Form 1040 Schedule C",
    "partnership": "Form 1065", "llc": "Form 1065", "s_corp": "Form 1120-S",
    "c_corp": "Form 1120", "nonprofit": "Form 990", "trust": "Form 1041",
}  # fmt: skip
ENGAGEMENT_NAMES = {
    "tax_preparation": "{year} {form} tax return",
    "bookkeeping": "Monthly bookkeeping {year}",
    "payroll": "Payroll {year}",
    "audit": "{year} financial statement audit",
    "review": "{year} reviewed financial statements",
    "compilation": "{year} compiled financial statements",
    "advisory": "{year} tax planning and entity structure",
    "consulting": "QuickBooks clean-up and close process {year}",
}
TASK_TITLES = (
    "Request {doc} from {contact}", "Reconcile {month} bank statement",
    "Prepare {form} draft", "Partner review of {form}", "E-file {form}",
    "Send engagement letter to {contact}", "Collect signed Form 8879",
    "Follow up on missing 1099s", "Book year-end adjusting entries",
    "Review payroll tax deposits for Q{quarter}", "Schedule planning call with {contact}",
    "Answer IRS notice CP2000", "Update fixed asset schedule",
)  # fmt: skip
TASK_NOTES = (
    "Client said the documents are in the portal; check before chasing again.",
    "Waiting on the K-1 from the fund; extension already filed.",
    "Compare with prior year: revenue is up about 30% and payroll doubled.",
    "Two brokerage statements last year, only one uploaded so far.",
    "Use the new chart of accounts from March onwards.",
)  # fmt: skip
CLIENT_NOTES = (
    "Prefers email; sends everything in one batch in late February.",
    "Extension filed every year; K-1s arrive late from the fund.",
    "Prior-year returns prepared by another firm; copies requested.",
    "Quarterly estimates paid through EFTPS; confirm amounts each April.",
    "Owner is also an individual client; coordinate the two returns.",
    "Books kept in QuickBooks Online; we have accountant access.",
)  # fmt: skip
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DOCUMENT_KINDS = (
    # (category, weight, file name pattern, mime type, extension, form type)
    ("w2", 16, "W-2 {year} - {payer}", "application/pdf", "pdf", "W-2"),
    ("1099", 14, "1099-NEC {year} - {payer}", "application/pdf", "pdf", "1099-NEC"),
    ("invoice", 18, "Invoice {number} - {payer}", "application/pdf", "pdf", "invoice"),
    ("receipt", 20, "Receipt {date} {payer}", "image/jpeg", "jpg", "receipt"),
    ("bank_statement", 14, "Statement {year}-{month:02d} {payer}", "application/pdf", "pdf",
     "bank_statement"),
    ("tax_return", 6, "{year} {form} as filed", "application/pdf", "pdf", None),
    ("financial_statement", 5, "Balance sheet {year}",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", None),
    ("general", 7, "Engagement letter signed {date}", "application/pdf", "pdf", None),
)  # fmt: skip
OCR_STATUSES = (
    ("completed", 78),
    ("manual_review", 10),
    ("failed", 4),
    ("pending", 6),
    ("processing", 2),
)


class RecordFactory:
    """Plausible clients, engagements, tasks and documents, in the order a firm makes them.

    Sequence numbers follow creation: a client, then its engagements, then
    their tasks and documents, so parents always come before their children.
    Timestamps advance with the sequence over the two years up to now; ids are
    UUIDv7 of the creation time, as the desktop makes them. Deletions are
    recent only: older tombstones would have been purged by the retention the
    server applies at start-up (90 days by default), and the purge is not what
    the benchmarks measure.

    ``seq`` is the last sequence number handed out and ``start`` the firm's
    first moment (ISO 8601): the seed needs both to make the organization and
    its owner agree with the records.
    """

    SPAN = dt.timedelta(days=730)
    DELETIONS_WITHIN = dt.timedelta(days=60)
    DELETED_SHARE = 0.1  # of the tasks and documents changed within DELETIONS_WITHIN

    def __init__(self, rng: random.Random, user_id: str, first_seq: int, total: int) -> None:
        self.rng = rng
        self.user_id = user_id
        self.seq = first_seq - 1
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self._origin = now - self.SPAN
        self._recent = now - self.DELETIONS_WITHIN
        self._step = self.SPAN / max(total, 1)
        self.start = _iso(self._origin)

    # -- the plan

    def firm(self, mix: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
        """Rows per entity, in creation order, for ``mix`` (entity name -> how many)."""
        rows: dict[str, list[dict[str, Any]]] = {entity: [] for entity in mix}
        for plan in self._plans(mix):
            client = self._client()
            rows["client"].append(client)
            engagements = [self._engagement(client) for _ in range(plan.engagements)]
            rows["engagement"].extend(engagements)
            rows["task"].extend(
                self._task(client, self._pick_engagement(engagements, 0.9))
                for _ in range(plan.tasks)
            )
            rows["document"].extend(
                self._document(client, self._pick_engagement(engagements, 0.85))
                for _ in range(plan.documents)
            )
        return rows

    def _plans(self, mix: dict[str, int]) -> list[_ClientPlan]:
        """Share the children out unevenly: a few large clients, many small ones."""
        clients = mix["client"]
        weights = [self.rng.paretovariate(2.0) for _ in range(clients)]
        engagements = self._spread(mix["engagement"], weights, at_least=1)
        tasks = self._spread(mix["task"], weights)
        documents = self._spread(mix["document"], weights)
        return [_ClientPlan(*counts) for counts in zip(engagements, tasks, documents, strict=True)]

    def _spread(self, total: int, weights: list[float], at_least: int = 0) -> list[int]:
        counts = [min(at_least, total // len(weights))] * len(weights)
        left = total - sum(counts)
        for index in self.rng.choices(range(len(weights)), weights, k=left):
            counts[index] += 1
        return counts

    def _pick_engagement(
        self, engagements: list[dict[str, Any]], share: float
    ) -> dict[str, Any] | None:
        if engagements and self.rng.random() < share:
            return self.rng.choice(engagements)
        return None

    # -- record metadata

    def _meta(
        self, entity: str, values: dict[str, Any], *, deletable: bool = False
    ) -> dict[str, Any]:
        self.seq += 1
        updated = self._origin + self._step * self.seq
        version = self.rng.choices((1, 2, 3, 4, 5), (70, 20, 6, 3, 1))[0]
        created = (
            updated - dt.timedelta(minutes=self.rng.randint(5, 600)) if version > 1 else updated
        )
        deleted = deletable and updated > self._recent and self.rng.random() < self.DELETED_SHARE
        if deleted:
            version += 1
        millis = int(created.timestamp() * 1000)
        return {
            "id": _uuid7(self.rng, millis),
            "version": version,
            "changeSeq": self.seq,
            "createdAt": _iso(created),
            "updatedAt": _iso(updated),
            "deletedAt": _iso(updated) if deleted else None,
            "fieldVersions": self._field_versions(entity, values, version - deleted),
            **values,
        }

    def _field_versions(self, entity: str, values: dict[str, Any], version: int) -> dict[str, int]:
        versions = {name: 1 for name, value in values.items() if value is not None}
        editable = [
            f.name
            for f in catalog.ENTITIES[entity].fields
            if f.writable and values.get(f.name) is not None
        ]
        for later in range(2, version + 1):
            for name in self.rng.sample(editable, min(len(editable), self.rng.randint(1, 3))):
                versions[name] = later
        return versions

    # -- entities

    def _client(self) -> dict[str, Any]:
        rng = self.rng
        business_type = rng.choices(catalog.BUSINESS_TYPES, (30, 12, 10, 22, 14, 6, 4, 2))[0]
        contact = people.make_person(rng)
        if business_type == "individual":
            name = legal = contact.full_name
            tax_id, address, industry = contact.ssn, contact.address, None
            phone = people.make_phone(rng, address)
        else:
            company = people.make_company(rng)
            name, tax_id, address = company.name, company.ein, company.address
            legal, phone = company.name.upper().replace(".", ""), company.phone
            industry = next((t for t in people.COMPANY_TRADES if t in company.name), None)
        domain = _slug(name) + ".example.com"
        values = {
            "businessName": name,
            "legalName": legal,
            "businessType": business_type,
            "taxId": tax_id,
            "primaryContactName": contact.full_name,
            "primaryContactEmail": f"{_slug(contact.first_name)}.{_slug(contact.last_name)}"
            f"@{domain}",
            "primaryContactPhone": phone,
            "address": address.street,
            "city": address.city,
            "state": address.state,
            "zipCode": address.zip_code,
            "industry": industry,
            "status": rng.choices(catalog.CLIENT_STATUSES, (5, 80, 12, 3))[0],
            "notes": rng.choice(CLIENT_NOTES) if rng.random() < 0.3 else None,
        }
        return self._meta("client", values)

    def _engagement(self, client: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choices(catalog.ENGAGEMENT_TYPES, (45, 18, 10, 3, 4, 6, 8, 6))[0]
        year = rng.choice((2023, 2024, 2025))
        form = RETURN_FORMS[client["businessType"]]
        status = rng.choices(catalog.ENGAGEMENT_STATUSES, (10, 30, 10, 45, 5))[0]
        start = dt.date(year + 1, 1, 2) + dt.timedelta(days=rng.randint(0, 60))
        values = {
            "clientId": client["id"],
            "name": ENGAGEMENT_NAMES[kind].format(year=year, form=form),
            "type": kind,
            "status": status,
            "taxYear": year,
            "startDate": start.isoformat(),
            "dueDate": (start + dt.timedelta(days=rng.randint(30, 200))).isoformat(),
            "assignedToId": self.user_id if rng.random() < 0.8 else None,
            "feeAmount": f"{rng.randint(6, 400) * 25}.00",
            "description": f"{form} for {client['businessName']}, tax year {year}."
            if rng.random() < 0.5
            else None,
            "isArchived": status in ("completed", "cancelled") and rng.random() < 0.3,
        }
        return self._meta("engagement", values)

    def _task(self, client: dict[str, Any], engagement: dict[str, Any] | None) -> dict[str, Any]:
        rng = self.rng
        title = rng.choice(TASK_TITLES).format(
            doc=rng.choice(
                (
                    "W-2s",
                    "1099s",
                    "bank statements",
                    "the mileage log",
                    "last year's return",
                    "payroll reports",
                )
            ),
            contact=client["primaryContactName"],
            month=rng.choice(MONTHS),
            form=RETURN_FORMS[client["businessType"]],
            quarter=rng.randint(1, 4),
        )
        status = rng.choices(catalog.TASK_STATUSES, (25, 20, 8, 45, 2))[0]
        due = dt.date(2025, 1, 15) + dt.timedelta(days=rng.randint(0, 700))
        values = {
            "title": title,
            "description": rng.choice(TASK_NOTES) if rng.random() < 0.35 else None,
            "status": status,
            "priority": rng.choices(catalog.TASK_PRIORITIES, (20, 55, 20, 5))[0],
            "dueDate": due.isoformat() if rng.random() < 0.85 else None,
            "assignedToId": self.user_id if rng.random() < 0.7 else None,
            "clientId": client["id"],
            "engagementId": engagement["id"] if engagement else None,
            "isArchived": status == "completed" and rng.random() < 0.2,
        }
        return self._meta("task", values, deletable=True)

    def _document(
        self, client: dict[str, Any], engagement: dict[str, Any] | None
    ) -> dict[str, Any]:
        rng = self.rng
        category, _w, pattern, mime, extension, form_type = rng.choices(
            DOCUMENT_KINDS, [kind[1] for kind in DOCUMENT_KINDS]
        )[0]
        year = engagement["taxYear"] if engagement else rng.choice((2023, 2024, 2025))
        payer = people.make_company(rng).name
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        file_name = pattern.format(
            year=year,
            payer=payer,
            number=rng.randint(1000, 99999),
            date=day.isoformat(),
            month=day.month,
            form=RETURN_FORMS[client["businessType"]],
        )
        ocr = (
            None
            if extension == "xlsx"
            else rng.choices([s for s, _ in OCR_STATUSES], [w for _, w in OCR_STATUSES])[0]
        )
        values = {
            "clientId": client["id"],
            "engagementId": engagement["id"] if engagement else None,
            "fileName": f"{file_name}.{extension}",
            "fileSize": rng.randint(40_000, 4_000_000),
            "mimeType": mime,
            "checksum": f"{rng.getrandbits(256):064x}",
            "category": category,
            "year": year,
            "description": "Uploaded by the client through the portal."
            if rng.random() < 0.1
            else None,
            "source": rng.choices(catalog.UPLOAD_SOURCES[:4], (45, 30, 20, 5))[0],
            "ocrStatus": ocr,
            "needsReview": ocr == "manual_review",
            "extractedData": self._extracted(form_type, payer, year)
            if ocr == "completed" and form_type
            else None,
            "uploadedById": self.user_id,
            "isArchived": rng.random() < 0.05,
        }
        return self._meta("document", values, deletable=True)

    def _extracted(self, form_type: str, payer: str, year: int) -> dict[str, Any]:
        rng = self.rng
        amount = f"{rng.randint(1_000, 9_000_000) / 100:.2f}"
        fields: dict[str, Any] = {"payerName": payer, "taxYear": year, "amount": amount}
        if form_type == "W-2":
            fields |= {
                "wages": amount,
                "federalWithholding": f"{float(amount) * 0.12:.2f}",
                "employerEin": people.make_ein(rng),
            }
        elif form_type == "1099-NEC":
            fields |= {"nonemployeeCompensation": amount, "payerTin": people.make_ein(rng)}
        return {
            "formType": form_type,
            "confidence": round(rng.uniform(0.8, 0.995), 3),
            "fields": fields,
        }


def _uuid7(rng: random.Random, millis: int) -> str:
    rand = rng.getrandbits(74)
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (rand >> 62) << 64
    value |= 0b10 << 62 | (rand & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())
