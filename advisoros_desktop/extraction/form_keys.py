"""The canonical keys of each form type (FIELDS.md) and the kind of value each holds.

Sources map what they read onto these keys; the checks and the corpus scoring
look a key's kind up here, so a money key is a money key whichever source
filled it.
"""

from __future__ import annotations

from advisoros_desktop.extraction.values import ValueKind

K = ValueKind

UNKNOWN = "unknown"

CATEGORY_OF_FORM = {
    "W-2": "w2",
    "1099-NEC": "1099",
    "1099-INT": "1099",
    "1099-DIV": "1099",
    "1099-MISC": "1099",
    "invoice": "invoice",
    "receipt": "receipt",
    "bank_statement": "bank_statement",
    UNKNOWN: "general",
}

_W2_MONEY = (
    "wagesAndTips",
    "federalIncomeTaxWithheld",
    "socialSecurityWages",
    "socialSecurityTaxWithheld",
    "medicareWages",
    "medicareTaxWithheld",
    "socialSecurityTips",
    "allocatedTips",
    "dependentCareBenefits",
    "nonqualifiedPlans",
    "box12aAmount",
    "box12bAmount",
    "box12cAmount",
    "box12dAmount",
    "stateWages",
    "stateIncomeTax",
    "localWages",
    "localIncomeTax",
)

W2_KEYS: dict[str, ValueKind] = {
    "taxYear": K.YEAR,
    "employeeSsn": K.SSN,
    "employerEin": K.EIN,
    "employerName": K.TEXT,
    "employerAddress": K.LINES,
    "controlNumber": K.TEXT,
    "employeeName": K.TEXT,
    "employeeAddress": K.LINES,
    **dict.fromkeys(_W2_MONEY, K.MONEY),
    "box12aCode": K.CODE,
    "box12bCode": K.CODE,
    "box12cCode": K.CODE,
    "box12dCode": K.CODE,
    "statutoryEmployee": K.CHECK_BOX,
    "retirementPlan": K.CHECK_BOX,
    "thirdPartySickPay": K.CHECK_BOX,
    "other": K.LINES,
    "state": K.CODE,
    "stateEmployerId": K.TEXT,
    "locality": K.TEXT,
}

_1099_COMMON: dict[str, ValueKind] = {
    "taxYear": K.YEAR,
    "payerName": K.TEXT,
    "payerAddress": K.LINES,
    "payerTin": K.TIN,
    "recipientName": K.TEXT,
    "recipientAddress": K.LINES,
    "recipientTin": K.TIN,
    "accountNumber": K.TEXT,
    "federalIncomeTaxWithheld": K.MONEY,
    "stateTaxWithheld": K.MONEY,
    "statePayerNumber": K.TEXT,
    "stateIncome": K.MONEY,
}

INVOICE_KEYS: dict[str, ValueKind] = {
    "vendorName": K.TEXT,
    "invoiceNumber": K.TEXT,
    "invoiceDate": K.DATE,
    "dueDate": K.DATE,
    "totalAmount": K.MONEY,
    "taxAmount": K.MONEY,
    "currency": K.CODE,
}

KEYS: dict[str, dict[str, ValueKind]] = {
    "W-2": W2_KEYS,
    "1099-NEC": {
        **_1099_COMMON,
        "nonemployeeCompensation": K.MONEY,
        "directSales": K.CHECK_BOX,
    },
    "1099-INT": {
        **_1099_COMMON,
        **dict.fromkeys(
            (
                "interestIncome",
                "earlyWithdrawalPenalty",
                "usSavingsBondInterest",
                "investmentExpenses",
                "foreignTaxPaid",
                "taxExemptInterest",
            ),
            K.MONEY,
        ),
    },
    "1099-DIV": {
        **_1099_COMMON,
        **dict.fromkeys(
            (
                "totalOrdinaryDividends",
                "qualifiedDividends",
                "totalCapitalGainDistributions",
                "nondividendDistributions",
                "section199aDividends",
                "foreignTaxPaid",
            ),
            K.MONEY,
        ),
    },
    "1099-MISC": {
        **_1099_COMMON,
        **dict.fromkeys(
            ("rents", "royalties", "otherIncome", "fishingBoatProceeds", "medicalPayments"),
            K.MONEY,
        ),
    },
    "invoice": INVOICE_KEYS,
    "receipt": INVOICE_KEYS,
}


def kind_of(form_type: str, key: str) -> ValueKind:
    """The kind of ``key`` on ``form_type``; unknown keys are plain text."""
    return KEYS.get(form_type, {}).get(key, K.TEXT)


def category_of(form_type: str) -> str:
    return CATEGORY_OF_FORM.get(form_type, "general")
