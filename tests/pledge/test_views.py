"""The PLEDGE pages: the questionnaire form, results, the PDF report, signing, the register."""

import io

import pytest
from django.urls import reverse

from pledge import services
from pledge.models import Answer, Assessment, Signature
from pledge.selectors import Organisation
from tests.factories import AreaFactory, ForceAreaFactory

from .conftest import submitted

PROCEDURE = "https://north.example.org/asb-case-review"
SIGNING = {"signatory_name": "Ann Lee", "job_title": "Chief Executive", "procedure_url": PROCEDURE}


@pytest.fixture
def org(north, questionnaire):
    return Organisation(area=north.area)


def form_data(assessment, value="yes", action="save", **by_code):
    data = {"action": action}
    for answer in assessment.answers.select_related("question"):
        code = answer.question.code
        data[f"{code}-value"] = by_code.get(code, value)
        data[f"{code}-note"] = f"Evidence for {code}"
        if answer.prefilled_value and data[f"{code}-value"] != answer.prefilled_value:
            data[f"{code}-override"] = "Our own records differ."
    return data


def test_area_admin_starts_fills_in_and_submits(client, org, north):
    client.force_login(north.admin)
    response = client.post(reverse("pledge:start", args=["area", "north"]))
    assessment = Assessment.objects.get(area=north.area)
    assert response.url == reverse("pledge:assessment", args=[assessment.pk])
    page = client.get(response.url).content.decode()
    assert "Threshold set to 3 complaints in 6 months; hate incident 1" in page
    assert 'name="threshold-value" type="radio" value="yes" checked' in page

    data = form_data(assessment, action="submit", **{"staff-training": "no"})
    response = client.post(reverse("pledge:assessment", args=[assessment.pk]), data)
    assert response.url == reverse("pledge:results", args=[assessment.pk])
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    assert assessment.answers.get(question__code="staff-training").note == (
        "Evidence for staff-training"
    )
    results = client.get(response.url).content.decode()
    assert "Train every member of staff who handles ASB reports" in results
    assert "D: Develop the process" in results


def test_override_without_a_note_is_shown_and_nothing_typed_is_lost(client, org, north):
    client.force_login(north.admin)
    assessment = services.start_assessment(org, by=north.admin)
    data = form_data(assessment, **{"threshold": "no"})
    data.pop("threshold-override")
    data["staff-training-note"] = "Training plan drafted in May."
    response = client.post(reverse("pledge:assessment", args=[assessment.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "say why" in page.lower()
    assert 'href="#id_threshold-override"' in page
    assert "Training plan drafted in May." in page
    assert not assessment.answers.filter(note__startswith="Training").exists()


def test_submitting_with_unanswered_questions_names_them(client, org, north):
    client.force_login(north.admin)
    assessment = services.start_assessment(org, by=north.admin)
    data = form_data(assessment, action="submit")
    data["lessons-shared-value"] = ""
    response = client.post(reverse("pledge:assessment", args=[assessment.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_lessons-shared-value_0"' in page and "Answer this question" in page
    assessment.refresh_from_db()
    assert assessment.is_draft
    # The rest was saved: the refusal came after the draft's answers were recorded.
    assert assessment.answers.get(question__code="templates").value == "yes"


def test_pcc_officer_reads_but_cannot_change(client, org, north):
    assessment = services.start_assessment(org, by=north.admin)
    client.force_login(north.pcc_officer)
    url = reverse("pledge:assessment", args=[assessment.pk])
    assert client.get(url).url == reverse("pledge:results", args=[assessment.pk])
    assert client.post(url, form_data(assessment)).status_code == 404
    assert client.post(reverse("pledge:start", args=["area", "north"])).status_code == 404
    assert client.get(reverse("pledge:sign", args=["area", "north"])).status_code == 404
    organisation_page = client.get(reverse("pledge:organisation", args=["area", "north"]))
    assert organisation_page.status_code == 200
    assert "Start a new self-assessment" not in organisation_page.content.decode()


def test_a_case_officer_of_the_area_does_not_assess_it(client, org, north):
    client.force_login(north.officer)
    assert client.get(reverse("pledge:organisation", args=["area", "north"])).status_code == 404


def test_sign_page_lists_the_unmet_legal_questions(client, org, north):
    submitted(org, by=north.admin, threshold="no", dissatisfied_route="partly")
    client.force_login(north.admin)
    url = reverse("pledge:sign", args=["area", "north"])
    page = client.get(url).content.decode()
    assert "You cannot sign the pledge yet" in page
    assert "Is your threshold no higher than three qualifying complaints" in page
    assert "dissatisfied applicants a route" in page
    assert "Is your case review procedure published?" not in page
    client.post(url, SIGNING)
    assert not Signature.objects.exists()


def test_signing_then_the_public_register(client, org, north):
    submitted(org, by=north.admin)
    client.force_login(north.admin)
    url = reverse("pledge:sign", args=["area", "north"])
    response = client.post(url, {**SIGNING, "signatory_name": ""})
    assert "Enter the full name of the person signing" in response.content.decode()
    response = client.post(url, SIGNING)
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("pledge:register")).content.decode()
    assert "North (council area)" in page and "Ann Lee, Chief Executive" in page


@pytest.mark.parametrize(
    ("link", "error"),
    [
        ("", "Enter the link to your published case review procedure"),
        ("   ", "Enter the link to your published case review procedure"),
        ("http://north.example.org/asb-case-review", "starting https://"),
        ("north.example.org/asb-case-review", "starting https://"),
        ("https://", "starting https://"),
        ("javascript:alert(1)", "starting https://"),
    ],
)
def test_the_signing_form_refuses_a_missing_or_non_https_procedure_link(
    client, org, north, link, error
):
    submitted(org, by=north.admin)
    client.force_login(north.admin)
    url = reverse("pledge:sign", args=["area", "north"])
    page = client.post(url, {**SIGNING, "procedure_url": link}).content.decode()
    assert "There is a problem" in page and error in page
    assert 'href="#id_procedure_url"' in page  # the error summary leads to the field
    assert not Signature.objects.exists()


def test_the_register_says_organisations_declare_they_signed_and_links_their_procedure(
    client, org, north
):
    submitted(org, by=north.admin)
    client.force_login(north.admin)
    client.post(reverse("pledge:sign", args=["area", "north"]), SIGNING)
    client.logout()
    page = client.get(reverse("pledge:register")).content.decode()
    assert "Organisations that declare they have signed the ASB Help PLEDGE" in page
    assert "ASB Help runs the official sign-up" in page
    assert f'href="{PROCEDURE}"' in page


def test_register_queries_do_not_grow_with_signatures(client, django_assert_num_queries, db):
    from tests.factories import UserFactory

    user = UserFactory()

    def sign(n):
        from pledge.questionnaire import current_version

        for i in range(n):
            area = AreaFactory(force_area=ForceAreaFactory())
            a = Assessment.objects.create(
                area=area,
                version=current_version(),
                started_by=user,
                started_at="2026-01-01T00:00Z",
            )
            Signature.objects.create(
                area=area,
                assessment=a,
                signatory_name=f"S {i}",
                job_title="CEO",
                signed_by=user,
                signed_at="2026-02-01T00:00Z",
            )

    sign(2)
    with django_assert_num_queries(1):
        client.get(reverse("pledge:register"))
    sign(8)
    with django_assert_num_queries(1):
        assert client.get(reverse("pledge:register")).content.decode().count("CEO") == 10


def test_report_pdf_holds_each_commitments_score(client, org, north):
    from pypdf import PdfReader

    assessment = submitted(
        org,
        by=north.admin,
        community_awareness="no",
        staff_training="partly",
        independent_chairs="no",
    )
    client.force_login(north.admin)
    response = client.get(reverse("pledge:report", args=[assessment.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    # Promote: awareness no (weight 2), second-report yes (1) -> 33%.
    # Develop: training partly (2), directory yes (1), templates yes (1), timescales yes (2)
    # -> (1 + 1 + 1 + 2) / 6 = 83%.
    # Generate: invited yes (2), consulted yes (2), chairs no (1) -> 80%.
    for expected in (
        "P: Promote awareness 33% Red",
        "L: Legality 100% Green",
        "E: Ensure accessibility 100% Green",
        "D: Develop the process 83% Green",
        "G: Generate inclusivity 80% Green",
        "E: Establish a precedent 100% Green",
    ):
        assert expected in text, expected
    assert "Train every member of staff" in text


def test_organisation_page_charts_scores_over_successive_assessments(client, org, north):
    submitted(org, by=north.admin, value="no")
    submitted(org, by=north.admin, value="yes")
    client.force_login(north.admin)
    page = client.get(reverse("pledge:organisation", args=["area", "north"])).content.decode()
    assert "<svg" in page and 'role="img"' in page
    assert page.count('<rect x="') == 2
    table = page[page.index("Overall score of each submitted assessment</caption>") :]
    assert table.index("0%") < table.index("100%")  # oldest first


def test_navigation_has_the_pledge_link_for_those_who_use_it(client, north):
    client.force_login(north.admin)
    assert 'href="/pledge/">PLEDGE<' in client.get(reverse("home"), {"cases": "1"}).content.decode()
    client.force_login(north.officer)
    assert ">PLEDGE<" not in client.get(reverse("home")).content.decode()


def test_answer_values_are_the_four_of_the_brief():
    assert Answer.Value.values == ["yes", "partly", "no", "n/a"]


def test_organisation_page_queries_do_not_grow_with_its_history(client, org, north):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(north.admin)
    url = reverse("pledge:organisation", args=["area", "north"])

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    submitted(org, by=north.admin)
    one = count()
    for value in ("no", "partly", "yes"):
        submitted(org, by=north.admin, value=value)
    assert count() == one


def test_a_partner_agency_assesses_itself_and_others_cannot_see_it(client, north, south):
    from pledge.questionnaire import current_version

    current_version()
    client.force_login(north.responder)
    assert 'href="/pledge/">PLEDGE<' in client.get(reverse("inbox")).content.decode()
    assert "/pledge/agency/north-police/" in client.get(reverse("pledge:home")).content.decode()
    response = client.post(reverse("pledge:start", args=["agency", "north-police"]))
    assessment = Assessment.objects.get(agency=north.police)
    assert response.url == reverse("pledge:assessment", args=[assessment.pk])
    for other in (south.responder, south.pcc_officer, north.admin, north.officer):
        client.force_login(other)
        url = reverse("pledge:results", args=[assessment.pk])
        assert client.get(url).status_code == 404, other
    client.force_login(north.pcc_officer)  # the police of their own force area: read-only
    assert client.get(reverse("pledge:results", args=[assessment.pk])).status_code == 200


def test_old_results_page_renders_its_own_version_after_a_new_one(client, org, north):
    from pledge import questionnaire as versions

    old = submitted(org, by=north.admin)
    draft = versions.copy_version(old.version)
    draft.questions.filter(code="staff-training").update(text="Is every officer trained yearly?")
    versions.publish_version(draft)
    client.force_login(north.admin)
    page = client.get(reverse("pledge:results", args=[old.pk])).content.decode()
    assert "Are staff who handle ASB reports and case reviews trained" in page
    assert "Is every officer trained yearly?" not in page
    assert f"questionnaire version {old.version.number}" in page
    new = services.start_assessment(org, by=north.admin)
    form = client.get(reverse("pledge:assessment", args=[new.pk])).content.decode()
    assert "Is every officer trained yearly?" in form
