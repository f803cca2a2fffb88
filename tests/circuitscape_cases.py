"""Circuitscape's own test cases (shared/reference/circuitscape/): read a case's .ini, its grids and expected
results, independently of the plugin's readers. See that folder's README.md."""

import configparser
import gzip
import os

import numpy as np

HEADER_KEYS = ('ncols', 'nrows', 'xllcorner', 'yllcorner', 'cellsize', 'nodata_value')


def read_ascii_grid(path):
    """(values with NaN for nodata, header dict) of an ESRI ASCII grid (optionally .gz; a GeoTIFF is read with
    GDAL)."""
    if path.endswith('.tif'):
        return read_geotiff(path)
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt') as stream:
        lines = stream.read().splitlines()
    header = {}
    while lines and lines[0].split() and lines[0].split()[0].lower() in HEADER_KEYS:
        key, value = lines.pop(0).split()[:2]
        header[key.lower()] = float(value)
    rows = [line.split() for line in lines if line.strip()]
    values = np.array([[float(item) for item in row[:int(header['ncols'])]] for row in rows])
    nodata = header.get('nodata_value')
    if nodata is not None:
        values[values == nodata] = np.nan
    return values, header


def read_geotiff(path):
    from osgeo import gdal

    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    if band.GetNoDataValue() is not None:
        values[values == band.GetNoDataValue()] = np.nan
    x0, width, _, y0, _, height = dataset.GetGeoTransform()
    header = {'ncols': values.shape[1], 'nrows': values.shape[0], 'xllcorner': x0,
              'yllcorner': y0 + height * values.shape[0], 'cellsize': width}
    return values, header


class Case:
    """One case: ``mode`` (pairwise, one-to-all, all-to-one, advanced), its settings and file paths."""

    def __init__(self, reference_dir, mode_folder, number, stem):
        self.root = os.path.join(reference_dir, 'circuitscape')
        self.name = '{}{}'.format(stem, number)
        parser = configparser.ConfigParser()
        parser.read(os.path.join(self.root, mode_folder, str(number), self.name + '.ini'))
        self.options = {key: value.strip() for section in parser.sections() for key, value in parser[section].items()}
        self.mode = self.options['scenario']

    def flag(self, key):
        return self.options.get(key, 'False').lower() in ('true', '1', 'yes')

    def path(self, key):
        """The case's file for ``key`` (paths in the .ini start with input/raster/)."""
        value = self.options[key]
        return os.path.join(self.root, value.split('input/raster/', 1)[1])

    def grid(self, key):
        return read_ascii_grid(self.path(key))

    def expected(self, suffix):
        return os.path.join(self.root, 'expected', '{}_{}'.format(self.name, suffix))

    def focal_cells(self, header):
        """(ids, rows, cols) of the focal nodes: the non-zero cells of a raster point file, or the points of a
        text file (id x y) placed on cells as Circuitscape does."""
        path = self.path('point_file')
        if not path.endswith('.txt'):
            grid, _ = read_ascii_grid(path)
            rows, cols = np.nonzero(np.isfinite(grid) & (grid > 0))
            return grid[rows, cols].astype(int), rows, cols
        table = np.loadtxt(path, ndmin=2)
        rows = np.ceil(header['nrows'] - (table[:, 2] - header['yllcorner']) / header['cellsize']).astype(int) - 1
        cols = np.ceil((table[:, 1] - header['xllcorner']) / header['cellsize']).astype(int) - 1
        return table[:, 0].astype(int), rows, cols

    def expected_matrix(self):
        """(ids, k x k matrix with NaN for -1) of a pairwise case."""
        table = np.loadtxt(self.expected('resistances.out'))
        matrix = table[1:, 1:]
        return table[1:, 0].astype(int), np.where(matrix == -1, np.nan, matrix)

    def expected_column(self):
        """{id: resistance or NaN} of a one-to-all / all-to-one case."""
        table = np.loadtxt(self.expected('resistances.out'), ndmin=2)
        return {int(row[0]): (np.nan if row[1] == -1 else row[1]) for row in table}




def cases(reference_dir):
    """Every case in the reference folder: Case objects for pairwise, one-to-all, all-to-one and advanced."""
    found = []
    for folder, stem in (('pairwise', 'sgVerify'), ('one_to_all', 'oneToAllVerify'),
                         ('all_to_one', 'allToOneVerify'), ('advanced', 'mgVerify')):
        base = os.path.join(reference_dir, 'circuitscape', folder)
        for number in sorted(int(name) for name in os.listdir(base)):
            found.append(Case(reference_dir, folder, number, stem))
    return found
