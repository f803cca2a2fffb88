<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>HabitatCoverageAlgorithm</name>
    <message>
      <source>Habitat coverage and Species Protection Index</source>
      <translation>生境覆盖率与物种保护指数</translation>
    </message>
    <message>
      <source>How much of each species' range or habitat is protected, per group (e.g. threatened mammals: the share of their habitat protected), and the Map of Life Species Protection Index.
SPECIES (optional): range polygons; SPECIES_FIELD names the species (several features of one species are merged); GROUP_FIELD (optional) groups them, e.g. by class. HABITAT_RASTERS (optional): one raster per species, cells &gt; 0 are habitat; the species is named after the layer and belongs to RASTER_GROUP. Give ranges, rasters or both. PROTECTED and the cleaning switches: as in Protected-area coverage. BOUNDARY (optional): the region of the analysis; ranges are clipped to it and its share of each range weights the SPI.
Per species: range_km2 (the range inside the boundary), protected_km2 (inside the boundary), percent, target_pct (Map of Life target, set by the WHOLE range, boundary or not: 100 % of ranges under 10 000 km2, 15 % from 250 000 km2, linear in log10(area) between; for a habitat raster the whole range is all the habitat in the raster), sps = min(100, 100 x protected_km2 / (target x range_km2)), Map of Life's national score: the region is asked to protect the target share of the part of the range it holds, and region_share = range_km2 / whole range. Areas are in km2 in an equal-area projection centred on the data (rasters: their cell areas, exact on geographic grids). OUTPUT_GROUPS (optional, created by default in the Toolbox): per group the species count, habitat and protected km2, percent of the habitat protected and the group's SPI. SPI: the mean SPS weighted by region_share. OUTPUT_HTML (optional): a report with tables and charts.</source>
      <translation>每个物种的分布区或生境有多少受到保护、各类群的情况（如受威胁哺乳动物的生境受保护比例），以及 Map of Life 物种保护指数。
SPECIES（可选）：分布区面图层；SPECIES_FIELD 为物种名称字段（同一物种的多个要素会合并）；GROUP_FIELD（可选）用于分组，例如按纲。HABITAT_RASTERS（可选）：每个物种一个栅格，值大于 0 的像元为生境；物种以图层名命名，归入 RASTER_GROUP 组。可提供分布区、栅格或两者。PROTECTED 及清洗开关：与“保护地覆盖率”相同。BOUNDARY（可选）：分析区域；分布区按其裁剪，该区域占各分布区的比例作为 SPI 的权重。
每个物种：range_km2（边界内的分布区面积）、protected_km2（边界内）、percent、target_pct（Map of Life 目标，无论是否设定边界，都由整个分布区的面积决定：分布区小于 10 000 平方千米为 100 %，大于等于 250 000 平方千米为 15 %，其间按 log10(面积) 线性变化；生境栅格的整个分布区即栅格中的全部生境）、sps = min(100, 100 x protected_km2 / (目标 x range_km2))，即 Map of Life 的国家尺度得分：要求该区域保护其所含那部分分布区的目标比例；region_share = range_km2 / 整个分布区面积。面积以平方千米计，在以数据为中心的等积投影中计算（栅格按像元面积计算，地理坐标栅格在椭球面上精确计算）。OUTPUT_GROUPS（可选，工具箱中默认创建）：每组的物种数、生境面积和保护面积（平方千米）、生境受保护比例及该组的 SPI。SPI：以 region_share 加权的 SPS 平均值。OUTPUT_HTML（可选）：含表格和图表的报告。</translation>
    </message>
    <message>
      <source>Species ranges</source>
      <translation>物种分布区</translation>
    </message>
    <message>
      <source>Species name field</source>
      <translation>物种名称字段</translation>
    </message>
    <message>
      <source>Group field (e.g. class)</source>
      <translation>分组字段（如纲）</translation>
    </message>
    <message>
      <source>Habitat rasters (one per species, cells &gt; 0 are habitat)</source>
      <translation>生境栅格（每个物种一个，值大于 0 的像元为生境）</translation>
    </message>
    <message>
      <source>Group of the habitat rasters</source>
      <translation>生境栅格所属的组</translation>
    </message>
    <message>
      <source>Region of the analysis</source>
      <translation>分析区域</translation>
    </message>
    <message>
      <source>Protection per species</source>
      <translation>各物种受保护情况</translation>
    </message>
    <message>
      <source>Protection per group</source>
      <translation>各类群受保护情况</translation>
    </message>
    <message>
      <source>Habitat coverage report</source>
      <translation>生境覆盖率报告</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <source>Species Protection Index</source>
      <translation>物种保护指数</translation>
    </message>
    <message>
      <source>Number of species</source>
      <translation>物种数</translation>
    </message>
    <message>
      <source>Share of all habitat protected (%)</source>
      <translation>全部生境受保护比例 (%)</translation>
    </message>
    <message>
      <source>Habitat rasters</source>
      <translation>生境栅格</translation>
    </message>
    <message>
      <source>Give species ranges (SPECIES) or habitat rasters (HABITAT_RASTERS), or both.</source>
      <translation>请提供物种分布区（SPECIES）或生境栅格（HABITAT_RASTERS），或两者都提供。</translation>
    </message>
    <message>
      <source>Choose the field that names the species (SPECIES_FIELD).</source>
      <translation>请选择物种名称字段（SPECIES_FIELD）。</translation>
    </message>
    <message>
      <source>{count} species; Species Protection Index {spi:.1f}.</source>
      <translation>{count} 个物种；物种保护指数 {spi:.1f}。</translation>
    </message>
    <message>
      <source>The habitat raster "{layer}" has no habitat cell (every cell is nodata or 0): it still counts as a species, with no habitat. Check the raster, or leave it out of HABITAT_RASTERS.</source>
      <translation>生境栅格“{layer}”没有任何生境像元（所有像元均为无数据或 0）：它仍被计为一个没有生境的物种。请检查该栅格，或将其从 HABITAT_RASTERS 中移除。</translation>
    </message>
    <message>
      <source>The habitat raster "{layer}" is in {crs}, whose cells do not have true areas: warp it to an equal-area or UTM projection (Raster &gt; Projections &gt; Warp) and run again.</source>
      <translation>生境栅格“{layer}”采用 {crs}，其像元面积不真实：请将其重投影到等积投影或 UTM 投影（栅格 &gt; 投影 &gt; 变形）后重新运行。</translation>
    </message>
    <message>
      <source>{count} species; Species Protection Index (SPI) {spi:.1f} of 100.</source>
      <translation>{count} 个物种；物种保护指数（SPI）为 {spi:.1f}（满分 100）。</translation>
    </message>
    <message>
      <source>Share of each group's habitat protected</source>
      <translation>各类群生境受保护比例</translation>
    </message>
    <message>
      <source>Protected (%)</source>
      <translation>保护比例 (%)</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>类群</translation>
    </message>
    <message>
      <source>Species</source>
      <translation>物种</translation>
    </message>
    <message>
      <source>Habitat (km2)</source>
      <translation>生境（平方千米）</translation>
    </message>
    <message>
      <source>Protected (km2)</source>
      <translation>保护面积（平方千米）</translation>
    </message>
    <message>
      <source>SPI</source>
      <translation>SPI</translation>
    </message>
    <message>
      <source>Range (km2)</source>
      <translation>分布区（平方千米）</translation>
    </message>
    <message>
      <source>Target (%)</source>
      <translation>目标 (%)</translation>
    </message>
    <message>
      <source>SPS</source>
      <translation>SPS</translation>
    </message>
    <message>
      <source>Share of range in region</source>
      <translation>区域内分布区占比</translation>
    </message>
    <message>
      <source>Cleaning of the protected areas</source>
      <translation>保护地数据清洗</translation>
    </message>
  </context>
</TS>
