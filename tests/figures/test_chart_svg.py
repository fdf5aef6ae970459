"""The dashboard's bars are written as SVG in Python (issue #18): still escaped, still laid out."""

from figures.charts import BAR_HEIGHT, LABEL_WIDTH, bar_chart


def test_a_bar_is_drawn_with_its_label_value_and_escaped_text():
    chart = bar_chart(
        "c",
        "Title",
        "Description",
        [("", [("<Sefton & Wirral>", 3, "3"), ("None", None, "no data")])],
    )
    first, missing = chart.groups[0].bars
    svg = first.svg()
    assert "&lt;Sefton &amp; Wirral&gt;" in svg and "<Sefton" not in svg
    assert f'<text x="{LABEL_WIDTH - 8}" y="{BAR_HEIGHT * 0.75:.1f}"' in svg
    assert f'<rect x="{LABEL_WIDTH:.1f}" y="0.0" width="{first.width:.1f}"' in svg
    assert first.width > 0 and svg.endswith(">3</text>")
    # No value: no width, and the text says so rather than showing a zero.
    assert 'width="0.0"' in missing.svg() and missing.svg().endswith(">no data</text>")


# The groups as the template drew them before `BarChart.svg_groups` (issue #18).
TEMPLATE_GROUPS = (
    '{% for group in chart.groups %}\n  {% if group.label %}<text x="0" '
    'y="{{ group.label_y|stringformat:\'.1f\' }}" font-size="15" font-weight="bold" '
    'fill="#0b0c0c">{{ group.label }}</text>{% endif %}\n  '
    "{% for bar in group.bars %}{{ bar.svg }}{% endfor %}\n  {% endfor %}"
)


def test_a_charts_groups_are_what_the_template_drew():
    from django.template import Context, Template

    chart = bar_chart(
        "c",
        "Title",
        "Description",
        [
            ("Tom & Jerry's <area>", [("Met", 0.5, "50%"), ("<b>", None, "no data")]),
            ("", [("Only", 3, "3")]),
        ],
        maximum=1,
    )
    drawn = Template(TEMPLATE_GROUPS).render(Context({"chart": chart}))
    assert str(chart.svg_groups()) == drawn
    assert "Tom &amp; Jerry&#x27;s &lt;area&gt;" in drawn and "&lt;b&gt;" in drawn
