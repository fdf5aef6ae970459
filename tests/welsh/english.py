"""A checker for "no English left": the words of a page's <main> that are common English
words, once the names and references the page may rightly show are taken out.

The list holds only words that are not also Welsh ("a", "i", "am", "all", "at", "dim", "hi",
"problem" and "We" (the Web) are Welsh too),
so a Welsh page passes and a page with an English sentence in it does not.
"""

import re
from html import unescape

COMMON_ENGLISH = frozenset(
    """
    the and you your of to is are for with this that if can will have has not our or on by
    be it what when who how which where why there their they them from was were been would
    should could must may need needs about after before any each every more other some
    such than then these those only also into out up down over under again here just
    case review reviews apply application report reported reports check enter date back
    continue day month year council area choose select change send sent start now help
    contact email phone address name yes no behaviour incident incidents complaint complaints
    threshold met counts count does happen happened happens happening please ask asked tell
    told letter letters meeting progress warning important success error
    link links page service privacy statement accessibility notice people person someone
    sign keep kept withdraw appeal next
    """.split()  # noqa: SIM905 -- a word list reads best as words
)

MAIN = re.compile(r"<main\b[^>]*>(.*?)</main>", re.S | re.I)
# What a screen reader is told in English on purpose: the switch back to English.
ENGLISH_ON_PURPOSE = re.compile(r'<[^>]+\blang="en"[^>]*>.*?</[a-z]+>', re.S)
TAGS = re.compile(r"<[^>]+>")
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


def main_text(html: str) -> str:
    found = MAIN.search(html)
    assert found, "the page has no <main>"
    text = SCRIPT_OR_STYLE.sub(" ", found.group(1))
    text = ENGLISH_ON_PURPOSE.sub(" ", text)
    return unescape(TAGS.sub(" ", text))


def english_words(html: str, *, names: tuple[str, ...] = ()) -> list[str]:
    """The common English words left in <main>, after removing `names` (places, bodies,
    people, references) which are the same in both languages."""
    text = main_text(html)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    words = re.findall(r"[^\W\d_]+", text)  # whole words, Welsh letters (ŵ, ŷ, â) included
    # A word in capitals is a code or an initialism, the same in both languages: a second
    # factor's secret key ("… BY7Q …" splits into "BY"), a reference, "ICB".
    return [word for word in words if word.lower() in COMMON_ENGLISH and not word.isupper()]
