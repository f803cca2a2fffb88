"""Processing helpers shared by the algorithms that read protected areas (protectedcoverage, habitatcoverage,
sitecoverage, target3report, scoreoecm, selectoecm, prioritize): the PROTECTED parameter with the WDPA cleaning
switches (docs/coverage.md), the equal-area working CRS, regions grouped by a field, species ranges and habitat
rasters, the species-area report section, and DataFrame rows written to sinks. Not an algorithm module:
algorithm modules import it, never each other.
"""

from collections import namedtuple

import numpy as np

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterMultipleLayers,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime
from shapely.ops import unary_union

from .compat import GeometryType, ProcessingSourceType
from . import qgis_io
from .qgis_io import attribute_value, measure_max_segment, python_value
from .engine import coverage as engine
from .engine import species_area
from .engine.geographic import split_at_antimeridian
from .engine.regions import require_disjoint_regions

tr = qgis_io.translator('ReservePlannerCoverage')


REPORT_SPECIES_SHARE = 0.9
"""The share of species the coverage report says how much habitat it needs."""


def write_rows(sink, fields, frame, output_name, geometries=None):
    """Write one feature per DataFrame row (columns in ``fields`` order), numpy scalars converted."""
    for position, row in enumerate(frame.itertuples(index=False)):
        feature = QgsFeature(fields)
        feature.setAttributes([python_value(value) for value in row])
        if geometries is not None:
            feature.setGeometry(geometries[position])
        qgis_io.add_feature(sink, feature, output_name)


class ProtectedAreasInput:
    """Parameters and reading of PROTECTED with the WDPA cleaning switches (docs/coverage.md).

    A mixin: it translates with the module's ``tr`` (context ReservePlannerCoverage), never ``self.tr``.
    """

    PROTECTED = 'PROTECTED'
    STATUS_FILTER = 'STATUS_FILTER'
    EXCLUDE_MAB = 'EXCLUDE_MAB'
    POINTS_AS_CIRCLES = 'POINTS_AS_CIRCLES'
    REPAIR = 'REPAIR'
    DISSOLVE = 'DISSOLVE'

    ADVANCED = (STATUS_FILTER, EXCLUDE_MAB, POINTS_AS_CIRCLES, REPAIR, DISSOLVE)

    def protected_help(self):
        """Help of PROTECTED and the cleaning switches (docs/coverage.md)."""
        return {
            self.PROTECTED: [
                tr('One or more layers: WDPA-like polygons, points with REP_AREA in km2, or your own layers.'),
                tr('A layer with a "zone" field (a Reserve Planner zoning layer) counts only its core zones.'),
                tr('A layer without STATUS, DESIG_ENG or STATUS_YR skips the cleaning step that needs the field; '
                   'the log says so, and what every step removed or changed.'),
            ],
            self.STATUS_FILTER: [tr('Keep only protected areas whose STATUS is Designated, Inscribed or '
                                    'Established, as Protected Planet does.')],
            self.EXCLUDE_MAB: [tr('Drop UNESCO-MAB Biosphere Reserves (DESIG_ENG mentions "UNESCO-MAB" or '
                                  '"Biosphere Reserve"): their buffer and transition zones are not protected.')],
            self.POINTS_AS_CIRCLES: [tr('Points without a reported area are dropped; the others become circles of '
                                        'radius sqrt(REP_AREA x 1e6 / pi) m.')],
            self.REPAIR: [tr('Repair invalid geometries before measuring them.')],
            self.DISSOLVE: [tr('Count overlapping protected areas once.')],
        }

    def add_protected_parameter(self):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.PROTECTED, tr('Protected areas (polygons, and points with REP_AREA)'),
            ProcessingSourceType.VectorAnyGeometry))

    def add_cleaning_parameters(self, names=None):
        """The cleaning switches ``names`` (all of them when None), on by default (advanced: see ADVANCED)."""
        switches = (
            (self.STATUS_FILTER, tr('Keep only STATUS Designated, Inscribed or Established')),
            (self.EXCLUDE_MAB, tr('Exclude UNESCO-MAB Biosphere Reserves (zoning layers: core zones only)')),
            (self.POINTS_AS_CIRCLES, tr('Turn points with a reported area into circles of that area')),
            (self.REPAIR, tr('Repair invalid geometries')),
            (self.DISSOLVE, tr('Count overlaps once (dissolve)')),
        )
        for name, description in switches:
            if names is None or name in names:
                self.addParameter(QgsProcessingParameterBoolean(name, description, defaultValue=True))

    def protected_layers(self, parameters, context):
        layers = [layer for layer in self.parameterAsLayerList(parameters, self.PROTECTED, context)
                  if isinstance(layer, QgsVectorLayer)]
        if not layers:
            raise QgsProcessingException(
                tr('No protected-area layer was given: choose one or more vector layers for PROTECTED.'))
        for layer in layers:
            if layer.geometryType() == GeometryType.Line:
                raise QgsProcessingException(tr(
                    'Layer "{layer}" holds lines, but protected areas are polygons (or points with a reported area, '
                    'REP_AREA). Choose a polygon layer and run again.').format(layer=qgis_io.layer_label(layer)))
        return layers

    def cleaning_options(self, parameters, context):
        """engine.CleaningOptions of the switches declared (add_cleaning_parameters); the others are on."""
        return engine.CleaningOptions(*(
            self.parameterAsBool(parameters, name, context) if self.parameterDefinition(name) is not None else True
            for name in (self.STATUS_FILTER, self.EXCLUDE_MAB, self.POINTS_AS_CIRCLES, self.REPAIR, self.DISSOLVE)))

    def clean_and_flatten(self, layers, crs, options, by_year, context, feedback, by_category=False, labels=None):
        """Read, clean and dissolve the protected areas of ``layers`` (vector layers or feature sources, named
        ``labels`` in the log, qgis_io.layer_label by default) in ``crs`` (metric equal-area); with ``by_category``
        also erase them in wdpar's IUCN category order (engine.flatten).
        Returns (engine.Flattened, list of translated summary lines, logged); raises qgis_io.cancelled() when
        cancelled."""
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        polygons, notes = self.clean(layers, crs, options, context, steps, labels)
        steps.setCurrentStep(1)
        flattened = flatten(polygons, options, by_year, steps, by_category)
        return flattened, log_cleaning(notes, polygons, flattened, options, feedback)

    def clean(self, layers, crs, options, context, feedback, labels=None):
        """Read and clean, not dissolve, the protected areas of ``layers`` (as clean_and_flatten). Returns (list of
        engine.DatedPolygon, each with its origin (index in ``layers``, feature id), list of engine.Note), logged by
        log_cleaning; raises qgis_io.cancelled() when cancelled."""
        steps = QgsProcessingMultiStepFeedback(len(layers) + 1, feedback)
        labels = labels or [qgis_io.layer_label(layer) for layer in layers]
        inputs = []
        for index, (layer, label) in enumerate(zip(layers, labels)):
            steps.setCurrentStep(index)
            fields = wdpa_fields(layer)
            features = qgis_io.read_features(layer, crs, context, steps, list(fields), measure_max_segment(layer))
            areas = [engine.ProtectedArea(item.fid, item.geometry, {
                fields[name]: wdpa_value(value) for name, value in item.attributes.items()}) for item in features]
            inputs.append(engine.ProtectedLayer(label, set(fields.values()), areas))
        steps.setCurrentStep(len(layers))
        with qgis_io.engine_errors():
            polygons, notes = engine.clean_protected_areas(inputs, options, qgis_io.engine_feedback(steps))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        return polygons, notes


def flatten(polygons, options, by_year, feedback, by_category=False):
    """engine.flatten of the cleaned ``polygons`` (dissolved when ``options.dissolve``); raises
    qgis_io.cancelled() when cancelled."""
    with qgis_io.engine_errors():
        flattened = engine.flatten(polygons, options.dissolve, by_year, qgis_io.engine_feedback(feedback),
                                   by_category)
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    return flattened


def log_cleaning(notes, polygons, flattened, options, feedback):
    """Log the cleaning ``notes`` and the overlap note of ``polygons`` flattened into ``flattened`` (warnings for
    engine.WARNING_TEMPLATES, information otherwise); returns the translated lines."""
    notes = notes + [engine.overlap_note(polygons, flattened, options.dissolve)]
    summary = [qgis_io.engine_message(item) for item in notes]
    for item, line in zip(notes, summary):
        (feedback.pushWarning if item.template in engine.WARNING_TEMPLATES else feedback.pushInfo)(line)
    return summary


def wdpa_value(value):
    """A WDPA attribute as a plain Python value (attribute_value), a date or date-time (STATUS_YR in a date field)
    as a datetime.date (None when not valid), which engine.establishment_year reads."""
    value = attribute_value(value)
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    return value


def wdpa_fields(layer):
    """The layer's WDPA fields whatever their case (status, Status_Yr...): {name in the layer: WDPA name}."""
    canonical = {name.lower(): name for name in engine.WDPA_FIELDS}
    return {name: canonical[name.lower()] for name in layer.fields().names() if name.lower() in canonical}


def equal_area_crs(sources, context):
    """(A Lambert azimuthal equal-area CRS centred on all ``sources`` (docs/coverage.md), the first's CRS, the
    extent of all of them in that CRS: in degrees, across the antimeridian when the data lies on both sides of it,
    qgis_io.wrapped_extent)."""
    first_crs = sources[0].sourceCrs()
    centre = qgis_io.data_centre(sources, context)
    extent = qgis_io.combined_extent(sources, first_crs, context)
    if first_crs.isGeographic() and extent.width() > 180.0:
        wrapped = qgis_io.wrapped_extent(sources, first_crs, centre.x(), context)
        if wrapped.width() < extent.width():  # data circling a pole spans every longitude either way
            extent = wrapped
    if extent.isNull():
        extent = QgsRectangle(0, 0, 0, 0)
    return qgis_io.local_crs_at(centre), first_crs, extent


def add_species_area_section(report, coverage_percent, target_percent):
    """The species-area table (docs/species_area.md) for the current coverage and for the target."""
    current = species_area.species_area_table(min(coverage_percent, 100.0) / 100.0, REPORT_SPECIES_SHARE)
    at_target = species_area.species_area_table(target_percent / 100.0, REPORT_SPECIES_SHARE)
    table = current[['z', 'persisting_pct']].copy()
    table['target_pct'] = at_target['persisting_pct']
    table['area_needed_pct'] = current['area_needed_pct']
    report.heading(tr('Species expected to persist (species-area relationship)'))
    report.paragraph(tr('If only the protected habitat remained, the share of species expected to persist would '
                        'be (protected share)^z, from the species-area relationship S = c A^z (z is about 0.25).'))
    report.table(table, columns={
        'z': 'z', 'persisting_pct': tr('Species persisting at {:.1f} % (%)').format(coverage_percent),
        'target_pct': tr('Species persisting at {:.1f} % (%)').format(target_percent),
        'area_needed_pct': tr('Habitat needed to keep {:.0f} % of the species (%)').format(100 * REPORT_SPECIES_SHARE)})


Region = namedtuple('Region', 'key geometry output_geometry label')
"""A region: its REGION_FIELD value, shapely geometry in the equal-area CRS, QgsGeometry in the output CRS, label."""


def group_regions(features, field_name):
    """The features of one region together: [(key, id of its first feature, [geometries])] in reading order.

    The key is the REGION_FIELD value (the feature id as text without a field), so the parts of a multi-part
    ecoregion form one region (docs/coverage.md: representativeness counts regions, not polygons). A
    feature whose key is NULL is a region of its own, never merged with another.
    """
    grouped = {}
    for item in features:
        key = attribute_value(item.attributes.get(field_name)) if field_name else str(item.fid)
        group = ('feature', item.fid) if key is None else ('key', key)
        grouped.setdefault(group, (key, item.fid, []))[2].append(item.geometry)
    return list(grouped.values())


def read_regions(source, name, field_name, crs, first_crs, extent, context, feedback):
    """Regions of the layer ``name`` (``source``, grouped by ``field_name``) with their geometry in ``crs`` and in the
    output CRS; without REGIONS (``source`` None) the protected ``extent`` (in ``first_crs``)."""
    if source is None:
        rectangle = QgsGeometry.fromRect(extent).densifyByCount(64)
        geometry = qgis_io.to_shapely(qgis_io.transform_geometry(qgis_io.to_shapely(rectangle), first_crs, crs,
                                                                  context))
        if first_crs.isGeographic() and (extent.xMinimum() < -180.0 or extent.xMaximum() > 180.0):
            rectangle = qgis_io.to_qgs(split_at_antimeridian(qgis_io.to_shapely(rectangle)))
        label = tr('Extent of the protected areas')
        return [Region(label, geometry, rectangle, label)]
    features = qgis_io.read_polygons(source, name, crs, context, feedback, measure_max_segment(source))
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    if not features:
        raise QgsProcessingException(tr(
            'The regions layer "{layer}" has no features: choose a layer with the regions to measure, or leave '
            'REGIONS empty to measure the extent of the protected areas.').format(layer=name))
    qgis_io.require_geometries(features, name)
    regions = []
    for key, fid, parts in group_regions(features, field_name):
        geometry = unary_union(parts) if len(parts) > 1 else parts[0]
        output_geometry = qgis_io.output_polygon(geometry, crs, source.sourceCrs(), context, max_segment=None)
        regions.append(Region(key, geometry, output_geometry, str(fid) if key is None else str(key)))
    with qgis_io.engine_errors():
        require_disjoint_regions([region.geometry for region in regions], [region.label for region in regions],
                                 name)
    return regions


def multipolygon(geometry):
    """A copy of the QgsGeometry ``geometry`` as a multi-part geometry (the coverage outputs are MultiPolygon)."""
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    return geometry


Ranges = namedtuple('Ranges', 'names geometries groups')
"""Species ranges read once: the species' names (sorted), their ranges (shapely, each species' features merged, in
the working equal-area CRS) and their groups, in that order."""


def read_ranges(source, name, species_field, group_field, crs, context, feedback):
    """The Ranges of the range polygons of ``source`` (layer ``name``) in ``crs``; raises naming a feature without a
    species name."""
    features = qgis_io.read_polygons(source, name, crs, context, feedback, measure_max_segment(source))
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    qgis_io.warn_if_empty(features, name, feedback)
    qgis_io.require_geometries(features, name)
    ranges, groups = {}, {}
    for item in features:
        species = attribute_value(item.attributes.get(species_field))
        if species is None or not str(species).strip():
            raise QgsProcessingException(tr(
                'Feature {fid} of layer "{layer}" has no species name in field "{field}": fill it in or filter '
                'the layer, then run again.').format(fid=item.fid, layer=name, field=species_field))
        ranges.setdefault(str(species), []).append(item.geometry)
        group = attribute_value(item.attributes.get(group_field)) if group_field else None
        groups.setdefault(str(species), tr('(no group)') if group is None else str(group))
    names = sorted(ranges)
    return Ranges(names, [unary_union(ranges[species]) for species in names], [groups[species] for species in names])


def range_species(ranges, flattened, boundary, feedback):
    """engine.species_table of the Ranges ``ranges`` (one row per species) against the protected pieces of
    ``flattened``, inside ``boundary`` (shapely, the ranges' CRS; None: everywhere)."""
    with qgis_io.engine_errors():
        range_km2, protected_km2, whole_km2 = engine.range_coverage(ranges.geometries, flattened.pieces, boundary,
                                                                    qgis_io.engine_feedback(feedback))
    return engine.species_table(ranges.names, ranges.groups, range_km2, protected_km2, whole_km2)


def raster_group_name(text):
    """The group of the habitat rasters: ``text``, or "Habitat rasters" when it is empty."""
    return text or tr('Habitat rasters')


def empty_raster_message(layer):
    """The warning for a habitat raster without any habitat cell."""
    return tr('The habitat raster "{layer}" has no habitat cell (every cell is nodata or 0): it still counts as a '
              'species, with no habitat. Check the raster, or leave it out of HABITAT_RASTERS.').format(
        layer=qgis_io.layer_label(layer))


def raster_species(rasters, group, units, boundaries, crs, context, feedback, with_union=False):
    """([engine.species_table of the habitat rasters inside each of ``boundaries`` (disjoint shapely polygons in
    ``crs``, or [None]: everywhere), one row per raster named after the layer, led by that of their union when
    ``with_union``], the rasters without any habitat cell); each raster is read once. ``units``: the protected
    areas (shapely, in ``crs``); ``feedback``: a QgsProcessingFeedback."""
    whole_feedback = qgis_io.engine_feedback(feedback)
    figures = []
    for index, layer in enumerate(rasters):
        part = whole_feedback.part(index / len(rasters), (index + 1) / len(rasters))
        whole, inside, protected = raster_figures(layer, units, boundaries, crs, context, part)
        if with_union:
            inside, protected = np.insert(inside, 0, inside.sum()), np.insert(protected, 0, protected.sum())
        figures.append((whole, inside, protected))
    names = [layer.name() for layer in rasters]
    tables = [engine.species_table(names, [group] * len(rasters), [inside[at] for _, inside, _ in figures],
                                   [protected[at] for _, _, protected in figures],
                                   [whole for whole, _, _ in figures])
              for at in range(len(boundaries) + bool(with_union))]
    return tables, [layer for layer, (whole, _, _) in zip(rasters, figures) if whole == 0]


def check_raster_crs(layer):
    """Raise unless the cells of the habitat raster ``layer`` have true areas (a geographic or metric CRS)."""
    raster_crs = layer.crs()
    if not raster_crs.isValid():
        raise QgsProcessingException(tr(
            'The habitat raster "{layer}" has no coordinate reference system (CRS), so its cells cannot be placed '
            'on the protected areas: set its CRS (Layer Properties > Source) and run again.').format(
            layer=qgis_io.layer_label(layer)))
    if not raster_crs.isGeographic() and not qgis_io.has_true_areas(raster_crs):
        raise QgsProcessingException(tr(
            'The habitat raster "{layer}" is in {crs}, whose cells do not have true areas: warp it to an '
            'equal-area or UTM projection (Raster > Projections > Warp) and run again.').format(
            layer=layer.name(), crs=raster_crs.authid()))


def raster_figures(layer, units, boundaries, crs, context, feedback):
    """engine.raster_habitat_by_region of one habitat raster: (all its habitat km2, habitat km2 and protected
    habitat km2 inside each of ``boundaries``); polygons burnt by cell centre; ``feedback``: an
    engine.feedback.Feedback."""
    check_raster_crs(layer)
    raster_crs = layer.crs()
    protected = qgis_io.reprojected(units, crs, raster_crs, context)
    regions = qgis_io.reprojected(boundaries, crs, raster_crs, context)
    with qgis_io.engine_errors():
        return engine.raster_habitat_by_region(layer.source(), protected, regions, raster_crs.isGeographic(),
                                               feedback=feedback)


def dissolved_pieces(source, crs, context, feedback):
    """Disjoint polygons of a polygon layer in ``crs`` (repaired, overlaps dissolved with engine.coverage)."""
    label = qgis_io.layer_label(source)
    features = qgis_io.read_polygons(source, label, crs, context, feedback)
    qgis_io.require_geometries(features, label)
    polygons = [engine.DatedPolygon(item.geometry, None) for item in features]
    return engine.flatten(polygons).pieces
