"""The pure scoring module: weights, 'partly' as half, 'not applicable' left out, ratings."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pledge import scoring
from pledge.scoring import AMBER, GREEN, RED, ScoredAnswer

values = st.sampled_from(["yes", "partly", "no", "n/a", ""])
answers = st.lists(
    st.builds(
        ScoredAnswer,
        commitment=st.integers(1, 6),
        weight=st.integers(1, 5),
        value=values,
        legal=st.booleans(),
    ),
    max_size=30,
)


def test_weighted_score_counts_partly_as_half_and_leaves_out_not_applicable():
    result = scoring.assess(
        [
            ScoredAnswer(1, 3, "yes"),
            ScoredAnswer(1, 1, "partly"),
            ScoredAnswer(1, 2, "no"),
            ScoredAnswer(1, 5, "n/a"),
            ScoredAnswer(2, 1, "partly"),
        ],
        [1, 2, 3],
    )
    assert result.commitments[1].points == Decimal("3.5")
    assert result.commitments[1].maximum == 6
    assert result.commitments[1].percent == 58
    assert result.commitments[2].percent == 50
    assert result.commitments[3].share is None  # nothing scored in it
    assert result.overall.points == Decimal(4) and result.overall.maximum == 7


def test_ratings_at_their_thresholds():
    assert scoring.rating(Decimal("0.8")) == GREEN
    assert scoring.rating(Decimal("0.79")) == AMBER
    assert scoring.rating(Decimal("0.5")) == AMBER
    assert scoring.rating(Decimal("0.49")) == RED
    assert scoring.rating(None) is None


def test_a_legal_gap_keeps_the_overall_rating_off_green():
    answers = [ScoredAnswer(1, 1, "yes") for _ in range(9)] + [ScoredAnswer(2, 1, "no", True)]
    result = scoring.assess(answers, [1, 2])
    assert result.overall.share == Decimal("0.9")
    assert result.overall_rating == AMBER and result.legal_gaps == 1


@given(answers)
def test_scores_are_shares_between_nought_and_one(answers):
    result = scoring.assess(answers, [1, 2, 3, 4, 5, 6])
    for s in [*result.commitments.values(), result.overall]:
        assert s.share is None or Decimal(0) <= s.share <= Decimal(1)
    assert result.overall.points == sum(s.points for s in result.commitments.values())


@given(answers)
def test_not_applicable_answers_change_nothing(answers):
    with_na = [*answers, ScoredAnswer(1, 4, "n/a"), ScoredAnswer(3, 2, "")]
    assert scoring.assess(with_na, [1, 2, 3]).overall == scoring.assess(answers, [1, 2, 3]).overall


@given(answers, st.integers(1, 6), st.integers(1, 5))
def test_a_better_answer_never_lowers_the_score(answers, commitment, weight):
    worse = scoring.score([*answers, ScoredAnswer(commitment, weight, "no")])
    partly = scoring.score([*answers, ScoredAnswer(commitment, weight, "partly")])
    better = scoring.score([*answers, ScoredAnswer(commitment, weight, "yes")])
    assert worse.share <= partly.share <= better.share


def test_gaps_are_no_and_partly():
    assert [v for v in ("yes", "partly", "no", "n/a", "") if scoring.is_gap(v)] == ["partly", "no"]


def test_scoring_benchmark_reports_its_measurements():
    from pledge.benchmarks import BENCHMARKS

    measured = BENCHMARKS["pledge_scoring"](None)
    assert measured["assessments scored"] == 2000
    assert measured["microseconds per assessment"] > 0


def test_score_bars_are_clamped_to_the_bar():
    from pledge.charts import BAR_WIDTH, score_bar

    assert score_bar(None).width == 0
    assert score_bar(50).width == BAR_WIDTH // 2
    assert score_bar(100).width == BAR_WIDTH
