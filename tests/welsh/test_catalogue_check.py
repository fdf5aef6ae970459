"""The lint check on the translation catalogues (`python -m agencies.catalogues check`)."""

from pathlib import Path

from agencies import catalogues

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: cy\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def catalogue(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cy" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_projects_catalogue_passes_and_compiles(tmp_path):
    (po_path,) = catalogues.catalogues()
    assert catalogues.problems(po_path) == []
    assert catalogues.main(["catalogues", "check"]) == 0
    assert "qualified Welsh translator must review" in po_path.read_text(encoding="utf-8")


def test_an_untranslated_string_fails(tmp_path, capsys):
    path = catalogue(tmp_path, 'msgid "Start now"\nmsgstr ""\n')
    assert catalogues.main(["catalogues", "check", str(path)]) == 1
    assert "not translated: 'Start now'" in capsys.readouterr().err


def test_a_fuzzy_string_fails(tmp_path):
    path = catalogue(tmp_path, '#, fuzzy\nmsgid "Start now"\nmsgstr "Dechrau"\n')
    (problem,) = catalogues.problems(path)
    assert "fuzzy" in problem


def test_placeholders_that_differ_fail(tmp_path):
    path = catalogue(
        tmp_path,
        'msgid "By %(due)s"\nmsgstr "Erbyn %(dyddiad)s"\n\n'
        'msgid "Case {reference}"\nmsgstr "Achos"\n',
    )
    problems = catalogues.problems(path)
    assert len(problems) == 2 and all("placeholders differ" in p for p in problems)


def test_a_plural_needs_every_form_and_its_placeholders(tmp_path):
    body = (
        'msgid "%(n)s complaint counts"\nmsgid_plural "%(n)s complaints count"\n'
        'msgstr[0] "%(n)s cwyn yn cyfrif"\nmsgstr[1] ""\n'
    )
    (problem,) = catalogues.problems(catalogue(tmp_path, body))
    assert "not translated" in problem


def test_a_good_catalogue_passes_and_compiles(tmp_path):
    path = catalogue(
        tmp_path,
        'msgid "By %(due)s"\nmsgstr "Erbyn %(due)s"\n\n'
        'msgid "%(n)s day"\nmsgid_plural "%(n)s days"\n'
        'msgstr[0] "%(n)s diwrnod"\nmsgstr[1] "%(n)s diwrnod"\n',
    )
    assert catalogues.problems(path) == []
    assert catalogues.compile_catalogue(path).stat().st_size > 0


def test_an_entry_written_twice_fails_but_one_in_another_context_does_not(tmp_path):
    body = (
        'msgid "Change"\nmsgstr "Newid"\n\n'
        'msgctxt "answer"\nmsgid "Change"\nmsgstr "Newid"\n\n'
        'msgid ""\n"Change"\nmsgstr "Newidiwch"\n'
    )
    (problem,) = catalogues.problems(catalogue(tmp_path, body))
    assert "written twice: 'Change'" in problem and ":14:" in problem
