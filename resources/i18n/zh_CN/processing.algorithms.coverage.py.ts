<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerCoverage</name>
    <message>
      <source>Protected areas (polygons, and points with REP_AREA)</source>
      <translation>保护地（面，以及带 REP_AREA 的点）</translation>
    </message>
    <message>
      <source>Keep only STATUS Designated, Inscribed or Established</source>
      <translation>只保留 STATUS 为 Designated、Inscribed 或 Established 的保护地</translation>
    </message>
    <message>
      <source>Exclude UNESCO-MAB Biosphere Reserves (zoning layers: core zones only)</source>
      <translation>排除联合国教科文组织人与生物圈（MAB）生物圈保护区（功能区图层：只计核心区）</translation>
    </message>
    <message>
      <source>Turn points with a reported area into circles of that area</source>
      <translation>将带申报面积的点转为同面积的圆</translation>
    </message>
    <message>
      <source>Repair invalid geometries</source>
      <translation>修复无效几何</translation>
    </message>
    <message>
      <source>Count overlaps once (dissolve)</source>
      <translation>重叠部分只计一次（融合）</translation>
    </message>
    <message>
      <source>No protected-area layer was given: choose one or more vector layers for PROTECTED.</source>
      <translation>未提供保护地图层：请为 PROTECTED 选择一个或多个矢量图层。</translation>
    </message>
    <message>
      <source>Layer "{layer}" holds lines, but protected areas are polygons (or points with a reported area, REP_AREA). Choose a polygon layer and run again.</source>
      <translation>图层“{layer}”包含线要素，但保护地必须是面（或带有报告面积 REP_AREA 的点）。请选择一个面图层后重新运行。</translation>
    </message>
    <message>
      <source>Species expected to persist (species-area relationship)</source>
      <translation>预计可存续的物种（种-面积关系）</translation>
    </message>
    <message>
      <source>If only the protected habitat remained, the share of species expected to persist would be (protected share)^z, from the species-area relationship S = c A^z (z is about 0.25).</source>
      <translation>若只有受保护的生境得以保留，按种-面积关系 S = c A^z（z 约为 0.25），预计可存续的物种比例为（保护比例）^z。</translation>
    </message>
    <message>
      <source>Species persisting at {:.1f} % (%)</source>
      <translation>保护比例 {:.1f} % 时存续的物种 (%)</translation>
    </message>
    <message>
      <source>Habitat needed to keep {:.0f} % of the species (%)</source>
      <translation>保留 {:.0f} % 的物种所需的生境 (%)</translation>
    </message>
  </context>
  <context>
    <name>ProtectedCoverageAlgorithm</name>
    <message>
      <source>Protected-area coverage</source>
      <translation>保护地覆盖率</translation>
    </message>
    <message>
      <source>Share of each region covered by protected areas, cleaned the way Protected Planet and wdpar do it, against a target such as the GBF Target 3 (30 %).
PROTECTED: one or more layers (WDPA-like polygons, points with REP_AREA in km2, or your own layers). Cleaning steps, each a switch on by default: keep STATUS Designated / Inscribed / Established; exclude UNESCO-MAB Biosphere Reserves (DESIG_ENG mentions "UNESCO-MAB" or "Biosphere Reserve"); a layer with a "zone" field (a Reserve Planner zoning layer) counts only its core zones; points without a reported area are dropped, the others become circles of radius sqrt(REP_AREA x 1e6 / pi) m; invalid geometries are repaired; overlaps are counted once (dissolve). A layer without STATUS, DESIG_ENG or STATUS_YR skips the step that needs the field; the log says so, and what every step removed or changed.
REGIONS (optional): provinces, ecoregions... that do not overlap (the totals add them up). Without it, one row for the rectangle enclosing the protected areas. REGION_FIELD: the field naming each region; features with the same value are the parts of one region (a multi-part ecoregion), dissolved into one row, and the region counts are counts of these regions. A feature whose value is NULL is a region of its own, named by its feature id in the report; without REGION_FIELD every feature is a region named by its feature id. TARGET: the target coverage in %.
Areas are computed in a Lambert azimuthal equal-area projection centred on the data, whatever the input CRSs (CGCS2000 regions and WGS 84 protected areas together work).
OUTPUT: the regions (in their own CRS) with area_km2, protected_km2, percent, gap_km2 (protected area still needed to reach the target) and meets_target. OUTPUT_FLAT (optional, created by default in the Toolbox): the cleaned, dissolved protected areas (in the first PROTECTED layer's CRS). OUTPUT_TIMELINE (optional): coverage of all regions by establishment year (STATUS_YR; each area counted from its earliest year). OUTPUT_CATEGORIES (optional): a table with the region field, iucn_cat, area_km2 and percent (of the region), one row per region and IUCN category present: as wdpar does, overlaps are erased in priority order IUCN_CAT Ia &gt; Ib &gt; II &gt; III &gt; IV &gt; V &gt; VI &gt; Not Reported / Not Applicable / Not Assigned, then earliest STATUS_YR, so each piece of protected land belongs to one category and the categories of a region add up to its protected_km2. IUCN_CAT is read in any case (ia, IA); an area without it, or with another value, and every area of a layer without the field counts as Not Reported. OUTPUT_HTML (optional): a report with the cleaning summary, tables and charts of coverage per region, by IUCN category and over time, and the species-area arithmetic. Numbers: REGIONS_MEETING_TARGET, REGION_COUNT, REPRESENTATIVENESS (% of regions meeting the target), UNPROTECTED_REGIONS (&lt; 1 % covered), PROTECTED_PERCENT and PROTECTED_KM2 over all regions.</source>
      <translation>按 Protected Planet 和 wdpar 的方法清洗保护地数据后，计算各区域被保护地覆盖的比例，并与目标（如《昆明-蒙特利尔全球生物多样性框架》目标 3 的 30 %）比较。
PROTECTED：一个或多个图层（WDPA 类的面、带 REP_AREA（平方千米）的点，或您自己的图层）。清洗步骤各有开关，默认全部开启：只保留 STATUS 为 Designated / Inscribed / Established 的保护地；排除人与生物圈（MAB）生物圈保护区（DESIG_ENG 含 "UNESCO-MAB" 或 "Biosphere Reserve"）；带 "zone" 字段的图层（本插件的功能区图层）只计核心区；没有申报面积的点被删除，其余的点转为半径 sqrt(REP_AREA x 1e6 / pi) 米的圆；修复无效几何；重叠部分只计一次（融合）。缺少 STATUS、DESIG_ENG 或 STATUS_YR 字段的图层跳过需要该字段的步骤；日志会说明这一点，并列出每一步删除或改动了什么。
REGIONS（可选）：互不重叠的省份、生态区等（合计值由各区域相加）。不提供时，输出一行，区域为包围所有保护地的矩形。REGION_FIELD：区域名称字段；取值相同的要素是同一区域的各个部分（如由多块组成的生态区），融合为一行，区域计数按这样的区域计算。取值为 NULL 的要素各自作为一个区域，在报告中以其要素编号命名；不提供 REGION_FIELD 时，每个要素都是一个区域，以要素编号命名。TARGET：目标覆盖率 (%)。
无论输入采用何种坐标系，面积均在以数据为中心的兰伯特方位等积投影中计算（CGCS2000 的区域与 WGS 84 的保护地可以一起使用）。
OUTPUT：各区域（采用其自身的坐标系）及其 area_km2、protected_km2、percent、gap_km2（达到目标尚需的保护面积）和 meets_target。OUTPUT_FLAT（可选，工具箱中默认创建）：清洗并融合后的保护地（采用第一个 PROTECTED 图层的坐标系）。OUTPUT_TIMELINE（可选）：所有区域按建立年份（STATUS_YR，每块面积从其最早年份起计）的覆盖率变化。OUTPUT_CATEGORIES（可选）：一张表，含区域字段、iucn_cat、area_km2 和 percent（占该区域的百分比），每个区域中出现的每个 IUCN 类别一行：与 wdpar 相同，重叠部分按优先顺序擦除——IUCN_CAT Ia &gt; Ib &gt; II &gt; III &gt; IV &gt; V &gt; VI &gt; Not Reported / Not Applicable / Not Assigned，其次按最早的 STATUS_YR——因此每块受保护的土地只属于一个类别，一个区域各类别之和等于其 protected_km2。IUCN_CAT 不区分大小写（ia、IA）；没有该值或取其他值的保护地，以及没有该字段的图层中的全部保护地，均计为 Not Reported。OUTPUT_HTML（可选）：报告，含清洗摘要、各区域覆盖率、按 IUCN 类别的覆盖率和覆盖率随时间变化的表格与图表，以及种-面积关系的估算。数值输出：REGIONS_MEETING_TARGET、REGION_COUNT、REPRESENTATIVENESS（达到目标的区域所占百分比）、UNPROTECTED_REGIONS（覆盖率低于 1 % 的区域数）、PROTECTED_PERCENT 和 PROTECTED_KM2（全部区域合计）。</translation>
    </message>
    <message>
      <source>Regions (provinces, ecoregions)</source>
      <translation>区域（省份、生态区）</translation>
    </message>
    <message>
      <source>Region name field</source>
      <translation>区域名称字段</translation>
    </message>
    <message>
      <source>Target coverage (%)</source>
      <translation>目标覆盖率 (%)</translation>
    </message>
    <message>
      <source>Coverage per region</source>
      <translation>各区域覆盖率</translation>
    </message>
    <message>
      <source>Cleaned, dissolved protected areas</source>
      <translation>清洗并融合后的保护地</translation>
    </message>
    <message>
      <source>Coverage over time</source>
      <translation>覆盖率随时间的变化</translation>
    </message>
    <message>
      <source>Coverage per IUCN category</source>
      <translation>按 IUCN 类别的覆盖率</translation>
    </message>
    <message>
      <source>Coverage report</source>
      <translation>覆盖率报告</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <source>Regions meeting the target</source>
      <translation>达到目标的区域数</translation>
    </message>
    <message>
      <source>Number of regions</source>
      <translation>区域数</translation>
    </message>
    <message>
      <source>Share of regions meeting the target (%)</source>
      <translation>达到目标的区域比例 (%)</translation>
    </message>
    <message>
      <source>Regions less than 1 % protected</source>
      <translation>保护比例低于 1 % 的区域数</translation>
    </message>
    <message>
      <source>Protected share of all regions (%)</source>
      <translation>全部区域的保护比例 (%)</translation>
    </message>
    <message>
      <source>Protected area in all regions (km2)</source>
      <translation>全部区域的保护面积（平方千米）</translation>
    </message>
    <message>
      <source>Areas are computed in {crs}.</source>
      <translation>面积在 {crs} 中计算。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no IUCN_CAT field: all its areas count as "Not Reported" in the coverage per IUCN category.</source>
      <translation>图层“{layer}”没有 IUCN_CAT 字段：在按 IUCN 类别的覆盖率中，其全部保护地计为 "Not Reported"。</translation>
    </message>
    <message>
      <source>{km2:.2f} km2 is protected only by areas without an establishment year (STATUS_YR); the timeline leaves it out.</source>
      <translation>{km2:.2f} 平方千米仅被无建立年份（STATUS_YR）的保护地覆盖，未计入时间序列。</translation>
    </message>
    <message>
      <source>{meeting} of {count} regions reach {target:.1f} %; all regions together: {percent:.2f} % protected.</source>
      <translation>{count} 个区域中有 {meeting} 个达到 {target:.1f} %；全部区域合计保护比例为 {percent:.2f} %。</translation>
    </message>
    <message>
      <source>Extent of the protected areas</source>
      <translation>保护地范围</translation>
    </message>
    <message>
      <source>The regions layer "{layer}" has no features: choose a layer with the regions to measure, or leave REGIONS empty to measure the extent of the protected areas.</source>
      <translation>区域图层“{layer}”没有要素：请选择包含待统计区域的图层，或将 REGIONS 留空以统计保护地范围。</translation>
    </message>
    <message>
      <source>All regions: {area:,.2f} km2, of which {protected:,.2f} km2 ({percent:.2f} %) is protected. {meeting} of {count} regions ({share:.1f} %) reach the target of {target:.1f} %; regions less than 1 % protected: {unprotected}.</source>
      <translation>全部区域：{area:,.2f} 平方千米，其中 {protected:,.2f} 平方千米（{percent:.2f} %）受保护。{count} 个区域中有 {meeting} 个（{share:.1f} %）达到 {target:.1f} % 的目标；保护比例低于 1 % 的区域：{unprotected} 个。</translation>
    </message>
    <message>
      <source>Cleaning of the protected areas</source>
      <translation>保护地数据清洗</translation>
    </message>
    <message>
      <source>Protected (%)</source>
      <translation>保护比例 (%)</translation>
    </message>
    <message>
      <source>Target {:.1f} %</source>
      <translation>目标 {:.1f} %</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Area (km2)</source>
      <translation>面积（平方千米）</translation>
    </message>
    <message>
      <source>Protected (km2)</source>
      <translation>保护面积（平方千米）</translation>
    </message>
    <message>
      <source>Gap to target (km2)</source>
      <translation>距目标差额（平方千米）</translation>
    </message>
    <message>
      <source>Meets target</source>
      <translation>达到目标</translation>
    </message>
    <message>
      <source>Overlaps go to the strictest category (Ia &gt; Ib &gt; II &gt; III &gt; IV &gt; V &gt; VI &gt; not reported), then to the earliest establishment year, as wdpar does; the categories of a region add up to its protected area.</source>
      <translation>与 wdpar 相同，重叠部分归于最严格的类别（Ia &gt; Ib &gt; II &gt; III &gt; IV &gt; V &gt; VI &gt; 未报告），其次归于建立年份最早的保护地；一个区域各类别之和等于其受保护面积。</translation>
    </message>
    <message>
      <source>No region holds protected land.</source>
      <translation>没有任何区域含有受保护的土地。</translation>
    </message>
    <message>
      <source>IUCN category</source>
      <translation>IUCN 类别</translation>
    </message>
    <message>
      <source>No protected area has an establishment year (STATUS_YR).</source>
      <translation>没有保护地带有建立年份（STATUS_YR）。</translation>
    </message>
    <message>
      <source>Path toward the target</source>
      <translation>迈向目标的历程</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>{km2:,.2f} km2 is protected only by areas without an establishment year and is not in this timeline.</source>
      <translation>{km2:,.2f} 平方千米仅被无建立年份的保护地覆盖，未计入此时间序列。</translation>
    </message>
    <message>
      <source>Added (km2)</source>
      <translation>新增（平方千米）</translation>
    </message>
  </context>
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
      <source>Feature {fid} of layer "{layer}" has no species name in field "{field}": fill it in or filter the layer, then run again.</source>
      <translation>图层“{layer}”的要素 {fid} 在字段“{field}”中没有物种名称：请填写或筛选该图层后重新运行。</translation>
    </message>
    <message>
      <source>(no group)</source>
      <translation>（未分组）</translation>
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
  <context>
    <name>SpeciesAreaAlgorithm</name>
    <message>
      <source>Species-area calculator</source>
      <translation>种-面积关系计算器</translation>
    </message>
    <message>
      <source>The species-area relationship S = c A^z (the Half-Earth arithmetic): when habitat shrinks to a share a of its original area, a share a^z of the species is expected to persist; keeping a share f of the species needs f^(1/z) of the area. Protecting half keeps 0.5^0.25 = 84 %, keeping 15 % keeps 0.15^0.25 = 62 %.
COVERAGE: the share of habitat kept (e.g. protected), in %. Z: the exponent (about 0.25; 0.15 to 0.4). SPECIES_SHARE: the share of species to keep, in %.
PERSISTING_PERCENT: species expected to persist at COVERAGE; AREA_NEEDED_PERCENT: habitat needed for SPECIES_SHARE. OUTPUT: a table of both for z = 0.15 ... 0.4 and Z.</source>
      <translation>种-面积关系 S = c A^z（“半个地球”的算术）：生境缩减到原面积的比例 a 时，预计有比例 a^z 的物种可以存续；要保留比例 f 的物种，需要 f^(1/z) 的面积。保护一半面积可保留 0.5^0.25 = 84 % 的物种，保留 15 % 的面积可保留 0.15^0.25 = 62 %。
COVERAGE：保留（如受保护）的生境比例 (%)。Z：指数（约 0.25，范围 0.15 至 0.4）。SPECIES_SHARE：要保留的物种比例 (%)。
PERSISTING_PERCENT：在 COVERAGE 下预计存续的物种比例；AREA_NEEDED_PERCENT：达到 SPECIES_SHARE 所需的生境比例。OUTPUT：z = 0.15 ... 0.4 以及 Z 时两者的表格。</translation>
    </message>
    <message>
      <source>Share of habitat kept (%)</source>
      <translation>保留的生境比例 (%)</translation>
    </message>
    <message>
      <source>Species-area exponent z</source>
      <translation>种-面积关系指数 z</translation>
    </message>
    <message>
      <source>Share of species to keep (%)</source>
      <translation>要保留的物种比例 (%)</translation>
    </message>
    <message>
      <source>Species-area table</source>
      <translation>种-面积关系表</translation>
    </message>
    <message>
      <source>Species persisting (%)</source>
      <translation>存续的物种比例 (%)</translation>
    </message>
    <message>
      <source>Habitat needed (%)</source>
      <translation>所需生境比例 (%)</translation>
    </message>
    <message>
      <source>With {coverage:.1f} % of the habitat, {persisting:.1f} % of the species are expected to persist (z = {z}); keeping {share:.1f} % of them needs {needed:.1f} % of the habitat.</source>
      <translation>保留 {coverage:.1f} % 的生境时，预计 {persisting:.1f} % 的物种可以存续（z = {z}）；要保留 {share:.1f} % 的物种，需要 {needed:.1f} % 的生境。</translation>
    </message>
  </context>
</TS>
