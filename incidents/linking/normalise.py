"""Normalising what bodies write down, so that linking compares like with like.

Each body writes a person and an address its own way: "Flat 2, 10 High St" and "2/10 High
Street" are one flat; "l1 8jq", "L18JQ" and "L1 8JQ" one postcode; "+44 7700 900123" and
"07700900123" one phone. Pure functions of strings, no database: they run before any
backend sees the records, so DuckDB and Spark compare the same values. Cached: a million
records hold far fewer distinct names, postcodes and addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from incidents.linking.nicknames import formal_name

# Street words as bodies abbreviate them; the key is the abbreviation, the value the word.
STREET_WORDS = {
    "st": "street",
    "str": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "cl": "close",
    "cres": "crescent",
    "cresc": "crescent",
    "dr": "drive",
    "gdns": "gardens",
    "gdn": "gardens",
    "pl": "place",
    "sq": "square",
    "ter": "terrace",
    "terr": "terrace",
    "ct": "court",
    "gr": "grove",
    "grv": "grove",
    "pk": "park",
    "wy": "way",
    "hse": "house",
    "mt": "mount",
    "bldgs": "buildings",
    "nth": "north",
    "sth": "south",
    "est": "estate",
}
FLAT_WORDS = ("flat", "apartment", "apt", "unit", "fl", "room")
# A UK postcode, spaces removed: outward code (2-4 characters) then inward (digit, 2 letters).
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_NOT_NAME = re.compile(r"[^a-z\- ]")
_NUMBER = re.compile(r"^\d+[a-z]?$")


@lru_cache(maxsize=1 << 18)
def normalise_name(name: str) -> str:
    """Lower case, letters only ("O'Brien" -> "obrien", "Smith-Jones" -> "smith jones")."""
    text = _NOT_NAME.sub("", (name or "").strip().lower().replace("'", ""))
    return " ".join(text.replace("-", " ").split())


@lru_cache(maxsize=1 << 18)
def given_name(first_name: str) -> str:
    """The first given name only: "Mary Ann" is reported as "Mary" as often as not."""
    parts = normalise_name(first_name).split()
    return parts[0] if parts else ""


@lru_cache(maxsize=1 << 18)
def formal_given_name(first_name: str) -> str:
    """The formal form of the first given name ("Bill" -> "william")."""
    return formal_name(given_name(first_name))


@lru_cache(maxsize=1 << 18)
def normalise_postcode(postcode: str) -> str:
    """ "l1 8jq" -> "L1 8JQ"; something that is not a postcode comes back empty."""
    compact = re.sub(r"[^A-Z0-9]", "", (postcode or "").upper())
    match = POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else ""


def outward_code(postcode: str) -> str:
    """ "L1 8JQ" -> "L1": the postal district, what a partial postcode agrees on."""
    return postcode.split(" ")[0] if postcode else ""


def postcode_sector(postcode: str) -> str:
    """ "L1 8JQ" -> "L1 8": a few hundred addresses, a closer partial match than the district."""
    return postcode[:-2] if postcode else ""


@lru_cache(maxsize=1 << 18)
def normalise_phone(phone: str) -> str:
    """Digits in the national form: "+44 (0)7700 900123" and "07700 900123" -> "07700900123"."""
    digits = re.sub(r"\D", "", (phone or "").replace("(0)", ""))
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    return digits if len(digits) >= 10 else ""


@dataclass(frozen=True)
class Address:
    """An address reduced to what identifies a dwelling: flat, house number, street words."""

    flat: str = ""
    number: str = ""
    street: str = ""

    @property
    def key(self) -> str:
        """ "2/10 high street": one string per dwelling, however it was written."""
        if not (self.number or self.street):
            return ""
        numbers = f"{self.flat}/{self.number}" if self.flat else self.number
        return f"{numbers} {self.street}".strip()

    @property
    def numbers(self) -> str:
        return f"{self.flat}/{self.number}" if self.flat else self.number


@lru_cache(maxsize=1 << 18)
def normalise_address(address: str) -> Address:
    """ "Flat 2, 10 High St", "2/10 High Street" and "10 High Street, Flat 2" -> one Address.

    Only the first line counts (the street address): towns and counties after it are written
    or left out at random, and the postcode says where already.
    """
    text = (address or "").lower().replace("\n", ",")
    lines = [line for line in text.split(",") if line.strip()]
    flat = number = ""
    street: list[str] = []
    for line_index, line in enumerate(lines):
        tokens = re.sub(r"[^a-z0-9/ ]", " ", line).split()
        is_flat_line = bool(tokens) and tokens[0] in FLAT_WORDS
        if line_index > 0 and street and not is_flat_line:
            break  # a town or county after the street line
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token in FLAT_WORDS and index + 1 < len(tokens):
                flat = tokens[index + 1]
                index += 2
                continue
            if "/" in token:
                left, _, right = token.partition("/")
                if _NUMBER.match(left) and _NUMBER.match(right):
                    flat, number = left, right
                    index += 1
                    continue
            if _NUMBER.match(token) and not number and not street:
                number = token
            elif not _NUMBER.match(token):
                street.append(STREET_WORDS.get(token, token))
            index += 1
    return Address(flat=flat, number=number, street=" ".join(street))


def iso_date(day: date | None) -> str | None:
    return day.isoformat() if day else None
