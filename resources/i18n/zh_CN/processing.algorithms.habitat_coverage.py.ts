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
      <source>How much of each species' range or habitat is protected, and the Species Protection Index.</source>
      <translation>计算每个物种的分布范围或生境受保护的比例，以及物种保护指数。</translation>
    </message>
    <message>
      <source>species,habitat,range,protection,SPI,Species Protection Index,Map of Life,representation</source>
      <translation>物种,生境,分布范围,保护,SPI,物种保护指数,Map of Life,代表性</translation>
    </message>
    <message>
      <source>How much of each species' range or habitat is protected, per group (e.g. threatened mammals), and the Map of Life Species Protection Index (SPI).</source>
      <translation>计算每个物种的分布范围或生境受保护的比例（按类群汇总，例如受威胁哺乳动物），以及 Map of Life 物种保护指数（SPI）。</translation>
    </message>
    <message>
      <source>Per species: range_km2 and protected_km2 (inside the boundary), percent, target_pct (Map of Life target, set by the whole range: 100 % of ranges under 10 000 km2, 15 % from 250 000 km2, linear in log10(area) between), sps and region_share.</source>
      <translation>每个物种：range_km2 和 protected_km2（边界内）、percent、target_pct（Map of Life 目标，按整个分布范围确定：小于 10 000 平方千米的分布范围为 100 %，250 000 平方千米以上为 15 %，其间按 log10(面积) 线性插值）、sps 和 region_share。</translation>
    </message>
    <message>
      <source>sps = min(100, 100 x protected_km2 / (target x range_km2)); the SPI of a group is the mean SPS weighted by region_share.</source>
      <translation>sps = min(100, 100 x protected_km2 / (target x range_km2))；类群的 SPI 为以 region_share 加权的 SPS 平均值。</translation>
    </message>
    <message>
      <source>Areas are in km2 in an equal-area projection centred on the data (rasters: their cell areas, exact on geographic grids).</source>
      <translation>面积以平方千米计，在以数据为中心的等积投影中计算（栅格：按其像元面积，地理坐标网格上也精确）。</translation>
    </message>
    <message>
      <source>Range polygons; several features of one species are merged.</source>
      <translation>分布范围多边形；同一物种的多个要素会合并。</translation>
    </message>
    <message>
      <source>Give ranges, habitat rasters or both.</source>
      <translation>可提供分布范围、生境栅格或两者。</translation>
    </message>
    <message>
      <source>The field naming the species.</source>
      <translation>物种名称字段。</translation>
    </message>
    <message>
      <source>Groups the species, e.g. by class.</source>
      <translation>对物种分组，例如按纲。</translation>
    </message>
    <message>
      <source>One raster per species, cells &gt; 0 are habitat; the species is named after the layer.</source>
      <translation>每个物种一个栅格，值 &gt; 0 的像元为生境；物种以图层名称命名。</translation>
    </message>
    <message>
      <source>For a habitat raster the whole range is all the habitat in the raster.</source>
      <translation>对生境栅格而言，整个分布范围即栅格中的全部生境。</translation>
    </message>
    <message>
      <source>The group the species of the habitat rasters belong to.</source>
      <translation>生境栅格所代表物种所属的类群。</translation>
    </message>
    <message>
      <source>The region of the analysis; ranges are clipped to it and its share of each range (region_share = range_km2 / whole range) weights the SPI.</source>
      <translation>分析区域；分布范围按其裁剪，其在每个分布范围中所占比例（region_share = range_km2 / 整个分布范围）作为 SPI 的权重。</translation>
    </message>
    <message>
      <source>Per group the species count, habitat and protected km2, percent of the habitat protected and the group's SPI.</source>
      <translation>每个类群的物种数、生境面积和受保护面积（平方千米）、生境受保护百分比及该类群的 SPI。</translation>
    </message>
    <message>
      <source>A report with tables and charts.</source>
      <translation>含表格和图表的报告。</translation>
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
      <source>Give species ranges (SPECIES) or habitat rasters (HABITAT_RASTERS), or both.</source>
      <translation>请提供物种分布区（SPECIES）或生境栅格（HABITAT_RASTERS），或两者都提供。</translation>
    </message>
    <message>
      <source>Choose the field that names the species (SPECIES_FIELD).</source>
      <translation>请选择物种名称字段（SPECIES_FIELD）。</translation>
    </message>
    <message>
      <source>No species range or habitat lies inside the boundary "{layer}": the SPI and shares are 0 for want of habitat, not of protection. Check the boundary's extent and CRS.</source>
      <translation>边界“{layer}”内没有任何物种分布范围或栖息地：物种保护指数和各项比例为 0 是因为没有栖息地，而不是因为没有保护。请检查边界的范围和坐标参考系。</translation>
    </message>
    <message>
      <source>{count} species; Species Protection Index {spi:.1f}.</source>
      <translation>{count} 个物种；物种保护指数 {spi:.1f}。</translation>
    </message>
    <message>
      <source>The boundary layer "{layer}" has no features: every range would be clipped away and the SPI read 0. Give a layer with the region, or leave BOUNDARY empty.</source>
      <translation>边界图层“{layer}”没有要素：所有分布范围都会被裁掉，物种保护指数将为 0。请给出包含分析区域的图层，或将 BOUNDARY 留空。</translation>
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
