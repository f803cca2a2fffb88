"""Sites (KBAs, stopover sites, monitoring points) read from a layer and measured against the cleaned protected areas
(docs/target3.md): shared by sitecoverage and target3report, so that both read and measure sites one way.
The computation is in engine/sites.py.
"""

from collections import namedtuple

from qgis.core import QgsProcessingException

from . import qgis_io
from .engine import geometry as engine_geometry
from .engine import sites as engine

Sites = namedtuple('Sites', 'features geometries groups weights')
"""Sites read for the engine: SourceFeatures (geometry in the working CRS), the geometries, group labels (or None)
and weights (or None)."""


tr = qgis_io.translator('ReservePlannerSites')


def outside_label():
    """The region of a site outside every region."""
    return tr('(outside the regions)')


def read_sites(source, name, id_field, group_field, weight_field, crs, context, feedback):
    """The sites of ``source`` (layer ``name``) in ``crs``: polygons repaired, points as they are; raises naming a
    feature without a usable geometry, and a weight that is NULL, NaN or negative; warns when there is no site."""
    features = []
    for item in qgis_io.read_features(source, crs, context, feedback, max_segment=qgis_io.measure_max_segment(source)):
        geometry, status = item.geometry, None
        if geometry is not None and geometry.geom_type not in engine.POINT_TYPES:
            geometry, status = engine_geometry.repair_polygon(geometry)
        if geometry is None or geometry.is_empty:
            raise QgsProcessingException(tr(
                'Feature {fid} of the sites layer "{layer}" has no usable point or polygon (null, empty or '
                'unrepairable geometry, or a line). Fix or delete it and run again.').format(fid=item.fid, layer=name))
        features.append(item._replace(geometry=geometry, status=status))
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    qgis_io.log_repaired(features, name, feedback)
    qgis_io.warn_if_empty(features, name, feedback)
    groups = None if not group_field else [group_label(item.attributes.get(group_field)) for item in features]
    weights = None if not weight_field else [site_weight(item, weight_field, name, id_field) for item in features]
    return Sites(features, [item.geometry for item in features], groups, weights)


def group_label(value):
    value = qgis_io.attribute_value(value)
    return tr('(no group)') if value is None else str(value)


def site_weight(item, field, layer_name, id_field=None):
    """The weight of one site; raises naming the site (by ``id_field`` when given) when it is not a number >= 0."""
    value = qgis_io.attribute_value(item.attributes.get(field))
    try:
        weight = float(value)
    except (TypeError, ValueError):
        weight = float('nan')
    if not weight >= 0:
        raise QgsProcessingException(tr(
            'Site {site} of the sites layer "{layer}" has no usable weight in field "{field}" ({value}): weights '
            'are numbers >= 0. Fill it in (0 leaves the site out of the weighted share) and run again.').format(
            site=site_name(item, id_field), layer=layer_name, field=field, value=value))
    return weight


def site_name(item, id_field):
    """A site as messages name it: its SITE_ID_FIELD value and feature id, or the feature id."""
    value = qgis_io.attribute_value(item.attributes.get(id_field)) if id_field else None
    return str(item.fid) if value is None else '"{}" (feature {})'.format(value, item.fid)


def measure_sites(sites, pieces, tolerance, region_geometries, region_labels, feedback):
    """engine.site_table of ``sites`` against the protected ``pieces``, each site in the region (of
    ``region_geometries``, labelled ``region_labels``) holding its representative point; None without regions,
    outside_label() for a site outside all of them."""
    with qgis_io.engine_errors():
        percents = engine.site_protected_pct(sites.geometries, pieces, tolerance, qgis_io.engine_feedback(feedback))
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    regions = None
    if region_geometries is not None:
        positions = engine.site_region(sites.geometries, region_geometries)
        regions = [region_labels[position] if position >= 0 else outside_label() for position in positions]
    return engine.site_table(percents, sites.groups, regions, sites.weights)
