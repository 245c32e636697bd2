"""Where each IRS form prints its box labels and its value areas, for reading print.

A form without fields (flattened by a PDF printer, or printed by payroll
software onto the official layout) only says which value is which by where
it sits. The box labels are printed text, so finding a few of them on a page
fixes where the layout is even when the page is shifted or scaled; the value
areas (the fillable form's widget rectangles, whose top-left corners
``irs_form_fields`` records) then say which words belong to which box.

``anchors``: label phrases and the bottom-left corner of their first word
(PDF points) on the official Copy B page; ``extents``: each box's value area
(width, height) below its widget's top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advisoros_desktop.extraction import irs_form_fields as fields
from advisoros_desktop.extraction.irs_form_fields import FormBox, IrsFormLayout

Point = tuple[float, float]


@dataclass(frozen=True)
class ValueArea:
    """A box of the form and its value area on the official page (x0, y0, x1, y1)."""

    box: FormBox
    rect: tuple[float, float, float, float]


@dataclass(frozen=True)
class PrintedLayout:
    fields: IrsFormLayout
    anchors: tuple[tuple[str, Point], ...]
    extents: dict[str, tuple[float, float]]
    areas: tuple[ValueArea, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        areas = []
        for box in self.fields.boxes:
            width, height = self.extents[box.leaf]
            x0, top = box.top_left
            areas.append(ValueArea(box, (x0, top - height, x0 + width, top)))
        object.__setattr__(self, "areas", tuple(areas))

    @property
    def form_type(self) -> str:
        return self.fields.form_type


W2_2026 = PrintedLayout(
    fields.W2_2026,
    anchors=(
        ("Employee's social security number", (165.1, 746.5)),
        ("Employer identification number (EIN)", (50.2, 722.5)),
        ("Wages, tips, other compensation", (347.7, 722.5)),
        ("Federal income tax withheld", (470.8, 722.5)),
        ("Control number", (50.2, 626.5)),
        ("Medicare tax withheld", (470.8, 674.5)),
        ("Dependent care benefits", (471.2, 626.5)),
        ("Employee's address and ZIP code", (48.2, 506.5)),
        ("Employer's state ID number", (70.8, 494.5)),
        ("Locality name", (540.3, 494.5)),
    ),
    extents={
        "f_01": (125.6, 12.0),
        "f_02": (292.2, 12.0),
        "f_03": (292.2, 60.0),
        "f_04": (292.2, 12.0),
        "f_05": (133.8, 12.0),
        "f_06": (134.8, 12.0),
        "f_07": (19.6, 12.0),
        "f_08": (292.2, 70.0),
        "f_09": (118.4, 12.0),
        "f_10": (118.4, 12.0),
        "f_11": (120.4, 12.0),
        "f_12": (119.4, 12.0),
        "f_13": (120.4, 12.0),
        "f_14": (119.4, 12.0),
        "f_15": (120.4, 12.0),
        "f_16": (119.4, 12.0),
        "f_18": (119.4, 12.0),
        "f_19": (120.4, 12.0),
        "f_20": (25.8, 12.0),
        "f_21": (83.4, 12.0),
        "f_22": (25.8, 12.0),
        "f_23": (83.4, 12.0),
        "f_24": (25.8, 12.0),
        "f_25": (83.4, 12.0),
        "f_26": (25.8, 12.0),
        "f_27": (83.4, 12.0),
        "c_2": (10.0, 10.0),
        "c_3": (10.0, 10.0),
        "c_4": (10.0, 10.0),
        "f_28": (120.4, 36.0),
        "f_31": (25.8, 12.0),
        "f_32": (127.6, 12.0),
        "f_35": (84.4, 12.0),
        "f_37": (77.2, 12.0),
        "f_39": (84.4, 12.0),
        "f_41": (77.2, 12.0),
        "f_43": (47.4, 12.0),
    },
)

NEC_2025 = PrintedLayout(
    fields.NEC_2025,
    anchors=(
        ("PAYER'S TIN", (54.7, 674.7)),
        ("RECIPIENT'S TIN", (177.0, 674.7)),
        ("RECIPIENT'S name", (54.7, 650.7)),
        ("For calendar year", (404.7, 698.5)),
        ("Nonemployee compensation", (307.0, 674.7)),
        ("Street address (including apt. no.)", (54.7, 614.7)),
        ("Federal income tax withheld", (307.0, 602.7)),
        ("Account number (see instructions)", (54.7, 566.8)),
        ("State tax withheld", (307.0, 578.8)),
        ("State income", (508.4, 578.8)),
    ),
    extents={
        "f_1": (28.8, 9.0),
        "f_2": (242.0, 48.0),
        "f_3": (122.4, 14.0),
        "f_4": (122.4, 14.0),
        "f_5": (242.0, 26.0),
        "f_6": (242.0, 14.0),
        "f_7": (242.0, 14.0),
        "f_8": (244.8, 14.0),
        "f_9": (192.4, 12.0),
        "c_3": (8.0, 8.0),
        "f_11": (192.4, 12.0),
        "f_12": (70.0, 12.0),
        "f_14": (122.4, 12.0),
        "f_16": (72.0, 12.0),
    },
)

INT_2024 = PrintedLayout(
    fields.INT_2024,
    anchors=(
        ("PAYER'S TIN", (54.4, 650.5)),
        ("RECIPIENT'S TIN", (176.8, 650.5)),
        ("For calendar year", (415.2, 696.6)),
        ("Interest income", (307.0, 710.5)),
        ("Early withdrawal penalty", (307.0, 674.5)),
        ("RECIPIENT'S name", (54.4, 602.5)),
        ("Federal income tax withheld", (307.0, 602.5)),
        ("Investment expenses", (405.8, 602.5)),
        ("Tax-exempt interest", (307.0, 554.5)),
        ("Account number (see instructions)", (54.4, 458.5)),
        ("State tax withheld", (510.5, 458.5)),
    ),
    extents={
        "CalendarYear_1": (28.8, 9.0),
        "f_1": (241.8, 76.0),
        "f_2": (119.4, 38.0),
        "f_3": (120.4, 38.0),
        "f_4": (241.8, 26.0),
        "f_5": (241.8, 26.0),
        "f_6": (241.8, 26.0),
        "f_7": (241.8, 26.0),
        "f_9": (92.6, 12.0),
        "f_10": (193.4, 12.0),
        "f_11": (193.4, 12.0),
        "f_12": (92.6, 12.0),
        "f_13": (92.6, 12.0),
        "f_14": (92.6, 12.0),
        "f_16": (92.6, 12.0),
        "f_25": (70.0, 12.0),
        "f_27": (72.0, 12.0),
    },
)

DIV_2024 = PrintedLayout(
    fields.DIV_2024,
    anchors=(
        ("Total ordinary dividends", (311.0, 746.5)),
        ("Qualified dividends", (311.3, 710.5)),
        ("For calendar year", (404.7, 697.5)),
        ("PAYER'S TIN", (54.4, 651.5)),
        ("RECIPIENT'S TIN", (176.8, 651.5)),
        ("RECIPIENT'S name", (54.4, 603.5)),
        ("Nondividend distributions", (310.9, 602.5)),
        ("Federal income tax withheld", (411.7, 602.5)),
        ("Section 199A dividends", (310.9, 578.5)),
        ("Account number (see instructions)", (54.4, 459.5)),
        ("State tax withheld", (411.7, 458.5)),
    ),
    extents={
        "f_1": (28.8, 10.0),
        "f_2": (242.0, 76.0),
        "f_3": (122.4, 38.0),
        "f_4": (122.4, 38.0),
        "f_5": (242.0, 26.0),
        "f_6": (242.0, 26.0),
        "f_7": (242.0, 26.0),
        "f_8": (244.8, 26.0),
        "f_9": (89.8, 12.0),
        "f_10": (89.8, 12.0),
        "f_11": (89.8, 12.0),
        "f_17": (89.8, 12.0),
        "f_18": (89.8, 12.0),
        "f_19": (89.8, 12.0),
        "f_21": (89.8, 12.0),
        "f_29": (64.8, 14.0),
        "f_31": (89.8, 12.0),
    },
)

MISC_2025 = PrintedLayout(
    fields.MISC_2025,
    anchors=(
        ("Rents", (307.0, 746.5)),
        ("Royalties", (307.0, 710.5)),
        ("For calendar year", (404.7, 698.5)),
        ("Other income", (307.0, 674.5)),
        ("Federal income tax withheld", (407.4, 674.5)),
        ("PAYER'S TIN", (54.4, 650.5)),
        ("RECIPIENT'S TIN", (176.8, 650.5)),
        ("Fishing boat proceeds", (307.0, 650.5)),
        ("RECIPIENT'S name", (54.4, 602.5)),
        ("Account number (see instructions)", (54.4, 458.5)),
        ("State tax withheld", (306.9, 458.5)),
        ("State income", (508.5, 458.5)),
    ),
    extents={
        "f_1": (28.8, 9.0),
        "f_2": (241.8, 72.0),
        "f_3": (122.4, 36.0),
        "f_4": (122.4, 36.0),
        "f_5": (241.8, 24.0),
        "f_6": (241.8, 24.0),
        "f_7": (241.8, 24.0),
        "f_8": (244.8, 24.0),
        "f_9": (85.4, 12.0),
        "f_10": (85.4, 12.0),
        "f_11": (85.4, 12.0),
        "f_12": (84.4, 12.0),
        "f_13": (85.4, 12.0),
        "f_14": (85.4, 12.0),
        "f_22": (85.4, 12.0),
        "f_24": (100.8, 12.0),
        "f_26": (64.8, 12.0),
    },
)

PRINTED_LAYOUTS: tuple[PrintedLayout, ...] = (W2_2026, NEC_2025, INT_2024, DIV_2024, MISC_2025)
