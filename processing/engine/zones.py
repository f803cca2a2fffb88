"""Zone classes of a biosphere reserve (docs/zoning.md): the one place the codes live.

Field ``zone`` holds the text code, ``zone_code`` the integer; display names are translated by the adapters.
"""

from .messages import N_

CORE = 'core'
BUFFER = 'buffer'
TRANSITION = 'transition'

ZONE_CODES = {CORE: 1, BUFFER: 2, TRANSITION: 3}
ZONE_BY_CODE = {code: zone for zone, code in ZONE_CODES.items()}
ZONE_DISPLAY_NAMES = {CORE: N_('Core area'), BUFFER: N_('Buffer zone'), TRANSITION: N_('Transition area')}

ZONE_NAMES = {
    '核心区': CORE, '缓冲区': BUFFER, '实验区': TRANSITION,
    'kernzone': CORE, 'pflegezone': BUFFER, 'entwicklungszone': TRANSITION,
}
"""Other names of the three zones (Chinese 1994 regulations, German Biosphärenreservate), lower case: every
algorithm reads zone values through normalise_zone, so they are recognised everywhere alike."""

ZONE_FIELD = 'zone'
ZONE_CODE_FIELD = 'zone_code'
AREA_FIELD = 'area_ha'


def normalise_zone(value):
    """The zone code ('core', 'buffer', 'transition') for a text or integer value, or None if unknown.

    Accepts the codes, their integers (1/2/3, also as text), the names in ZONE_NAMES and any capitalisation.

    >>> normalise_zone(' Core '), normalise_zone('2'), normalise_zone(3.0), normalise_zone('park')
    ('core', 'buffer', 'transition', None)
    """
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in ZONE_CODES:
        return text
    if text in ZONE_NAMES:
        return ZONE_NAMES[text]
    try:
        return ZONE_BY_CODE.get(int(float(text)))
    except ValueError:
        return None
