"""Searching the cases a user may see (issue #17).

One search box finds a case by its reference, the applicant's and the victim's names, the
address and postcode, where the behaviour happens, and the references the bodies gave it in
their threshold checks and information returns. It only ever narrows a queryset that came
from `agencies.access`, so a search never reaches past what the user may see, and it never
reads what the partner view hides from a user:

- email and phone are matched for officers and admins of the case's own area only (they see
  them on the case page; a partner agency never does: `access.sees_contact_details`);
- a body's references are matched in the rows the user may open (`access.threshold_checks_for`,
  `access.information_requests_for`): a responder finds a case by their own agency's reference,
  never by another agency's.

On PostgreSQL the words go through full-text search on an indexed vector of the case's
fields (the GIN index of migration 0011, built from VECTOR_FIELDS), and names and postcodes
also match by trigram similarity, so "Jon Smyth" finds "John Smith". On SQLite (development,
tests) every field is matched with `icontains`.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Replace, Upper

from agencies import access
from triggers.models import ComplaintFinding, ReturnedReport

# The case's own fields searched as text. Migration 0011 indexes exactly this vector: change
# one, change the other (tests/triggers/cases/test_search_postgres.py checks the index is used).
VECTOR_FIELDS = (
    "reference",
    "applicant_name",
    "victim_name",
    "applicant_address",
    "applicant_postcode",
    "behaviour_location",
)
# Names and addresses are not English prose: no stemming, no stop words.
SEARCH_CONFIG = "simple"
# Fields matched by similarity as well as by words (trigram indexes of migration 0011).
SIMILAR_FIELDS = ("applicant_name", "victim_name", "applicant_postcode")
CONTACT_FIELDS = ("applicant_email", "applicant_phone")
MAX_WORDS = 100


def search_vector():
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*VECTOR_FIELDS, config=SEARCH_CONFIG)


def matching(user, cases: QuerySet, words: str) -> QuerySet:
    """The cases of `cases` (an access-scoped queryset) that the words find."""
    # PostgreSQL refuses a NUL in a string: a typed or pasted one is dropped, never a 500.
    words = " ".join(words.replace("\x00", " ").split())[:MAX_WORDS]
    if not words:
        return cases
    found = _postgres(cases, words) if connection.vendor == "postgresql" else _plain(words)
    return cases.filter(
        found | _postcode(words) | _contact(user, words) | _bodies_references(user, words)
    )


def _plain(words: str) -> Q:
    found = Q()
    for field in VECTOR_FIELDS:
        found |= Q(**{f"{field}__icontains": words})
    return found


def _postgres(cases: QuerySet, words: str) -> Q:
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(words, search_type="websearch", config=SEARCH_CONFIG)
    # Subqueries on the case table, each answered from its own index (migration 0011); the
    # outer query, scoped by access, keeps its joins and annotations.
    by_words = cases.model.objects.annotate(search=search_vector()).filter(search=query)
    similar = Q()
    for field in SIMILAR_FIELDS:
        similar |= Q(**{f"{field}__trigram_similar": words})
    by_similarity = cases.model.objects.filter(similar)
    return (
        Q(pk__in=by_words.values("pk"))
        | Q(pk__in=by_similarity.values("pk"))
        | Q(reference__icontains=words)
    )


def _postcode(words: str) -> Q:
    """A postcode is found however it is spaced or cased ("sw1a1aa" finds "SW1A 1AA")."""
    squashed = words.replace(" ", "").upper()
    if not squashed.isalnum() or len(squashed) > 8:
        return Q(pk__in=[])
    from triggers.models import Case

    spaced = Case.objects.alias(
        squashed_postcode=Replace(Upper("applicant_postcode"), Value(" "), Value(""))
    ).filter(squashed_postcode__contains=squashed)
    return Q(pk__in=spaced.values("pk"))


def _contact(user, words: str) -> Q:
    """Email and phone, for officers and admins of the case's area only (the partner view)."""
    areas = access.area_ids_for(user)
    if not areas:
        return Q(pk__in=[])
    by_contact = Q()
    for field in CONTACT_FIELDS:
        by_contact |= Q(**{f"{field}__iexact": words})
    return Q(by_contact, area_id__in=areas)


def _bodies_references(user, words: str) -> Q:
    """The references the bodies gave the case, in the checks and returns the user may open."""
    findings = ComplaintFinding.objects.filter(
        check_record__in=access.threshold_checks_for(user), reference__icontains=words
    ).values("check_record__case_id")
    reports = ReturnedReport.objects.filter(
        information_return__request__in=access.information_requests_for(user),
        reference__icontains=words,
    ).values("information_return__request__case_id")
    return Q(pk__in=findings) | Q(pk__in=reports)
