"""Client-generated record ids.

Records are created offline on laptops, so whoever creates a record names it.
UUIDv7 (RFC 9562) keeps ids unique without coordination and roughly ordered by
creation time, which keeps B-tree inserts local.
"""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    """Return a new UUIDv7 as a lowercase string."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def is_valid_id(text: str) -> bool:
    """True for any canonical UUID string (clients may use v4 or v7)."""
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False
