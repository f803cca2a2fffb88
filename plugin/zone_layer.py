"""A zoning layer as the Desktop tools edit it: the zone schema, its creation, and clip-on-draw edits.

Every edit goes through the layer's edit buffer inside one edit command, so QGIS's undo/redo
work and nothing reaches the file until the planner saves.
"""

import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..processing.compat import FieldType, GeometryType, make_field
from ..processing import qgis_io
from ..processing.engine import zone_editing
from ..processing.engine.messages import TRANSLATION_CONTEXT
from ..processing.engine.zone_validation import GENERAL
from ..processing.engine.zones import AREA_FIELD, ZONE_CODE_FIELD, ZONE_CODES, ZONE_DISPLAY_NAMES, ZONE_FIELD
from . import geopackage

SQUARE_METRES_PER_HECTARE = 10000.0
ZONES_STYLE_FILE = os.path.join(qgis_io.STYLE_DIR, 'zones.qml')


def tr(text):
    return QCoreApplication.translate('ZoneLayer', text)


def zone_title(zone):
    """The translated display name of a zone code or of the two-zone profile's general control zone."""
    if zone == GENERAL:
        return tr('General control zone')
    if zone not in ZONE_DISPLAY_NAMES:
        return zone
    return QCoreApplication.translate(TRANSLATION_CONTEXT, ZONE_DISPLAY_NAMES[zone])


def zone_fields():
    """The zone schema: ``zone`` (text code), ``zone_code`` (1/2/3) and ``area_ha``."""
    fields = QgsFields()
    fields.append(make_field(ZONE_FIELD, FieldType.String, length=20))
    fields.append(make_field(ZONE_CODE_FIELD, FieldType.Int))
    fields.append(make_field(AREA_FIELD, FieldType.Double))
    return fields


def is_zoning_layer(layer):
    """True for a polygon vector layer with a ``zone`` field."""
    return (isinstance(layer, QgsVectorLayer) and layer.isValid()
            and layer.geometryType() == GeometryType.Polygon
            and layer.fields().indexOf(ZONE_FIELD) >= 0)


class MetricArea:
    """Areas in hectares of geometries in ``crs``, measured in ``metric_crs`` (qgis_io.metric_crs_of: equal-area
    centred on the data when ``crs`` is geographic)."""

    def __init__(self, crs, metric_crs):
        self.crs = metric_crs
        self.transform = QgsCoordinateTransform(crs, self.crs, QgsProject.instance().transformContext())

    def to_metric(self, geometry):
        """A copy of the QgsGeometry in the metric CRS, as a shapely geometry."""
        copy = QgsGeometry(geometry)
        copy.transform(self.transform)
        return qgis_io.to_shapely(copy)

    def hectares(self, geometry):
        return self.to_metric(geometry).area / SQUARE_METRES_PER_HECTARE if geometry and not geometry.isNull() else 0.0


def layer_areas(layer):
    """MetricArea for ``layer``, centred on its features (edit buffer included) as the algorithms centre theirs."""
    return MetricArea(layer.crs(), qgis_io.metric_crs_of([layer], layer.crs(), QgsProject.instance()))


def create_zoning_layer(path, crs, boundary=None, name='zones'):
    """Write an empty zoning GeoPackage at ``path`` in ``crs``, styled, and return it as a layer.

    With a ``boundary`` QgsGeometry (in ``crs``) the layer starts with the whole reserve as one
    transition feature, so that the planner draws the core and buffer into it. Raises OSError when the
    file cannot be written, leaving no file behind when the boundary could not be written into it.
    """
    writer = geopackage.polygon_writer(path, name, zone_fields(), crs)
    if boundary is not None and not boundary.isNull():
        feature = QgsFeature(zone_fields())
        feature.setGeometry(_as_multi(boundary))
        area = MetricArea(crs, qgis_io.geometry_metric_crs(boundary, crs, QgsProject.instance())).hectares(boundary)
        feature.setAttributes(['transition', ZONE_CODES['transition'], float(area)])
        if not writer.addFeature(feature):
            error = writer.errorMessage()
            del writer
            os.remove(path)
            raise OSError(tr('Could not write the reserve into the new zoning layer {path}: {error}').format(
                path=path, error=error))
    del writer
    return geopackage.open_layer(path, name, ZONES_STYLE_FILE)


def _as_multi(geometry):
    multi = QgsGeometry(geometry)
    multi.convertToMultiType()
    return multi


def zone_geometries(layer):
    """{feature id: shapely geometry in the layer CRS} of every feature, edit buffer included."""
    return {feature.id(): qgis_io.to_shapely(feature.geometry()) for feature in layer.getFeatures()}


def apply_drawn_zone(layer, drawn, zone, mode, boundary=None):
    """Add the polygon ``drawn`` (QgsGeometry, layer CRS) as ``zone``, clipped against the zones there.

    ``mode`` is zone_editing.NEW_WINS or YIELDS; ``boundary`` an optional QgsGeometry of the reserve.
    All changes form one undoable edit command. Returns the new feature's id, or None when nothing
    of the drawing was left (it yields to zones that cover it). Raises engine EngineError for a shape with no area.
    """
    boundary_shape = qgis_io.to_shapely(boundary) if boundary is not None else None
    edit = zone_editing.clip_new_zone(qgis_io.to_shapely(drawn), zone_geometries(layer), mode, boundary_shape)
    if edit.new_geometry is None:
        return None
    if not layer.isEditable():
        layer.startEditing()
    areas = layer_areas(layer)
    layer.beginEditCommand(tr('Draw {zone}').format(zone=zone_title(zone)))
    try:
        new_id = _write_edit(layer, edit, zone, areas)
    except Exception:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    show_category(layer, zone)
    return new_id


def show_category(layer, zone):
    """Give ``zone`` a category in the layer's categorised renderer when it has none (e.g. the two-zone
    profile's general control zone under zones.qml), drawn like the buffer zone it replaces."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer) or renderer.classAttribute() != ZONE_FIELD:
        return
    if renderer.categoryIndexForValue(zone) >= 0:
        return
    categories = renderer.categories()
    model = renderer.categoryIndexForValue('buffer')
    symbol = categories[model].symbol().clone() if model >= 0 else QgsFillSymbol.createSimple({})
    renderer.addCategory(QgsRendererCategory(zone, symbol, zone_title(zone)))


def _write_edit(layer, edit, zone, areas):
    area_index = layer.fields().indexOf(AREA_FIELD)
    for fid, geometry in edit.changed.items():
        shape = _as_multi(qgis_io.to_qgs(geometry))
        layer.changeGeometry(fid, shape)
        if area_index >= 0:
            layer.changeAttributeValue(fid, area_index, float(areas.hectares(shape)))
    layer.deleteFeatures(edit.removed)
    feature = QgsFeature(layer.fields())
    feature.setGeometry(_as_multi(qgis_io.to_qgs(edit.new_geometry)))
    values = {ZONE_FIELD: zone, ZONE_CODE_FIELD: ZONE_CODES.get(zone),
              AREA_FIELD: float(areas.hectares(feature.geometry()))}
    for name, value in values.items():
        if layer.fields().indexOf(name) >= 0:
            feature.setAttribute(name, value)
    if not layer.addFeature(feature):
        raise OSError(tr('The zoning layer "{layer}" refused the new feature; is it read-only?').format(
            layer=layer.name()))
    return feature.id()


def refresh_edited_areas(layer):
    """Recompute ``area_ha`` of every feature added or reshaped in the edit buffer (before a save)."""
    buffer = layer.editBuffer()
    area_index = layer.fields().indexOf(AREA_FIELD)
    if buffer is None or area_index < 0:
        return
    areas = layer_areas(layer)
    edited = set(buffer.addedFeatures()) | set(buffer.changedGeometries())
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterFids(list(edited))):
        layer.changeAttributeValue(feature.id(), area_index, float(areas.hectares(feature.geometry())))

