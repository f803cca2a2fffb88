"""Weights of criteria or factors for the adapters: direct weights or an AHP pairwise matrix, logged the same way
by every algorithm that takes them (scoreoecm, resistancesurface). Engine: engine.scoring."""

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from .engine import scoring


def tr(text):
    return QCoreApplication.translate('ReservePlannerWeights', text)


def weights_from(weights_text, matrix_text, count, feedback):
    """(weights summing to 1, AhpResult or None) from the AHP matrix text when given, else the weights text
    ("w1,w2,..."; empty = equal). Raises EngineError (malformed text) or QgsProcessingException (wrong size)."""
    if not matrix_text or not matrix_text.strip():
        return scoring.parse_weights(weights_text, count), None
    matrix = scoring.parse_matrix(matrix_text)
    if matrix.shape[0] != count:
        raise QgsProcessingException(
            tr('The AHP matrix has {size} rows but there are {count} criteria; give one row and one column per '
               'criterion, in the criteria order.').format(size=matrix.shape[0], count=count))
    if weights_text and weights_text.strip():
        feedback.pushWarning(tr('Both WEIGHTS and AHP_MATRIX were given: the AHP weights are used.'))
    ahp = scoring.ahp_weights(matrix)
    feedback.pushInfo(tr('AHP weights: {weights}; lambda_max {lam:.3f}, CI {ci:.3f}, RI {ri:.2f}, CR {cr:.3f}.')
                      .format(weights=', '.join('{:.3f}'.format(value) for value in ahp.weights),
                              lam=ahp.lambda_max, ci=ahp.consistency_index, ri=ahp.random_index,
                              cr=ahp.consistency_ratio))
    if ahp.consistency_ratio > scoring.CONSISTENCY_LIMIT:
        feedback.pushWarning(tr('The AHP judgements are inconsistent (CR {cr:.3f} > 0.1): revise the pairwise '
                                'comparisons.').format(cr=ahp.consistency_ratio))
    return ahp.weights, ahp
