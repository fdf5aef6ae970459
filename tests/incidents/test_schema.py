"""Reading one row of the incident feed (pure): values, or every error with its column."""

from datetime import date

from incidents import schema

TODAY = date(2026, 11, 30)


def read(**cells):
    base = {
        "reference": "P-1",
        "incident_date": "2026-10-01",
        "reported_date": "02/10/2026",
        "surname": "Doe",
    }
    return schema.read_row(7, {**base, **cells}, TODAY)


def test_a_good_row_reads_as_values_with_defaults():
    values, errors = read(postcode="l18jq", hate_related="Y", first_name="  Jane  ")
    assert errors == []
    assert values["incident_date"] == date(2026, 10, 1)
    assert values["reported_date"] == date(2026, 10, 2)
    assert (values["postcode"], values["hate_related"], values["first_name"]) == (
        "L1 8JQ",
        True,
        "Jane",
    )
    assert read()[0]["hate_related"] is False


def test_every_error_of_a_row_is_given_with_its_row_and_column():
    values, errors = read(
        reference="", incident_date="2026-12-01", postcode="L1", hate_related="maybe"
    )
    assert values is None
    assert [(e.row, e.column) for e in errors] == [
        (7, "reference"),
        (7, "incident_date"),
        (7, "postcode"),
        (7, "hate_related"),
    ]
    assert errors[1].message == "Date of the incident must be today or in the past"


def test_a_report_before_its_incident_is_refused():
    _, errors = read(incident_date="2026-10-05")
    assert [(e.column, e.message) for e in errors] == [
        ("reported_date", "Date reported must be on or after the incident")
    ]


def test_too_long_text_is_refused():
    _, errors = read(surname="x" * 81)
    assert errors[0].message == "Reporter's surname must be 80 characters or fewer"


def test_headers_are_matched_by_name_label_or_what_the_body_chose_before():
    headers = ["Your reference", "INCIDENT DATE", "reported_date", "Family name", "Extra"]
    assert schema.guess_mapping(headers) == {
        "reference": "Your reference",
        "incident_date": "INCIDENT DATE",
        "reported_date": "reported_date",
    }
    remembered = {"surname": "Family name", "phone": "Gone from this file"}
    assert schema.guess_mapping(headers, remembered)["surname"] == "Family name"
    assert "phone" not in schema.guess_mapping(headers, remembered)
