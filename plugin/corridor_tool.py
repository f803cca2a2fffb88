"""Corridor drawing: a centre line clicked from one reserve to another becomes a corridor polygon.

The line snaps to the reserves' edges and vertices; the polygon, its length, width, mean resistance and
cost-weighted length come from engine.zone_editing (docs/costdistance.md). With the least-cost option the
drawn line only picks the two reserves and the least-cost path between them replaces it.
"""

import os

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsSnappingConfig,
    QgsSnappingUtils,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from ..processing.compat import (
    FieldType,
    GeometryType,
    MapToolUnit,
    SnappingMode,
    make_field,
    vertex_and_segment_snapping,
)
from ..processing import qgis_io
from ..processing.engine import zone_editing
from ..processing.engine.geometry import repair_polygon
from ..processing.engine.raster import read_window
from . import geopackage
from .capture_tool import CaptureTool

STYLE_FILE = os.path.join(qgis_io.STYLE_DIR, 'corridor_drawn.qml')
SNAP_TOLERANCE_PX = 12
MIN_SEARCH_MARGIN_CELLS = 20
"""Resistance cells the least-cost search reaches beyond the reserves at least, however close they are."""
SQUARE_METRES_PER_HECTARE = 10000.0
DRAWN, LEAST_COST = 'drawn', 'least_cost'

CORRIDOR_FIELDS = (
    ('from_id', FieldType.LongLong), ('to_id', FieldType.LongLong), ('method', FieldType.String),
    ('length_m', FieldType.Double), ('width_m', FieldType.Double), ('area_ha', FieldType.Double),
    ('mean_res', FieldType.Double), ('cost_len', FieldType.Double),
)
"""Corridor layer schema: the reserves' feature ids, 'drawn' or 'least_cost', centre-line length outside
the reserves (m), width (m), area (ha), mean resistance and cost-weighted length (resistance x m; NULL
without a resistance raster)."""


def tr(text):
    return QCoreApplication.translate('CorridorTool', text)


def corridor_fields():
    fields = QgsFields()
    for name, kind in CORRIDOR_FIELDS:
        fields.append(make_field(name, kind))
    return fields


def create_corridor_layer(path, crs, name='corridors'):
    """Write an empty corridor GeoPackage at ``path`` in ``crs`` and return it, styled, as a layer."""
    writer = geopackage.polygon_writer(path, name, corridor_fields(), crs)
    del writer
    return geopackage.open_layer(path, name, STYLE_FILE)


class CorridorSettings:
    """What the planner chose in the dock: layers, width (m) and the least-cost option."""

    def __init__(self, reserves, corridors, width, resistance=None, least_cost=False):
        self.reserves = reserves
        self.corridors = corridors
        self.width = width
        self.resistance = resistance
        self.least_cost = least_cost


class CorridorBuilder:
    """Turns a centre line into a corridor feature, working in a metric CRS centred on the reserves (metric_crs_of).

    Invalid reserves are repaired (geometry.repair_polygon) so that the corridor is cut from their area; a
    reserve with no area, even repaired, cannot be joined.
    """

    def __init__(self, settings):
        self.settings = settings
        reserves = settings.reserves
        self.context = QgsProject.instance().transformContext()
        self.metric_crs = qgis_io.metric_crs_of([reserves], reserves.crs(), QgsProject.instance())
        to_metric = QgsCoordinateTransform(reserves.crs(), self.metric_crs, self.context)
        self.reserve_ids, self.reserve_shapes = [], []
        for feature in reserves.getFeatures():
            geometry = feature.geometry()
            if geometry.isNull():
                continue
            geometry.transform(to_metric)
            shape, _status = repair_polygon(qgis_io.to_shapely(geometry))
            if shape is not None:
                self.reserve_ids.append(feature.id())
                self.reserve_shapes.append(shape)

    def metric(self, geometry, crs):
        """A QgsGeometry in ``crs`` as a shapely geometry in the metric CRS."""
        copy = QgsGeometry(geometry)
        copy.transform(QgsCoordinateTransform(crs, self.metric_crs, self.context))
        return qgis_io.to_shapely(copy)

    def build(self, line, crs, tolerance):
        """The corridor feature for ``line`` (QgsGeometry in ``crs``); raises engine EngineError when it is not one."""
        centre = self.metric(line, crs)
        corridor = zone_editing.corridor_from_line(centre, self.settings.width, self.reserve_shapes, tolerance)
        method = DRAWN
        if self.settings.least_cost and self.settings.resistance is not None:
            centre = self.least_cost_centre(corridor)
            corridor = zone_editing.corridor_from_line(centre, self.settings.width, self.reserve_shapes, tolerance)
            method = LEAST_COST
        cost = self.cost(corridor.centre_line)
        return self.feature(corridor, method, cost)

    def least_cost_centre(self, corridor):
        """The least-cost path (metric CRS) between the two reserves ``corridor`` joins, searched for in the cells
        of zone_editing.least_cost_window round them only, so that it stays quick on the UI thread."""
        raster = self.settings.resistance
        if not qgis_io.is_metric(raster.crs()):
            raise ValueError(tr('The least-cost path needs a resistance raster in a projected CRS in metres; '
                                '"{layer}" is not. Warp it (Raster > Projections > Warp) first.').format(
                layer=raster.name()))
        to_raster = QgsCoordinateTransform(self.metric_crs, raster.crs(), self.context)
        reserves = [self._transformed(self.reserve_shapes[index], to_raster)
                    for index in (corridor.from_index, corridor.to_index)]
        cell = max(raster.rasterUnitsPerPixelX(), raster.rasterUnitsPerPixelY())
        window = zone_editing.least_cost_window(*reserves, min_margin=MIN_SEARCH_MARGIN_CELLS * cell)
        line, _cost = zone_editing.least_cost_line(read_window(raster.source(), window), *reserves)
        return self._transformed(line, to_raster, reverse=True)

    @staticmethod
    def _transformed(shape, transform, reverse=False):
        geometry = qgis_io.to_qgs(shape)
        geometry.transform(transform, Qgis.TransformDirection.Reverse if reverse
                           else Qgis.TransformDirection.Forward)
        return qgis_io.to_shapely(geometry)

    def cost(self, centre_line):
        """CorridorCost of ``centre_line`` (metres) sampled on the resistance raster, or None without one."""
        raster = self.settings.resistance
        if raster is None or centre_line.is_empty:
            return None
        to_raster = QgsCoordinateTransform(self.metric_crs, raster.crs(), self.context)
        cell = min(raster.rasterUnitsPerPixelX(), raster.rasterUnitsPerPixelY())
        if not qgis_io.is_metric(raster.crs()):
            cell *= self._metres_per_unit(to_raster, centre_line)
        xs, ys, lengths = zone_editing.line_samples(centre_line, cell / 2.0)
        provider = raster.dataProvider()
        values = []
        for x, y in zip(xs, ys):
            value, found = provider.sample(to_raster.transform(QgsPointXY(float(x), float(y))), 1)
            values.append(value if found else float('nan'))
        return zone_editing.corridor_cost(values, lengths)

    @staticmethod
    def _metres_per_unit(to_raster, centre_line):
        """Rough metres per raster unit near the line, to sample a geographic raster at half its cell size."""
        start = centre_line.interpolate(0.0)
        a = to_raster.transform(QgsPointXY(start.x, start.y))
        b = to_raster.transform(QgsPointXY(start.x + 1000.0, start.y))
        return 1000.0 / max(a.distance(b), 1e-12)

    def feature(self, corridor, method, cost):
        fields = self.settings.corridors.fields()
        feature = QgsFeature(fields)
        geometry = qgis_io.output_polygon(corridor.polygon, self.metric_crs, self.settings.corridors.crs(),
                                          QgsProject.instance())
        feature.setGeometry(geometry)
        values = {
            'from_id': self.reserve_ids[corridor.from_index], 'to_id': self.reserve_ids[corridor.to_index],
            'method': method, 'length_m': corridor.length, 'width_m': corridor.width,
            'area_ha': corridor.area / SQUARE_METRES_PER_HECTARE,
            'mean_res': cost.mean_resistance if cost else None, 'cost_len': cost.cost_length if cost else None,
        }
        for name, value in values.items():
            if fields.indexOf(name) >= 0:
                feature.setAttribute(name, value)
        return feature, cost


def add_corridor(layer, feature):
    """Add ``feature`` to the corridor ``layer`` as one undoable edit (the layer is put in edit mode)."""
    if not layer.isEditable():
        layer.startEditing()
    layer.beginEditCommand(tr('Draw corridor'))
    if not layer.addFeature(feature):
        layer.destroyEditCommand()
        raise OSError(tr('The corridor layer "{layer}" refused the new feature; is it read-only?').format(
            layer=layer.name()))
    layer.endEditCommand()
    layer.triggerRepaint()


class CorridorTool(CaptureTool):
    """Map tool: click a centre line from reserve to reserve (snapping to the reserves), right click to finish."""

    def __init__(self, canvas):
        super().__init__(canvas, GeometryType.Line, QColor(0, 90, 200))
        self.snapping_utils = QgsSnappingUtils(self)
        self.snapping_utils.setMapSettings(canvas.mapSettings())
        canvas.mapCanvasRefreshed.connect(self._follow_canvas)

    def _follow_canvas(self):
        self.snapping_utils.setMapSettings(self.canvas().mapSettings())

    def set_reserves(self, layer):
        """Snap to the vertices and edges of ``layer`` (or to nothing when None)."""
        config = QgsSnappingConfig()
        config.setMode(SnappingMode.AdvancedConfiguration)
        config.setEnabled(layer is not None)
        if layer is not None:
            config.setIndividualLayerSettings(layer, QgsSnappingConfig.IndividualLayerSettings(
                True, vertex_and_segment_snapping(), SNAP_TOLERANCE_PX, MapToolUnit.Pixels, 0.0, 0.0))
        self.snapping_utils.setConfig(config)
        self.snapping_utils.setMapSettings(self.canvas().mapSettings())

    def snap_tolerance(self, metric_crs, near):
        """SNAP_TOLERANCE_PX at the canvas's current scale as metres of ``metric_crs``: line ends this close to a
        reserve count.

        Measured at ``near`` (QgsPointXY in the canvas CRS) by transforming canvas points that many pixels apart
        east and north of it, so it holds on any canvas (degrees, Web Mercator, feet); the longer of the two
        counts, since the snapping reaches that far on screen in every direction.
        """
        settings = self.canvas().mapSettings()
        span = SNAP_TOLERANCE_PX * settings.mapUnitsPerPixel()
        to_metric = QgsCoordinateTransform(settings.destinationCrs(), metric_crs, QgsProject.instance())
        centre = to_metric.transform(near)
        return max(centre.distance(to_metric.transform(QgsPointXY(near.x() + span, near.y()))),
                   centre.distance(to_metric.transform(QgsPointXY(near.x(), near.y() + span))))
