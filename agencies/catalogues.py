"""The translation catalogues (locale/<lang>/LC_MESSAGES/django.po): compiled and checked
with babel, so neither needs GNU gettext (issue #19).

    python -m agencies.catalogues compile   # every .po to its .mo (the set-up runs it)
    python -m agencies.catalogues check     # fails on untranslated, fuzzy, mismatched or
                                            # duplicated text

Plain Python, no Django: the set-up runs it before any settings exist. The .mo files are
generated, never committed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# printf-style ("%(name)s", "%s", "%d", "%%" excluded) and str.format-style ("{name}").
PRINTF = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
BRACES = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_.]*\}(?!\})")


def catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def _read(po_path: Path):
    with po_path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def compile_catalogue(po_path: Path) -> Path:
    """Write the .mo beside the .po. Fuzzy entries are left out, as msgfmt does."""
    mo_path = po_path.with_suffix(".mo")
    catalogue = _read(po_path)
    with mo_path.open("wb") as handle:
        write_mo(handle, catalogue, use_fuzzy=False)
    return mo_path


def placeholders(text: str) -> Counter:
    return Counter(PRINTF.findall(text.replace("%%", ""))) + Counter(BRACES.findall(text))


# An entry's key: its context (msgctxt) and its English (msgid), continuation lines joined.
ENTRY_KEY = re.compile(r'^(?:msgctxt ((?:".*"\n)+))?msgid ((?:".*"\n)+)', re.M)


def duplicates(po_path: Path) -> list[str]:
    """Entries written twice (branches merged with both sides kept): babel reads the last one
    only, so the first is dead text a translator may correct in vain."""
    seen, found = set(), []
    text = po_path.read_text(encoding="utf-8")
    for match in ENTRY_KEY.finditer(text):
        context, english = ("".join(re.findall(r'"(.*)"', part or "")) for part in match.groups())
        if (context, english) in seen:
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{po_path}:{line}: written twice: {english[:60]!r}")
        seen.add((context, english))
    return found


def problems(po_path: Path) -> list[str]:
    """Every entry that would show English (or the wrong words) to someone who chose Welsh."""
    found = duplicates(po_path)
    for message in _read(po_path):
        if not message.id:
            continue  # the header
        where = f"{po_path}:{message.lineno}"
        english = message.id if isinstance(message.id, str) else message.id[0]
        label = english[:60].replace("\n", " ")
        if message.fuzzy:
            found.append(f"{where}: fuzzy (needs checking): {label!r}")
        if isinstance(message.id, str):
            translations = [(message.string, placeholders(message.id), None)]
        else:
            singular, plural = (placeholders(text) for text in message.id)
            strings = message.string if isinstance(message.string, tuple | list) else ()
            translations = [(text, plural, singular) for text in strings] or [("", plural, None)]
        for text, expected, also in translations:
            if not text:
                found.append(f"{where}: not translated: {label!r}")
                continue
            got = placeholders(text)
            # A plural form may follow the singular's placeholders (Welsh "un" for 1).
            if got != expected and (also is None or got != also):
                found.append(
                    f"{where}: placeholders differ: {label!r} has {sorted(expected)}, "
                    f"the translation {sorted(got)}"
                )
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    paths = [Path(arg) for arg in argv[2:]] or catalogues()
    if command == "compile":
        for path in paths:
            compile_catalogue(path)
        return 0
    if command == "check":
        found = [problem for path in paths for problem in problems(path)]
        for problem in found:
            print(problem, file=sys.stderr)
        if found:
            print(f"{len(found)} problem(s) in the translation catalogues.", file=sys.stderr)
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
