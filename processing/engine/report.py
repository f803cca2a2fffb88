"""A small self-contained HTML report: title, headings, paragraphs, lists, tables from pandas DataFrames and
matplotlib figures embedded as base64 PNG, so one .html file can be mailed or handed in.

Callers pass already translated text. Charts use matplotlib's object API (no pyplot, no GUI backend) and a
font list with CJK fallbacks so Chinese region names render.

    report = HtmlReport('Coverage')
    report.paragraph('Two regions.')
    report.table(frame, caption='Coverage per region')
    report.figure(bar_chart(['a', 'b'], [12.0, 40.0], target=30, title='Coverage', value_label='%'))
    report.write('/tmp/coverage.html')
"""

import base64
import contextlib
import html
import io
import os
import uuid


FONT_PREFERENCE = ('DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Source Han Sans SC', 'Microsoft YaHei',
                   'SimHei', 'PingFang SC', 'Heiti SC', 'WenQuanYi Zen Hei', 'Arial Unicode MS')
STYLE = """
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; margin: 2em; color: #222; }
h1 { color: #1b5e20; } h2 { color: #2e7d32; border-bottom: 1px solid #c8e6c9; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; } th { background: #e8f5e9; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
caption { caption-side: top; font-weight: bold; text-align: left; padding-bottom: 0.3em; }
figure { margin: 0.5em 0 1.5em; } figcaption { font-style: italic; }
.error { color: #b2182b; font-weight: bold; } .warning { color: #d6604d; font-weight: bold; }
.ok { color: #1b7837; font-weight: bold; }
"""
TARGET_COLOUR = '#c62828'
BAR_COLOUR = '#66bb6a'
BAR_MET_COLOUR = '#1b5e20'


def available_fonts():
    """The preferred font families installed here, Latin first, then CJK fallbacks."""
    from matplotlib import font_manager  # imported on use: loading matplotlib slows every plugin start

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in FONT_PREFERENCE if name in installed] or ['sans-serif']


@contextlib.contextmanager
def chart_style():
    """matplotlib settings of every chart: fonts with CJK fallback, a quiet grid; yields the Figure class."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context({'font.family': available_fonts(), 'axes.grid': True, 'grid.alpha': 0.3,
                     'axes.spines.top': False, 'axes.spines.right': False, 'svg.fonttype': 'none'}):
        yield Figure


class HtmlReport:
    """Accumulates report blocks and writes one standalone HTML file (UTF-8)."""

    def __init__(self, title, language='en'):
        self.title = title
        self.language = language
        self.blocks = ['<h1>{}</h1>'.format(html.escape(title))]

    def heading(self, text):
        self.blocks.append('<h2>{}</h2>'.format(html.escape(text)))

    def paragraph(self, text, css_class=None):
        """A paragraph of plain text; ``css_class`` 'error', 'warning' or 'ok' colours a verdict."""
        attribute = ' class="{}"'.format(html.escape(css_class)) if css_class else ''
        self.blocks.append('<p{}>{}</p>'.format(attribute, html.escape(text)))

    def bullet_list(self, items):
        if items:
            self.blocks.append('<ul>{}</ul>'.format(''.join('<li>{}</li>'.format(html.escape(item)) for item in items)))

    def table(self, frame, caption=None, columns=None, decimals=2):
        """A DataFrame as a table; ``columns`` maps column names to displayed headers (and selects them)."""
        shown = frame if columns is None else frame[list(columns)]
        headers = list(shown.columns) if columns is None else [columns[name] for name in shown.columns]
        rows = []
        for values in shown.itertuples(index=False):
            cells = ''.join(_cell(value, decimals) for value in values)
            rows.append('<tr>{}</tr>'.format(cells))
        self.blocks.append('<table>{}<thead><tr>{}</tr></thead><tbody>{}</tbody></table>'.format(
            '<caption>{}</caption>'.format(html.escape(caption)) if caption else '',
            ''.join('<th>{}</th>'.format(html.escape(str(header))) for header in headers), ''.join(rows)))

    def text_table(self, headers, rows, numeric=()):
        """A table of already formatted cells (plain text, escaped here); columns in ``numeric`` align right."""
        body = ''.join('<tr>{}</tr>'.format(''.join(
            '<td{}>{}</td>'.format(' class="number"' if index in numeric else '', html.escape(str(cell)))
            for index, cell in enumerate(row))) for row in rows)
        self.blocks.append('<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>'.format(
            ''.join('<th>{}</th>'.format(html.escape(str(header))) for header in headers), body))

    def figure(self, figure, caption=None, dpi=110):
        """Embed a matplotlib Figure as a base64 PNG."""
        buffer = io.BytesIO()
        with chart_style():
            figure.savefig(buffer, format='png', dpi=dpi, bbox_inches='tight')
        encoded = base64.b64encode(buffer.getvalue()).decode('ascii')
        self.blocks.append('<figure><img alt="{alt}" src="data:image/png;base64,{data}"/>{caption}</figure>'.format(
            alt=html.escape(caption or self.title), data=encoded,
            caption='<figcaption>{}</figcaption>'.format(html.escape(caption)) if caption else ''))

    def html(self):
        return ('<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
                '<style>{style}</style></head><body>\n{body}\n</body></html>\n').format(
            lang=html.escape(self.language), title=html.escape(self.title), style=STYLE, body='\n'.join(self.blocks))

    def write(self, path):
        """Write the report to ``path`` atomically (no half-written file on failure)."""
        folder = os.path.dirname(os.path.abspath(path))
        partial = os.path.join(folder, '.partial-{}.html'.format(uuid.uuid4().hex))
        try:
            with open(partial, 'w', encoding='utf-8') as handle:
                handle.write(self.html())
            os.replace(partial, path)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return path


def _cell(value, decimals):
    if isinstance(value, bool) or value is None:
        return '<td>{}</td>'.format(html.escape('' if value is None else str(value)))
    if isinstance(value, float) or hasattr(value, 'dtype') and value.dtype.kind == 'f':
        return '<td class="number">{:,.{}f}</td>'.format(float(value), decimals)
    if isinstance(value, int) or hasattr(value, 'dtype') and value.dtype.kind in 'iu':
        return '<td class="number">{}</td>'.format(int(value))
    return '<td>{}</td>'.format(html.escape(str(value)))


def bar_chart(labels, values, target=None, title='', value_label='', target_label=''):
    """Horizontal bars (one per label) with an optional vertical target line; bars reaching it are dark."""
    with chart_style() as Figure:
        figure = Figure(figsize=(7.5, max(2.0, 0.3 * len(labels) + 1.2)))
        axes = figure.add_subplot(1, 1, 1)
        positions = list(range(len(labels)))
        colours = [BAR_MET_COLOUR if target is not None and value >= target else BAR_COLOUR for value in values]
        bars = axes.barh(positions, list(values), color=colours)
        axes.bar_label(bars, fmt='%.1f', padding=2, fontsize='small')
        axes.set_xlim(0, max(list(values) + [target or 0, 1]) * 1.12)
        axes.set_yticks(positions)
        axes.set_yticklabels([str(label) for label in labels])
        axes.invert_yaxis()
        if target is not None:
            axes.axvline(target, color=TARGET_COLOUR, linestyle='--', label=target_label or None)
            if target_label:
                axes.legend(loc='lower right')
        axes.set_xlabel(value_label)
        axes.set_title(title)
    return figure


def stacked_bar_chart(labels, series, title='', value_label=''):
    """Horizontal bars (one per label) stacked from ``series``, an ordered {name: values per label}, with a legend."""
    with chart_style() as Figure:
        figure = Figure(figsize=(7.5, max(2.4, 0.3 * len(labels) + 1.6)))
        axes = figure.add_subplot(1, 1, 1)
        positions = list(range(len(labels)))
        left = [0.0] * len(labels)
        colours = _series_colours(len(series))
        for (name, values), colour in zip(series.items(), colours):
            axes.barh(positions, list(values), left=left, color=colour, label=str(name))
            left = [start + value for start, value in zip(left, values)]
        axes.set_xlim(0, max(left + [1.0]) * 1.12)
        axes.set_yticks(positions)
        axes.set_yticklabels([str(label) for label in labels])
        axes.invert_yaxis()
        axes.legend(loc='lower right', fontsize='small')
        axes.set_xlabel(value_label)
        axes.set_title(title)
    return figure


def _series_colours(count):
    """``count`` greens from dark to light (the first series, e.g. the strictest category, darkest)."""
    from matplotlib import colormaps

    return [colormaps['Greens'](0.95 - 0.7 * index / max(count - 1, 1)) for index in range(count)]


def line_chart(x, y, target=None, title='', x_label='', y_label='', target_label='', step=True):
    """A line (a step line by default, for cumulative series) with an optional horizontal target line."""
    with chart_style() as Figure:
        figure = Figure(figsize=(7.5, 3.8))
        axes = figure.add_subplot(1, 1, 1)
        if step:
            axes.step(list(x), list(y), where='post', color=BAR_MET_COLOUR)
        else:
            axes.plot(list(x), list(y), color=BAR_MET_COLOUR, marker='o')
        if target is not None:
            axes.axhline(target, color=TARGET_COLOUR, linestyle='--', label=target_label or None)
            if target_label:
                axes.legend(loc='lower right')
        axes.set_ylim(0, max(list(y) + [target or 0, 1]) * 1.1)
        axes.set_xlabel(x_label)
        axes.set_ylabel(y_label)
        axes.set_title(title)
    return figure
