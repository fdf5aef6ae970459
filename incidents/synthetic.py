"""Realistic synthetic ASB incident records with known truth, for measuring linking.

People in several areas report anti-social behaviour to the police, the council and their
housing provider, and each body writes them down its own way: nicknames (Bill for William),
typos, first name and surname swapped, "Flat 2, 10 High St" for "2/10 High Street", a
postcode without its space or missing, dates of birth often not held. One incident reported
to two bodies makes two records. Every record keeps the truth (the person and incident it
is about), so precision, recall and detection rates can be measured against it.

Seeded and deterministic: the same arguments give the same records, on any machine. Names
and streets come from Faker's en_GB provider, drawn once into pools, then sampled with one
seeded generator (Faker per record would be ten times slower at a million records).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from incidents.linking.contract import LinkRecord
from incidents.linking.nicknames import NICKNAMES

BODIES = ("police", "council", "housing")
# Share of each body's records without a date of birth (the police hold it most often).
DOB_MISSING = {"police": 0.15, "council": 0.55, "housing": 0.3}
AREA_PREFIXES = ("L", "M", "B", "LS", "NE", "CF", "S", "G", "BS", "NG")
ABBREVIATE = {
    "Street": "St",
    "Road": "Rd",
    "Avenue": "Ave",
    "Lane": "Ln",
    "Close": "Cl",
    "Crescent": "Cres",
    "Drive": "Dr",
    "Gardens": "Gdns",
    "Place": "Pl",
    "Square": "Sq",
    "Terrace": "Ter",
    "Court": "Ct",
    "Grove": "Gr",
    "Park": "Pk",
}
CATEGORIES = ("noise", "harassment", "vandalism", "intimidation", "drug activity", "nuisance")
KEYBOARD_NEIGHBOURS = {
    "a": "sq",
    "e": "wr",
    "i": "uo",
    "o": "ip",
    "n": "bm",
    "m": "n",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "l": "k",
    "h": "gj",
    "c": "xv",
    "d": "sf",
}


@dataclass(slots=True)
class SyntheticRecord:
    record_id: str
    area: str
    body: str
    person_id: str  # the truth: who this record is about
    incident_id: str  # the truth: which occurrence of the behaviour
    first_name: str
    surname: str
    date_of_birth: date | None
    postcode: str
    address: str
    phone: str
    incident_date: date
    reported_date: date
    hate_related: bool
    category: str

    def link_record(self) -> LinkRecord:
        return LinkRecord(
            record_id=self.record_id,
            body=self.body,
            first_name=self.first_name,
            surname=self.surname,
            date_of_birth=self.date_of_birth,
            postcode=self.postcode,
            address=self.address,
            phone=self.phone,
        )


@dataclass(slots=True)
class _Person:
    person_id: str
    first_name: str
    surname: str
    date_of_birth: date
    flat: str
    number: str
    street: str
    postcode: str
    phone: str
    hate_victim: bool


class _Pools:
    """Names and street names drawn from Faker en_GB once, with their natural frequencies."""

    def __init__(self, seed: int):
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        self.first_names = [fake.first_name() for _ in range(3000)]
        self.first_names += [name.title() for name in NICKNAMES] * 3
        self.surnames = [fake.last_name() for _ in range(6000)]
        self.street_names = sorted({fake.street_name() for _ in range(4000)})
        self.towns = sorted({fake.city() for _ in range(300)})


def area_slugs(count: int) -> list[str]:
    return [f"area-{index + 1}" for index in range(count)]


def typo(rng: random.Random, word: str) -> str:
    """One slip of the keyboard: a neighbouring key, a letter lost, doubled or swapped."""
    if len(word) < 3:
        return word
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        letter = word[at].lower()
        neighbour = rng.choice(KEYBOARD_NEIGHBOURS.get(letter, string.ascii_lowercase))
        return word[:at] + neighbour + word[at + 1 :]
    if kind == 1:
        return word[:at] + word[at + 1 :]
    if kind == 2:
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


class _AreaGeography:
    """Streets with postcodes: a postcode covers about twenty houses of one street."""

    def __init__(self, rng: random.Random, prefix: str, pools: _Pools, households: int):
        self.rng = rng
        streets_needed = max(20, households // 60)
        self.streets = []
        for index in range(streets_needed):
            district = f"{prefix}{rng.randrange(1, 13)}"
            sector = rng.randrange(1, 10)
            name = pools.street_names[index % len(pools.street_names)]
            if index >= len(pools.street_names):
                name = f"{rng.choice(pools.surnames)} {name.split()[-1]}"
            units = [
                f"{district} {sector}{rng.choice(string.ascii_uppercase)}"
                f"{rng.choice(string.ascii_uppercase)}"
                for _ in range(4)
            ]
            self.streets.append((name, units))

    def dwelling(self) -> tuple[str, str, str, str]:
        name, units = self.rng.choice(self.streets)
        number = self.rng.randrange(1, 80)
        flat = str(self.rng.randrange(1, 9)) if self.rng.random() < 0.2 else ""
        return flat, str(number), name, units[number // 20]


def _written_address(rng: random.Random, person: _Person, towns: list[str]) -> str:
    street = person.street
    if rng.random() < 0.35:
        words = street.split()
        words[-1] = ABBREVIATE.get(words[-1], words[-1])
        street = " ".join(words)
    if rng.random() < 0.02:
        street = typo(rng, street)
    if person.flat:
        style = rng.randrange(4)
        if style == 0:
            line = f"Flat {person.flat}, {person.number} {street}"
        elif style == 1:
            line = f"{person.flat}/{person.number} {street}"
        elif style == 2:
            line = f"{person.number} {street}, Flat {person.flat}"
        else:
            line = f"Flat {person.flat} {person.number} {street}"
    else:
        line = f"{person.number} {street}"
    if rng.random() < 0.3:
        line += f", {rng.choice(towns)}"
    return line.upper() if rng.random() < 0.1 else line


def _written_postcode(rng: random.Random, postcode: str) -> str:
    roll = rng.random()
    if roll < 0.08:
        return ""
    if roll < 0.2:
        return postcode.replace(" ", "")
    if roll < 0.28:
        return postcode.lower()
    return postcode


def _written_phone(rng: random.Random, phone: str) -> str:
    roll = rng.random()
    if roll < 0.35:
        return ""
    if roll < 0.5:
        return "+44 " + phone[1:5] + " " + phone[5:]
    if roll < 0.7:
        return phone
    return phone[:5] + " " + phone[5:]


def _written_names(rng: random.Random, person: _Person) -> tuple[str, str]:
    first, surname = person.first_name, person.surname
    shorts = NICKNAMES.get(first.lower())
    if shorts and rng.random() < 0.25:
        first = rng.choice(shorts).title()
    roll = rng.random()
    if roll < 0.03:
        first = typo(rng, first)
    elif roll < 0.07:
        surname = typo(rng, surname)
    if rng.random() < 0.02:
        first, surname = surname, first
    if rng.random() < 0.05:
        first, surname = first.upper(), surname.upper()
    return first, surname


def _written_dob(rng: random.Random, body: str, dob: date) -> date | None:
    if rng.random() < DOB_MISSING[body]:
        return None
    if rng.random() < 0.015 and dob.day <= 12 and dob.day != dob.month:
        return date(dob.year, dob.day, dob.month)  # day and month the American way round
    if rng.random() < 0.01 and (dob.month, dob.day) != (2, 29):
        return dob.replace(year=dob.year + rng.choice((-1, 1)))  # one digit slipped
    return dob


def _incident_count(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.5:
        return 1
    if roll < 0.72:
        return 2
    if roll < 0.84:
        return 3
    if roll < 0.93:
        return rng.randrange(4, 7)
    return rng.randrange(7, 13)


def _bodies_told(rng: random.Random) -> tuple[str, ...]:
    roll = rng.random()
    if roll < 0.75:
        return (rng.choice(BODIES),)
    if roll < 0.95:
        return tuple(rng.sample(BODIES, 2))
    return BODIES


def generate(
    records: int, areas: int = 5, seed: int = 20, end_date: date = date(2026, 11, 20)
) -> list[SyntheticRecord]:
    """`records` synthetic incident records spread evenly over `areas`, dated up to end_date."""
    # Seeded so the same arguments make the same records; nothing secret comes from it.
    rng = random.Random(seed)  # noqa: S311  # nosec B311
    pools = _Pools(seed)
    result: list[SyntheticRecord] = []
    slugs = area_slugs(areas)
    for area_index, area in enumerate(slugs):
        wanted = records // areas + (1 if area_index < records % areas else 0)
        result.extend(_area_records(rng, pools, area, area_index, wanted, end_date))
    return result


def _new_person(rng, pools, geography, area_index, number) -> _Person:
    flat, house, street, postcode = geography.dwelling()
    age_days = rng.randrange(18 * 365, 90 * 365)
    return _Person(
        person_id=f"p{area_index + 1}-{number}",
        first_name=rng.choice(pools.first_names),
        surname=rng.choice(pools.surnames),
        date_of_birth=date(2026, 6, 1) - timedelta(days=age_days),
        flat=flat,
        number=house,
        street=street,
        postcode=postcode,
        phone="07" + "".join(rng.choices(string.digits, k=9)),
        hate_victim=rng.random() < 0.04,
    )


def _household_member(rng, pools, person: _Person, number: str) -> _Person:
    """Someone at the same address: often the same surname and a shared landline."""
    age_days = rng.randrange(16 * 365, 85 * 365)
    return _Person(
        person_id=number,
        first_name=rng.choice(pools.first_names),
        surname=person.surname if rng.random() < 0.7 else rng.choice(pools.surnames),
        date_of_birth=date(2026, 6, 1) - timedelta(days=age_days),
        flat=person.flat,
        number=person.number,
        street=person.street,
        postcode=person.postcode,
        phone=person.phone
        if rng.random() < 0.5
        else "07" + "".join(rng.choices("0123456789", k=9)),
        hate_victim=person.hate_victim,
    )


def _area_records(rng, pools, area, area_index, wanted, end_date) -> list[SyntheticRecord]:
    geography = _AreaGeography(rng, AREA_PREFIXES[area_index % 10], pools, wanted // 2)
    made: list[SyntheticRecord] = []
    people = 0
    previous: _Person | None = None
    while len(made) < wanted:
        people += 1
        if previous is not None and rng.random() < 0.08:
            person = _household_member(rng, pools, previous, f"p{area_index + 1}-{people}")
        else:
            person = _new_person(rng, pools, geography, area_index, people)
        previous = person
        for incident_number in range(_incident_count(rng)):
            incident_date = end_date - timedelta(days=rng.randrange(0, 240))
            hate = person.hate_victim and rng.random() < 0.5
            category = rng.choice(CATEGORIES)
            for body in _bodies_told(rng):
                late = rng.random() < 0.05
                delay = rng.randrange(25, 45) if late else rng.randrange(0, 4)
                reported = min(end_date, incident_date + timedelta(days=delay))
                first, surname = _written_names(rng, person)
                made.append(
                    SyntheticRecord(
                        record_id=f"{area_index + 1}-{len(made) + 1}",
                        area=area,
                        body=body,
                        person_id=person.person_id,
                        incident_id=f"{person.person_id}-{incident_number}",
                        first_name=first,
                        surname=surname,
                        date_of_birth=_written_dob(rng, body, person.date_of_birth),
                        postcode=_written_postcode(rng, person.postcode),
                        address=""
                        if rng.random() < 0.03
                        else _written_address(rng, person, pools.towns),
                        phone=_written_phone(rng, person.phone),
                        incident_date=incident_date,
                        reported_date=reported,
                        hate_related=hate,
                        category=category,
                    )
                )
    return made[:wanted]
