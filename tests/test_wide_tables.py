"""Phones and zoom (WCAG 1.4.10, issue #17): every table of a web page scrolls inside its own
region, never the page. Letters, packs and reports are PDFs (printed, not scrolled) and keep
plain tables."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# The region is focusable (so a keyboard can scroll it) and named, in any order of attributes.
WRAPPER = re.compile(
    r'<div class="app-table-scroll"(?=[^>]*tabindex="0")(?=[^>]*role="region")'
    r'(?=[^>]*aria-label(?:ledby)?="[^"]+")[^>]*>\s*<table class="govuk-table'
)


def test_every_govuk_table_scrolls_inside_its_own_region():
    unwrapped = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        text = template.read_text()
        tables = text.count('<table class="govuk-table')
        if tables != len(WRAPPER.findall(text)):
            unwrapped.append(str(template.relative_to(TEMPLATES)))
    assert not unwrapped, f"tables outside an .app-table-scroll region: {unwrapped}"


def test_the_check_finds_a_bare_table():
    assert not WRAPPER.search('<div><table class="govuk-table">')
