"""Corridor algorithms: Linkage Mapper's corridor network between core areas (docs/costdistance.md).

Adapter only: the cores are read in the resistance raster's CRS (qgis_io), engine.corridors computes,
links and corridor polygons are written in the core layer's CRS, the corridor raster on the resistance grid.
"""


from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..compat import GeometryType, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from .. import qgis_io
from ..corridor_io import (
    CoreParameters, add_core_parameters, core_inputs, null_if_nan, read_cores,
    style_raster_on_load, write_on_grid,
)
from ..engine import corridors, link_selection
from ..resistance import ResistanceGrid
from .base import ReservePlannerAlgorithm, keywords

LINK_METRICS = ('euc_dist', 'cwd', 'lcp_length', 'cwd_euc_ratio', 'cwd_path_ratio')


PARALLEL_MIN_CELLS = 250_000
"""Raster cells below which a cost pass takes less time than starting a worker process (about half a second,
measured here): smaller rasters run in one process."""


tr = qgis_io.translator('ReservePlannerCorridors')


class CorridorNetworkAlgorithm(CoreParameters, ReservePlannerAlgorithm):
    """Least-cost links, paths and normalised corridors between core areas, as Linkage Mapper maps them."""

    ALGORITHM_ID = 'corridornetwork'
    GROUP_ID = 'corridors'
    ICON = 'corridornetwork.svg'

    MAX_NEIGHBORS = 'MAX_NEIGHBORS'
    MAX_CWD = 'MAX_CWD'
    DROP_THROUGH_CORES = 'DROP_THROUGH_CORES'
    WIDTH_CUTOFF = 'WIDTH_CUTOFF'
    ADJACENCY = 'ADJACENCY'
    NEIGHBOR_METRIC = 'NEIGHBOR_METRIC'
    MAX_EUCLIDEAN = 'MAX_EUCLIDEAN'
    CONNECT_CONSTELLATIONS = 'CONNECT_CONSTELLATIONS'
    BOUNDING_CIRCLE_BUFFER = 'BOUNDING_CIRCLE_BUFFER'
    OUTPUT_LINKS = 'OUTPUT_LINKS'
    OUTPUT_CORRIDORS = 'OUTPUT_CORRIDORS'
    OUTPUT_CORRIDOR_POLYGONS = 'OUTPUT_CORRIDOR_POLYGONS'

    ADVANCED = (ADJACENCY, NEIGHBOR_METRIC, MAX_EUCLIDEAN, CONNECT_CONSTELLATIONS, BOUNDING_CIRCLE_BUFFER,
                DROP_THROUGH_CORES, WIDTH_CUTOFF)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Corridor network')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Least-cost links, paths and corridors between core areas, as Linkage Mapper.')

    def tags(self):
        return keywords(self.tr('corridor,Linkage Mapper,least-cost path,least-cost '
                                'corridor,connectivity,ecological network,core'))

    def summary(self):
        return [
            self.tr('Maps the ecological corridors between core areas the way Linkage Mapper does, inside QGIS: '
                    'least-cost links between neighbouring cores, their least-cost paths, and normalised '
                    'least-cost corridors.'),
            self.tr('Costs are in cost-weighted metres (resistance x metres), accumulated over 8 neighbours as '
                    'the Cost distance algorithm does.'),
            self.tr('Outputs, in the CRS of the core layer: the links (from_id, to_id, euc_dist, cwd, lcp_length, '
                    'cwd_euc_ratio, cwd_path_ratio), the corridor raster and optionally the corridor polygons.'),
        ]

    def parameter_help(self):
        return {
            self.CORES: [
                self.tr('Polygons; a raster cell belongs to a core when its centre lies inside it (a core smaller '
                        'than a cell takes the cells it touches); the part of a core outside the raster is '
                        'ignored.'),
                self.tr('Cores in another CRS than the raster are reprojected.'),
            ],
            self.CORE_ID_FIELD: [
                self.tr('Identifies each core in the outputs; ids must be set and unique.'),
            ],
            self.RESISTANCE: [
                self.tr('Band 1 is the cost of crossing a cell per metre; nodata and values <= 0 are barriers.'),
                self.tr('A raster that is not in a projected CRS in metres is warped to a local projected CRS for '
                        'the run, with a warning.'),
            ],
            self.ADJACENCY: [
                self.tr('Which pairs of cores are candidate links: every pair, or only cores whose cost-weighted '
                        'allocation zones touch (each cell allocated to the core it is cheapest to reach from), '
                        'whose Euclidean allocation zones touch, or either, as in Linkage Mapper.'),
            ],
            self.MAX_EUCLIDEAN: [
                self.tr('Metres, 0 = no limit: candidates whose cores lie farther apart, edge to edge, are '
                        'dropped.'),
            ],
            self.MAX_NEIGHBORS: [
                self.tr('Each core is linked to its nearest other cores, by cost-weighted or by Euclidean '
                        'distance; a link is kept when either of its cores chose it (as in Linkage Mapper), so a '
                        'core may have more links than this number.'),
                self.tr('0 keeps every link.'),
            ],
            self.NEIGHBOR_METRIC: [
                self.tr('The distance by which the nearest neighbours are chosen: cost-weighted or Euclidean.'),
            ],
            self.CONNECT_CONSTELLATIONS: [
                self.tr('After the nearest neighbours, groups of linked cores that stay apart are joined by their '
                        'shortest candidate link, shortest first, until no candidate joins two groups.'),
            ],
            self.BOUNDING_CIRCLE_BUFFER: [
                self.tr("Metres, 0 = none: each cost-distance pass runs only inside the circles around its core's "
                        "candidate pairs (the circle around both cores' bounding boxes, widened by this buffer), "
                        'as Linkage Mapper does for speed.'),
                self.tr('Corridors are cut at the circle of their pair.'),
            ],
            self.MAX_CWD: [
                self.tr('Cost-weighted metres: longer links are dropped; empty or 0 means no limit.'),
            ],
            self.DROP_THROUGH_CORES: [
                self.tr('A link whose least-cost path crosses a third core is dropped, since that core already '
                        'connects the two.'),
            ],
            self.WIDTH_CUTOFF: [
                self.tr('Cost-weighted metres (default 200000 as in Linkage Mapper): cells whose normalised '
                        'corridor value exceeds it are left out of the corridors.'),
            ],
            self.OUTPUT_LINKS: [
                self.tr('One line per kept link, its least-cost path from the first core to the second.'),
                self.tr('euc_dist: Euclidean distance in metres between the edges of the two cores; cwd: '
                        'cost-weighted distance of the path; lcp_length: length of the path in metres.'),
                self.tr('cwd_euc_ratio: cwd / euc_dist (empty for cores that touch); cwd_path_ratio: cwd / '
                        'lcp_length, the mean resistance met along the path.'),
            ],
            self.OUTPUT_CORRIDORS: [
                self.tr('The normalised least-cost corridor CWD_A + CWD_B - LCD_AB of each link, the smallest '
                        'over all links, in cost-weighted metres: 0 along each least-cost path, growing away from '
                        'it; nodata beyond the width cutoff.'),
            ],
            self.OUTPUT_CORRIDOR_POLYGONS: [
                self.tr('For each link, the cells of its own corridor within the width cutoff, with from_id and '
                        'to_id (corridors of different links may overlap).'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        add_core_parameters(self)
        self.addParameter(QgsProcessingParameterRasterLayer(self.RESISTANCE, self.tr('Resistance raster')))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_NEIGHBORS, self.tr('Maximum nearest neighbours per core (0 = all)'),
            ProcessingNumberParameterType.Integer, defaultValue=corridors.DEFAULT_MAX_NEIGHBORS, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_CWD, self.tr('Maximum cost-weighted distance of a link (cost-weighted m; 0 = no limit)'),
            ProcessingNumberParameterType.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DROP_THROUGH_CORES, self.tr('Drop links whose least-cost path crosses a third core'),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WIDTH_CUTOFF, self.tr('Corridor width cutoff (cost-weighted m)'),
            ProcessingNumberParameterType.Double, defaultValue=corridors.DEFAULT_WIDTH_CUTOFF, minValue=0.0))
        self.add_selection_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINKS, self.tr('Links'), ProcessingSourceType.VectorLine))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CORRIDORS, self.tr('Corridors (normalised least-cost corridors)')))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CORRIDOR_POLYGONS, self.tr('Corridor polygons'), ProcessingSourceType.VectorPolygon))

    def add_selection_parameters(self):
        """Linkage Mapper's link selection options, after the basic ones."""
        self.addParameter(QgsProcessingParameterEnum(
            self.ADJACENCY, self.tr('Candidate links (adjacency)'),
            [self.tr('All pairs of cores'), self.tr('Cost-weighted allocation zones touch'),
             self.tr('Euclidean allocation zones touch'), self.tr('Cost-weighted or Euclidean zones touch')],
            defaultValue=link_selection.ALL_PAIRS))
        self.addParameter(QgsProcessingParameterEnum(
            self.NEIGHBOR_METRIC, self.tr('Nearest neighbours measured by'),
            [self.tr('Cost-weighted distance'), self.tr('Euclidean distance')], defaultValue=link_selection.BY_COST))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_EUCLIDEAN, self.tr('Maximum Euclidean distance between linked cores (m; 0 = no limit)'),
            ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONNECT_CONSTELLATIONS, self.tr('Connect constellations (groups of cores left apart)'),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.BOUNDING_CIRCLE_BUFFER, self.tr('Bounding circle buffer (m; 0 = whole raster)'),
            ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0))

    def selection_options(self, parameters, context):
        """The engine's link selection options (LinkOptions fields) from the parameters."""
        max_cwd = None
        if parameters.get(self.MAX_CWD) not in (None, ''):
            max_cwd = self.parameterAsDouble(parameters, self.MAX_CWD, context) or None
        return {
            'max_neighbors': self.parameterAsInt(parameters, self.MAX_NEIGHBORS, context),
            'max_cwd': max_cwd,
            'drop_through_cores': self.parameterAsBoolean(parameters, self.DROP_THROUGH_CORES, context),
            'adjacency': self.parameterAsEnum(parameters, self.ADJACENCY, context),
            'neighbor_metric': self.parameterAsEnum(parameters, self.NEIGHBOR_METRIC, context),
            'max_euclidean': self.parameterAsDouble(parameters, self.MAX_EUCLIDEAN, context) or None,
            'connect_constellations': self.parameterAsBoolean(parameters, self.CONNECT_CONSTELLATIONS, context),
            'circle_buffer': self.parameterAsDouble(parameters, self.BOUNDING_CIRCLE_BUFFER, context) or None,
        }

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source, label, id_field, layer = core_inputs(self, parameters, context)
        options = self.selection_options(parameters, context)
        options['width_cutoff'] = self.parameterAsDouble(parameters, self.WIDTH_CUTOFF, context)
        corridors_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CORRIDORS, context)

        output_crs = source.sourceCrs()
        resistance = ResistanceGrid(layer, context, feedback, sources=[source])
        work_crs = resistance.crs
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        cores, core_ids = read_cores(source, label, id_field, work_crs, context, steps)
        steps.setCurrentStep(1)
        executor = qgis_io.engine_executor(feedback, corridors.PASS_BYTES_PER_CELL * resistance.grid.array.size,
                                           small=resistance.grid.array.size < PARALLEL_MIN_CELLS)
        with qgis_io.engine_errors():
            network = corridors.corridor_network(
                resistance.grid, [item.geometry for item in cores], core_ids, feedback=qgis_io.engine_feedback(steps),
                workdir=QgsProcessingUtils.tempFolder(), executor=executor, **options)
        self.report(network, feedback)

        write_on_grid(corridors_path, resistance, network.corridors)
        id_definition = source.fields().field(id_field)
        results = {self.OUTPUT_CORRIDORS: corridors_path}
        results[self.OUTPUT_LINKS] = self.write_links(
            parameters, context, network.links, id_definition, (work_crs, output_crs))
        results[self.OUTPUT_CORRIDOR_POLYGONS] = self.write_corridor_polygons(
            parameters, context, network.links, id_definition, (work_crs, output_crs))
        style_raster_on_load(context, corridors_path, 'corridors')
        return results

    @staticmethod
    def report(network, feedback):
        feedback.pushInfo(tr('{count} links kept.').format(count=len(network.links)))
        if network.through_core:
            pairs = ', '.join('{} - {}'.format(first, second) for first, second in network.through_core)
            feedback.pushInfo(tr('Dropped because their least-cost path crosses a third core: {pairs}.').format(
                pairs=pairs))
        if network.partly_outside:
            feedback.pushWarning(tr('Cores reaching beyond the resistance raster, of which only the part on the raster '
                                    'is used: {cores}.').format(
                cores=', '.join(str(core_id) for core_id in network.partly_outside)))
        if network.isolated:
            feedback.pushWarning(tr('Cores without any link (unreachable, adjacent to no other core, beyond the '
                                    'maximum cost-weighted or Euclidean distance, or only reachable through other '
                                    'cores): {cores}.').format(
                cores=', '.join(str(core_id) for core_id in network.isolated)))

    @staticmethod
    def id_fields(id_definition):
        """from_id and to_id, of the type of the core id field."""
        fields = QgsFields()
        for name in ('from_id', 'to_id'):
            field = QgsField(id_definition)
            field.setName(name)
            fields.append(field)
        return fields

    def write_links(self, parameters, context, links, id_definition, crs_pair):
        fields = self.id_fields(id_definition)
        for name in LINK_METRICS:
            fields.append(qgis_io.double_field(name))
        rows = [(link.path, [link.from_id, link.to_id] + [null_if_nan(getattr(link, name)) for name in LINK_METRICS])
                for link in links]
        sink = OutputSink(self, parameters, context, self.OUTPUT_LINKS, crs_pair)
        return sink.write(fields, WkbType.LineString, rows, 'corridor_links')

    def write_corridor_polygons(self, parameters, context, links, id_definition, crs_pair):
        rows = [(link.corridor, [link.from_id, link.to_id]) for link in links]
        sink = OutputSink(self, parameters, context, self.OUTPUT_CORRIDOR_POLYGONS, crs_pair)
        return sink.write(self.id_fields(id_definition), WkbType.MultiPolygon, rows, 'corridor_polygons')


class OutputSink:
    """One feature sink output of an algorithm, fed shapely geometries in the work CRS."""

    def __init__(self, algorithm, parameters, context, name, crs_pair):
        self.algorithm, self.parameters, self.context, self.name = algorithm, parameters, context, name
        self.work_crs, self.output_crs = crs_pair

    def write(self, fields, wkb_type, rows, style):
        """Write (geometry, attributes) rows, reprojected to the output CRS, styled on load; returns the sink id."""
        sink, dest_id = self.algorithm.parameterAsSink(
            self.parameters, self.name, self.context, fields, wkb_type, self.output_crs)
        if sink is None:
            raise QgsProcessingException(self.algorithm.invalidSinkError(self.parameters, self.name))
        polygons = QgsWkbTypes.geometryType(wkb_type) == GeometryType.Polygon
        for geometry, attributes in rows:
            feature = QgsFeature(fields)
            if polygons:
                output_geometry = qgis_io.output_polygon(geometry, self.work_crs, self.output_crs, self.context)
            else:
                output_geometry = qgis_io.output_line(geometry, self.work_crs, self.output_crs, self.context)
            feature.setGeometry(output_geometry)
            feature.setAttributes(attributes)
            qgis_io.add_feature(sink, feature, self.name)
        qgis_io.style_output_on_load(self.context, dest_id, style)
        return dest_id
