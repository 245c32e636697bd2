"""Fictional people and companies for the demo firm.

The demo must look lived-in without containing anyone's real data, so names
come from short built-in lists and identifiers are random but well-formed:
SSNs avoid the never-issued ranges, EINs use valid IRS campus prefixes,
phone numbers stay in the 555-0100..0199 block reserved for fiction, and each
city comes with a ZIP code that really belongs to it (so address parsers and
ZIP/state checks see plausible data). Everything is drawn from a caller's
`random.Random`, so a seed always produces the same cast.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_NAMES = (
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Mateo", "Isabella",
    "Lucas", "Mia", "Ethan", "Harper", "James", "Amelia", "Benjamin", "Evelyn", "Henry",
    "Priya", "Daniel", "Grace", "Samuel", "Chloe", "Wei", "Nora", "Andre", "Leah", "Omar",
    "Hannah", "Diego", "Ruth", "Marcus", "Ingrid", "Tomas", "Aisha", "Kenji", "Paula",
)  # fmt: skip
LAST_NAMES = (
    "Alvarez", "Brennan", "Castillo", "Dawson", "Eklund", "Fairbanks", "Gallagher",
    "Hollis", "Iverson", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura",
    "Okafor", "Pemberton", "Quintero", "Rasmussen", "Sorensen", "Thibodeaux", "Underwood",
    "Vance", "Whitaker", "Yamada", "Zielinski", "Abernathy", "Caldwell", "Delgado",
    "Everett", "Fitzgerald", "Haverford", "Lockhart", "Mercer", "Ostrowski", "Prescott",
)  # fmt: skip
COMPANY_WORDS = (
    "Blue Heron", "Cedar Ridge", "Northwind", "Harborview", "Ironwood", "Silver Creek",
    "Prairie Star", "Granite Peak", "Lakeshore", "Copperline", "Brightwater", "Foxglove",
    "Timberline", "Red Maple", "Stonebridge", "Juniper", "Bellwether", "Oak Hollow",
)  # fmt: skip
COMPANY_TRADES = (
    "Landscaping", "Dental Group", "Logistics", "Consulting", "Bakery", "Construction",
    "Design Studio", "Veterinary Clinic", "Software", "Plumbing & Heating", "Marketing",
    "Physical Therapy", "Printing", "Catering", "Auto Repair", "Architects", "Staffing",
)  # fmt: skip
COMPANY_SUFFIXES = ("LLC", "Inc.", "Co.", "Corp.", "Partners", "Group LLC")
BANK_KINDS = ("Savings Bank", "Credit Union", "Community Bank", "Trust Company")
BROKERAGE_KINDS = ("Investments", "Securities LLC", "Capital Markets", "Wealth Partners")
STREET_NAMES = (
    "Maple Ave", "Oak St", "Cedar Ln", "Elm St", "Lakeview Dr", "Hillcrest Rd", "Birch Ct",
    "Park Pl", "Willow Way", "Main St", "Pine St", "River Rd", "Orchard Ln", "Meadow Dr",
    "Chestnut St", "Highland Ave", "Spring St", "Franklin Blvd", "Harbor Way", "Ridge Rd",
)  # fmt: skip

# (city, state, a real ZIP code of that city, its area code). Only states with
# a wage income tax, so that W-2 boxes 15-17 are always meaningful.
CITIES = (
    ("Springfield", "IL", "62701", "217"), ("Columbus", "OH", "43215", "614"),
    ("Madison", "WI", "53703", "608"), ("Denver", "CO", "80202", "303"),
    ("Portland", "OR", "97205", "503"), ("Boise", "ID", "83702", "208"),
    ("Richmond", "VA", "23219", "804"), ("Raleigh", "NC", "27601", "919"),
    ("Atlanta", "GA", "30303", "404"), ("Ann Arbor", "MI", "48104", "734"),
    ("Minneapolis", "MN", "55401", "612"), ("Des Moines", "IA", "50309", "515"),
    ("Kansas City", "MO", "64106", "816"), ("Omaha", "NE", "68102", "402"),
    ("Albany", "NY", "12207", "518"), ("Hartford", "CT", "06103", "860"),
    ("Providence", "RI", "02903", "401"), ("Baltimore", "MD", "21202", "410"),
    ("Pittsburgh", "PA", "15222", "412"), ("Sacramento", "CA", "95814", "916"),
    ("Pasadena", "CA", "91101", "626"), ("Tucson", "AZ", "85701", "520"),
    ("Salt Lake City", "UT", "84111", "801"), ("Albuquerque", "NM", "87102", "505"),
    ("Louisville", "KY", "40202", "502"), ("Boston", "MA", "02108", "617"),
    ("Indianapolis", "IN", "46204", "317"), ("Charleston", "SC", "29401", "843"),
)  # fmt: skip

# Campus prefixes the IRS really assigns; a short safe subset is plenty.
EIN_PREFIXES = ("12", "20", "27", "33", "45", "52", "61", "74", "83", "94")
# Numbers that were famously printed in advertising and must never look "real".
_NOTORIOUS_SSNS = frozenset({"078-05-1120", "219-09-9999", "457-55-5462"})
# Digit patterns of state withholding account numbers ("#" = digit); others: 8 digits.
_STATE_ID_PATTERNS = {
    "CA": "###-####-#",
    "NY": "##-#######",
    "MA": "##-#######",
    "IL": "####-####",
    "PA": "####-####",
    "OH": "#########",
    "GA": "#######-##",
    "MN": "#######",
}


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    state: str
    zip_code: str
    area_code: str

    @property
    def lines(self) -> tuple[str, str]:
        """The two lines as printed on forms and envelopes."""
        return (self.street, f"{self.city}, {self.state} {self.zip_code}")

    @property
    def one_line(self) -> str:
        """Address lines joined with ", ", the canonical form used in truth data."""
        return ", ".join(self.lines)


@dataclass(frozen=True)
class Person:
    first_name: str
    middle_initial: str
    last_name: str
    ssn: str
    address: Address

    @property
    def full_name(self) -> str:
        middle = f" {self.middle_initial}." if self.middle_initial else ""
        return f"{self.first_name}{middle} {self.last_name}"


@dataclass(frozen=True)
class Company:
    name: str
    ein: str
    address: Address
    state_employer_id: str
    phone: str


def make_ssn(rng: random.Random) -> str:
    """A well-formed SSN: area 001-899 except 666, group 01-99, serial 0001-9999."""
    while True:
        area = rng.randint(1, 899)
        ssn = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if area != 666 and ssn not in _NOTORIOUS_SSNS:
            return ssn


def make_ein(rng: random.Random) -> str:
    """An EIN with a valid IRS prefix, formatted "12-3456789"."""
    return f"{rng.choice(EIN_PREFIXES)}-{rng.randint(0, 9_999_999):07d}"


def make_phone(rng: random.Random, address: Address) -> str:
    """A phone number in the 555-01xx block that is reserved for fiction."""
    return f"({address.area_code}) 555-01{rng.randint(0, 99):02d}"


def make_address(rng: random.Random, *, business: bool = False) -> Address:
    city, state, zip_code, area_code = rng.choice(CITIES)
    street = f"{rng.randint(10, 9899)} {rng.choice(STREET_NAMES)}"
    roll = rng.random()
    if business and roll < 0.4:
        street += f" Suite {rng.randint(1, 9)}{rng.randint(0, 2)}{rng.randint(0, 9)}"
    elif not business and roll < 0.2:
        street += f" Apt {rng.randint(1, 30)}{rng.choice('ABCD')}"
    return Address(street, city, state, zip_code, area_code)


def make_person(rng: random.Random) -> Person:
    middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.6 else ""
    return Person(
        first_name=rng.choice(FIRST_NAMES),
        middle_initial=middle,
        last_name=rng.choice(LAST_NAMES),
        ssn=make_ssn(rng),
        address=make_address(rng),
    )


def make_state_employer_id(rng: random.Random, state: str) -> str:
    pattern = _STATE_ID_PATTERNS.get(state, "########")
    return "".join(str(rng.randint(0, 9)) if char == "#" else char for char in pattern)


def make_company(rng: random.Random, kind: str = "business") -> Company:
    """A fictional company; `kind` "bank" or "brokerage" names a financial payer."""
    word = rng.choice(COMPANY_WORDS)
    if kind == "bank":
        name = f"{word} {rng.choice(BANK_KINDS)}"
    elif kind == "brokerage":
        name = f"{word} {rng.choice(BROKERAGE_KINDS)}"
    else:
        name = f"{word} {rng.choice(COMPANY_TRADES)} {rng.choice(COMPANY_SUFFIXES)}"
    address = make_address(rng, business=True)
    return Company(
        name=name,
        ein=make_ein(rng),
        address=address,
        state_employer_id=make_state_employer_id(rng, address.state),
        phone=make_phone(rng, address),
    )
