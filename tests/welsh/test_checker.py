"""The "no English left" checker itself: it must catch English and pass Welsh."""

from tests.welsh.english import english_words


def page(body: str) -> str:
    return f"<html><body><header>Skip</header><main>{body}</main><footer>x</footer></body></html>"


def test_it_finds_english_in_main_only():
    assert english_words(page("<p>Check your answers</p>")) == ["Check", "your"]
    assert english_words("<header>Check</header><main><p>Gwirio</p></main>") == []


def test_welsh_passes_even_with_words_welsh_shares():
    welsh = "Mae hwn yn wasanaeth newydd. Dewis iaith a i am dim hi: Gwneud cais am adolygiad."
    assert english_words(page(f"<p>{welsh}</p>")) == []


def test_names_and_the_english_link_are_taken_out():
    html = page('<p>Cardiff Council and the Vale</p><a lang="en" href="/">Change the language</a>')
    assert english_words(html, names=("Cardiff Council and the Vale",)) == []
    assert english_words(html) == ["Council", "and", "the"]


def test_a_code_in_capitals_is_not_english_but_a_word_in_a_sentence_is():
    """A second factor's secret key is shown in groups ("BY7Q ABCD"), so a group may read as
    an English word; words of a sentence are never all capitals."""
    assert english_words(page("<p>Allwedd: BY 7Q AB CD</p>")) == []
    assert english_words(page("<p>Sent by post</p>")) == ["Sent", "by"]
