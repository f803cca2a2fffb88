"""Species-area arithmetic (docs/species_area.md, the Half-Earth argument): S = c A^z.

Shares are fractions 0..1 here; the tables give percent. When habitat shrinks from A0 to A the fraction of
species expected to persist is (A / A0)^z; keeping a fraction f of the species needs f^(1/z) of the area.
"""

import pandas as pd

from .messages import EngineError, N_

DEFAULT_Z = 0.25
TYPICAL_Z_VALUES = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


AREA_SHARE_ERROR = N_('The share of habitat must be between 0 and 100 %; it is {value:.2f} %.')
SPECIES_SHARE_ERROR = N_('The share of species must be between 0 and 100 %; it is {value:.2f} %.')


def _check_share(value, template):
    if not 0.0 <= value <= 1.0:
        raise EngineError(template, value=100 * value)


def _check_z(z):
    if not z > 0:
        raise EngineError(N_('The species-area exponent z must be positive; it is {z}.'), z=z)


def persisting_share(area_share, z=DEFAULT_Z):
    """Fraction of species expected to persist when ``area_share`` (0..1) of the habitat remains: share^z.

    >>> round(persisting_share(0.5, 0.25), 3)
    0.841
    """
    _check_share(area_share, AREA_SHARE_ERROR)
    _check_z(z)
    return area_share ** z


def area_needed(species_share, z=DEFAULT_Z):
    """Fraction of the habitat needed to keep ``species_share`` (0..1) of the species: share^(1/z).

    >>> round(area_needed(0.84, 0.25), 3)
    0.498
    """
    _check_share(species_share, SPECIES_SHARE_ERROR)
    _check_z(z)
    return species_share ** (1.0 / z)


def species_area_table(area_share, species_share, z_values=TYPICAL_Z_VALUES):
    """For each z: persisting_pct (species kept by ``area_share`` of the habitat) and area_needed_pct (habitat
    needed to keep ``species_share`` of the species), in percent, one row per z in ascending order."""
    rows = [{'z': float(z), 'persisting_pct': 100.0 * persisting_share(area_share, z),
             'area_needed_pct': 100.0 * area_needed(species_share, z)} for z in sorted(set(z_values))]
    return pd.DataFrame(rows, columns=['z', 'persisting_pct', 'area_needed_pct'])
