"""Screening and multi-criteria scoring of candidate OECM sites (docs/oecm.md).

Screening (hard gates, each with a stated reason): criterion A (the site is already protected: more than a
threshold percent of its area inside protected areas), criterion B1 (no valid closed boundary after repair) and
attribute gates named by the user (e.g. a governance field must be filled: B2/B3).

Scoring (criterion C/D): every criterion value is normalised to 0..1 by min-max over the eligible candidates,
inverted for lower-is-better criteria; score = 100 * sum_k w_k n_k with weights summing to 1, given directly
or from an AHP pairwise matrix (principal eigenvector, consistency ratio with Saaty's random index).
"""

from collections import namedtuple
from fractions import Fraction

import numpy as np
from shapely.geometry import box
from shapely.ops import unary_union

from . import connectivity
from .feedback import ensure as ensure_feedback
from .messages import EngineError, N_

DEFAULT_OVERLAP_THRESHOLD = 5.0
"""Percent of a candidate's area inside protected areas above which it fails criterion A. Boundaries digitised
from different sources rarely match exactly: a few percent of sliver overlap should not disqualify a site."""

HIGH_SCORE = 67.0
MEDIUM_SCORE = 33.0
"""Class thresholds on the 0-100 score: high >= 67, medium >= 33, low below (equal thirds of the scale)."""
CLASS_HIGH, CLASS_MEDIUM, CLASS_LOW = 'high', 'medium', 'low'

CONSTANT_CRITERION_VALUE = 0.5
"""Normalised value of a criterion that does not vary among eligible candidates: it cannot rank them."""

SAATY_RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
                      11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59}
"""Saaty's random consistency index RI(n) (Saaty 1980, The Analytic Hierarchy Process, table 1.7; n > 10 from
Saaty 2000 via Alonso & Lamata 2006)."""
CONSISTENCY_LIMIT = 0.1

ScreenReason = namedtuple('ScreenReason', 'code template params')
"""Why a candidate is screened out: a short code ('A', 'B1', 'GATE'), an N_-marked template and its parameters."""

AhpResult = namedtuple('AhpResult', 'weights lambda_max consistency_index random_index consistency_ratio')


def screen_candidate(protected_percent, has_boundary, empty_required_fields, threshold=DEFAULT_OVERLAP_THRESHOLD):
    """The ScreenReasons that exclude one candidate (empty list when it is eligible).

    ``protected_percent``: share of the candidate's area inside protected areas (0-100, NaN when it has no
    boundary); ``has_boundary``: False when no valid closed polygon was left after repair (criterion B1);
    ``empty_required_fields``: names of required attribute fields that are NULL or blank.
    """
    reasons = []
    if not has_boundary:
        reason = N_('B1: no valid closed boundary (null, empty or unrepairable geometry, or not a polygon)')
        reasons.append(ScreenReason('B1', reason, {}))
    elif protected_percent > threshold:
        reasons.append(ScreenReason(
            'A', N_('A: {percent:.1f} % inside protected areas (more than {threshold:g} %)'),
            {'percent': float(protected_percent), 'threshold': float(threshold)}))
    for field in empty_required_fields:
        reasons.append(ScreenReason('GATE', N_('required field "{field}" is empty'), {'field': field}))
    return reasons


def is_blank(value):
    """True for None, NULL-like values (QVariant NULL converts to None or has isNull) and blank text."""
    if value is None:
        return True
    if hasattr(value, 'isNull') and value.isNull():
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def parse_directions(text, count):
    """+1 (higher is better) or -1 (lower is better) per criterion from "+,-,..." (empty: all '+')."""
    if not text or not text.strip():
        return np.ones(count)
    tokens = [token.strip() for token in text.split(',')]
    if len(tokens) != count or any(token not in ('+', '-') for token in tokens):
        raise EngineError(N_('DIRECTIONS must list "+" or "-" for each of the {count} criteria, separated by commas '
                             '(got "{text}").'), count=count, text=text)
    return np.array([1.0 if token == '+' else -1.0 for token in tokens])


def parse_weights(text, count):
    """Weights from "w1,w2,..." (one non-negative number per criterion), rescaled to sum to 1.

    An empty text gives equal weights.
    """
    if not text or not text.strip():
        return np.full(count, 1.0 / count)
    try:
        weights = np.array([float(token) for token in text.split(',')])
    except ValueError:
        weights = None
    if weights is None or len(weights) != count or np.any(weights < 0) or not np.isfinite(weights).all() \
            or weights.sum() <= 0:
        raise EngineError(N_('WEIGHTS must give one non-negative number per criterion ({count} in all, not all zero), '
                             'separated by commas (got "{text}").'), count=count, text=text)
    return weights / weights.sum()


def parse_matrix(text):
    """A square matrix from text: rows separated by ";", values by "," (fractions such as 1/3 allowed)."""
    rows = [[matrix_value(value, number) for value in row.split(',')]
            for number, row in enumerate((row for row in text.strip().split(';') if row.strip()), start=1)]
    if not rows or any(len(row) != len(rows) for row in rows):
        raise EngineError(N_('The AHP matrix must be square: rows separated by ";" and values by ",", e.g. '
                             '"1,3;1/3,1" (got "{text}").'), text=text)
    return np.array(rows)


def matrix_value(text, row):
    """One AHP matrix entry (a number or a fraction such as 1/3) as a positive float; ``row`` counts from 1."""
    try:
        value = float(Fraction(text.strip()))
    except (ValueError, ZeroDivisionError):
        value = None
    if value is None or not value > 0:
        raise EngineError(N_('The AHP matrix value "{value}" in row {row} is not a positive number: give numbers '
                             'or fractions such as 1/3.'), value=text.strip(), row=row)
    return value


def ahp_weights(matrix):
    """AHP weights of a reciprocal pairwise comparison matrix (docs/oecm.md; Saaty 1980).

    Weights are the principal right eigenvector normalised to sum 1; CI = (lambda_max - n) / (n - 1);
    CR = CI / RI(n) with Saaty's random index (0 for n <= 2). A CR above 0.1 means the judgements are
    inconsistent: the caller warns.

    >>> result = ahp_weights([[1, 3], [1 / 3, 1]])
    >>> [round(float(weight), 2) for weight in result.weights], result.consistency_ratio
    ([0.75, 0.25], 0.0)
    """
    matrix = np.asarray(matrix, dtype=float)
    size = matrix.shape[0]
    if np.any(matrix <= 0) or not np.allclose(np.diag(matrix), 1.0) \
            or not np.allclose(matrix * matrix.T, 1.0, rtol=1e-3):
        raise EngineError(N_('The AHP matrix must have positive entries, 1 on the diagonal and a_ji = 1/a_ij.'))
    if size > max(SAATY_RANDOM_INDEX):
        raise EngineError(N_('The AHP matrix has {count} criteria; at most {limit} are supported.'),
                          count=size, limit=max(SAATY_RANDOM_INDEX))
    eigenvalues, eigenvectors = np.linalg.eig(matrix)
    principal = int(np.argmax(eigenvalues.real))
    vector = np.abs(eigenvectors[:, principal].real)
    lambda_max = float(eigenvalues[principal].real)
    consistency_index = (lambda_max - size) / (size - 1) if size > 2 else 0.0
    random_index = SAATY_RANDOM_INDEX[size]
    ratio = consistency_index / random_index if random_index else 0.0
    return AhpResult(vector / vector.sum(), lambda_max, consistency_index, random_index, ratio)


def normalise(values, direction, eligible):
    """Min-max normalisation of one criterion over the eligible candidates (docs/oecm.md, criterion C).

    n = (v - min) / (max - min) for higher-is-better (``direction`` +1), (max - v) / (max - min) for
    lower-is-better (-1); min and max are taken over eligible candidates with a value. Screened-out
    candidates are normalised on the same scale and clipped to 0..1. Missing values stay NaN. A criterion
    that is constant among eligible candidates gives every candidate CONSTANT_CRITERION_VALUE.
    """
    values = np.asarray(values, dtype=float)
    reference = values[np.asarray(eligible, dtype=bool) & ~np.isnan(values)]
    if reference.size == 0:
        return np.full(values.shape, np.nan)
    low, high = reference.min(), reference.max()
    if high - low <= 1e-12 * max(1.0, abs(high)):
        return np.where(np.isnan(values), np.nan, CONSTANT_CRITERION_VALUE)
    scaled = (values - low) / (high - low)
    if direction < 0:
        scaled = 1.0 - scaled
    return np.clip(scaled, 0.0, 1.0)


def weighted_scores(normalised, weights):
    """Score 0-100 per candidate: 100 * sum_k w_k n_k over criteria columns of ``normalised`` (candidates x
    criteria); a missing criterion value counts as 0 (the worst), so missing data never raises a score."""
    filled = np.nan_to_num(np.asarray(normalised, dtype=float), nan=0.0)
    return 100.0 * filled @ np.asarray(weights, dtype=float)


def ranks(scores, eligible):
    """Competition ranks (1 = best; ties share the better rank) of eligible candidates; 0 for the others."""
    scores = np.asarray(scores, dtype=float)
    eligible = np.asarray(eligible, dtype=bool)
    result = np.zeros(len(scores), dtype=int)
    eligible_scores = scores[eligible]
    result[eligible] = [1 + int(np.sum(eligible_scores > score + 1e-9)) for score in eligible_scores]
    return result


def score_class(score):
    """'high', 'medium' or 'low' for a 0-100 score (thresholds HIGH_SCORE and MEDIUM_SCORE)."""
    if score >= HIGH_SCORE:
        return CLASS_HIGH
    return CLASS_MEDIUM if score >= MEDIUM_SCORE else CLASS_LOW


Scores = namedtuple('Scores', 'normalised score rank classes')
"""Per candidate: normalised criteria (candidates x criteria, 0..1 or NaN), score 0-100 (NaN when screened out),
rank (1 = best, 0 when screened out) and class ('high' / 'medium' / 'low', None when screened out)."""


def score_candidates(values, directions, weights, eligible):
    """Normalise every criterion column of ``values`` (candidates x criteria, NaN = missing), weight and rank them.

    ``directions``: +1 / -1 per criterion; ``weights``: per criterion, summing to 1; ``eligible``: booleans.
    Only eligible candidates get a score, a rank and a class.
    """
    values = np.asarray(values, dtype=float).reshape(len(eligible), len(weights))
    eligible = np.asarray(eligible, dtype=bool)
    normalised = np.column_stack([normalise(values[:, column], directions[column], eligible)
                                  for column in range(values.shape[1])]) if values.shape[1] else values
    score = np.where(eligible, weighted_scores(normalised, weights), np.nan)
    classes = [score_class(value) if keep else None for value, keep in zip(score, eligible)]
    return Scores(normalised, score, ranks(np.nan_to_num(score), eligible), classes)


def study_area(geometries, protected):
    """The rectangle around every candidate and protected polygon: the region when none is given."""
    return box(*unary_union([geometry for geometry in list(geometries) + list(protected)
                             if geometry is not None]).bounds)


def connectivity_gains(candidates, eligible, protected, regions, distance, feedback=None):
    """Connectivity contribution of each eligible candidate (docs/protconn.md): ProtConn of its region with
    the candidate protected minus ProtConn without it, in percentage points of the region's area.

    All geometries are shapely polygons in one metric CRS; a candidate belongs to the region it overlaps most
    (NaN when it overlaps none, is screened out or has no geometry). ``distance``: median dispersal distance
    in metres (probability 0.5). ``feedback``: an optional engine.feedback.Feedback (a cancel raises
    messages.Canceled). Each region's network is settled once for all its candidates
    (connectivity.protconn_with_each_addition), not rebuilt per candidate.
    """
    feedback = ensure_feedback(feedback)
    gains = np.full(len(candidates), np.nan)
    members = _home_regions(candidates, eligible, regions)
    done, total = 0, max(sum(len(indices) for indices in members.values()), 1)
    for home, indices in sorted(members.items()):
        feedback.check()
        feedback.report(done / total)
        base = connectivity.protconn(protected, regions[home], distance=distance)['protconn']
        added = connectivity.protconn_with_each_addition(
            protected, [candidates[index] for index in indices], regions[home], distance=distance,
            feedback=feedback.part(done / total, (done + len(indices)) / total))
        gains[indices] = added - base
        done += len(indices)
    return gains


def _home_regions(candidates, eligible, regions):
    """``{region index: [candidate indices]}``: each eligible candidate with a geometry in the region it overlaps
    most; candidates overlapping no region are left out."""
    members = {}
    for index, candidate in enumerate(candidates):
        if candidate is None or not eligible[index]:
            continue
        overlaps = [candidate.intersection(region).area for region in regions]
        if overlaps and max(overlaps) > 0:
            members.setdefault(int(np.argmax(overlaps)), []).append(index)
    return members
