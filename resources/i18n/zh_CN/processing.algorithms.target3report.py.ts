<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Target3ReportAlgorithm</name>
    <message>
      <source>Target 3 report (30 x 30 indicators)</source>
      <translation>目标 3 报告（30 x 30 指标）</translation>
    </message>
    <message>
      <source>The Kunming-Montreal Target 3 indicators per region, as a table, HTML and PDF report.</source>
      <translation>按区域给出的昆明-蒙特利尔目标 3 指标，输出为表格、HTML 和 PDF 报告。</translation>
    </message>
    <message>
      <source>30x30,target 3,GBF,KBA,ProtConn,SPI,OECM,report,atlas,PDF</source>
      <translation>30x30,目标3,GBF,KBA,ProtConn,SPI,OECM,报告,图集,PDF</translation>
    </message>
    <message>
      <source>The indicators countries report for Target 3 of the Kunming-Montreal Global Biodiversity Framework, per region and for all regions together, computed by the same engines as Protected-area coverage, Site coverage, Habitat coverage and ProtConn.</source>
      <translation>各国就昆明-蒙特利尔全球生物多样性框架目标 3 报告的指标，按区域及全部区域汇总，与“保护地覆盖率”“站点覆盖率”“生境覆盖率”和 ProtConn 使用相同的计算引擎。</translation>
    </message>
    <message>
      <source>Indicators: 3.1 coverage per realm by protected areas, by OECMs and by both (%); KBA coverage; ProtConn and its fractions; the Species Protection Index and the share of each class's habitat protected; ecoregion representativeness; the coverage trajectory by STATUS_YR and the yearly gain needed to reach TARGET by 2030.</source>
      <translation>指标：按生境类型（realm）的 3.1 覆盖率，分保护地、OECM 及两者（%）；KBA 覆盖率；ProtConn 及其分量；物种保护指数及各类群生境受保护比例；生态区代表性；按 STATUS_YR 的覆盖率变化轨迹，以及到 2030 年达到 TARGET 每年所需的增量。</translation>
    </message>
    <message>
      <source>Where an indicator cannot be computed (no protected area, no KBA, no OECM field) the report says why.</source>
      <translation>无法计算的指标（无保护地、无 KBA、无 OECM 字段）在报告中说明原因。</translation>
    </message>
    <message>
      <source>OUTPUT: one row per region and indicator (region, indicator, subject, value, unit, statement).</source>
      <translation>OUTPUT：每个区域每个指标一行（region、indicator、subject、value、unit、statement）。</translation>
    </message>
    <message>
      <source>The counties or provinces.</source>
      <translation>县或省。</translation>
    </message>
    <message>
      <source>The field naming each region.</source>
      <translation>区域名称字段。</translation>
    </message>
    <message>
      <source>Field of the PROTECTED layers telling OECMs from protected areas (WDPA: PA_DEF, 0 for an OECM).</source>
      <translation>PROTECTED 图层中区分 OECM 与保护地的字段（WDPA：PA_DEF，OECM 为 0）。</translation>
    </message>
    <message>
      <source>A layer without it counts as protected areas, and the report says so.</source>
      <translation>没有该字段的图层计为保护地，报告会说明。</translation>
    </message>
    <message>
      <source>The value of that field marking an OECM (default 0, as in the WDPA).</source>
      <translation>该字段中表示 OECM 的值（默认 0，同 WDPA）。</translation>
    </message>
    <message>
      <source>Polygons of the marine and coastal realm; coverage is reported for it and for the rest of each region (terrestrial and inland waters) apart.</source>
      <translation>海洋和沿海区域的面；分别报告该部分及各区域其余部分（陆地和内陆水域）的覆盖率。</translation>
    </message>
    <message>
      <source>A KBA belongs to the region holding its representative point; a point KBA counts as protected when it lies in a protected area or on its boundary.</source>
      <translation>KBA 归属于包含其代表点的区域；点状 KBA 位于保护地内或其边界上时计为受保护。</translation>
    </message>
    <message>
      <source>Reported as the mean share of each KBA protected and the share of KBAs fully protected.</source>
      <translation>报告各 KBA 受保护比例的平均值及完全受保护 KBA 的比例。</translation>
    </message>
    <message>
      <source>Range polygons of the species; give ranges, habitat rasters or both.</source>
      <translation>物种分布范围面；可给分布范围、生境栅格或两者。</translation>
    </message>
    <message>
      <source>The field naming the species.</source>
      <translation>物种名称字段。</translation>
    </message>
    <message>
      <source>Groups the species, e.g. Mammalia.</source>
      <translation>对物种分组，如 Mammalia。</translation>
    </message>
    <message>
      <source>One raster per species, in a CRS with true cell areas (geographic, or projected in metres); cells &gt; 0 are habitat, counted by cell centre.</source>
      <translation>每个物种一个栅格，坐标系须使像元面积真实（地理坐标系，或以米为单位的投影坐标系）；值大于 0 的像元为生境，按像元中心计数。</translation>
    </message>
    <message>
      <source>The species is named after the layer.</source>
      <translation>物种以图层名命名。</translation>
    </message>
    <message>
      <source>The class all the habitat rasters' species belong to.</source>
      <translation>所有生境栅格所代表物种所属的类群。</translation>
    </message>
    <message>
      <source>Ecoregion polygons: representativeness is the share of the ecoregions in the region reaching TARGET.</source>
      <translation>生态区面：代表性为区域内达到 TARGET 的生态区比例。</translation>
    </message>
    <message>
      <source>The field naming each ecoregion.</source>
      <translation>生态区名称字段。</translation>
    </message>
    <message>
      <source>Distance (m) at which the dispersal probability is PROBABILITY (JRC/DOPA: 10 000 m).</source>
      <translation>扩散概率等于 PROBABILITY 时的距离（米）（JRC/DOPA：10 000 米）。</translation>
    </message>
    <message>
      <source>ProtConn's dispersal probability at DISTANCE (default 0.5).</source>
      <translation>ProtConn 在 DISTANCE 处的扩散概率（默认 0.5）。</translation>
    </message>
    <message>
      <source>Protected areas outside a region (in a neighbouring region, or beyond all of them) but within this distance (m) of it carry dispersal between its protected units without adding area (ProtConn[Trans]).</source>
      <translation>区域外（相邻区域内或所有区域之外）但距该区域在此距离（米）以内的保护地，可在其保护单元之间传递扩散而不增加面积（ProtConn[Trans]）。</translation>
    </message>
    <message>
      <source>0 leaves them out; Saura et al. use 50 000 m.</source>
      <translation>0 表示不考虑；Saura 等使用 50 000 米。</translation>
    </message>
    <message>
      <source>The target coverage in %.</source>
      <translation>目标覆盖率 (%)。</translation>
    </message>
    <message>
      <source>The year of the data: the yearly gain needed is spread over the years left to 2030.</source>
      <translation>数据年份：所需增量分摊到距 2030 年的剩余年份。</translation>
    </message>
    <message>
      <source>The report with tables and charts.</source>
      <translation>含表格和图表的报告。</translation>
    </message>
    <message>
      <source>A print layout atlas: a summary page, then one page per region with a map, the indicator table and charts, in the language of QGIS.</source>
      <translation>打印布局图集：先是汇总页，然后每个区域一页，含地图、指标表和图表，语言随 QGIS 设置。</translation>
    </message>
    <message>
      <source>Regions (counties, provinces)</source>
      <translation>区域（县、省）</translation>
    </message>
    <message>
      <source>Region name field</source>
      <translation>区域名称字段</translation>
    </message>
    <message>
      <source>Field telling OECMs from protected areas</source>
      <translation>区分 OECM 与保护地的字段</translation>
    </message>
    <message>
      <source>Value of that field for an OECM</source>
      <translation>OECM 在该字段中的值</translation>
    </message>
    <message>
      <source>Marine and coastal realm (polygons)</source>
      <translation>海洋和沿海区域（面）</translation>
    </message>
    <message>
      <source>Key Biodiversity Areas (points or polygons)</source>
      <translation>关键生物多样性区域（点或面）</translation>
    </message>
    <message>
      <source>Species ranges</source>
      <translation>物种分布范围</translation>
    </message>
    <message>
      <source>Species name field</source>
      <translation>物种名称字段</translation>
    </message>
    <message>
      <source>Class field (e.g. Mammalia)</source>
      <translation>类群字段（如 Mammalia）</translation>
    </message>
    <message>
      <source>Habitat rasters (one per species, cells &gt; 0 are habitat)</source>
      <translation>生境栅格（每个物种一个，值大于 0 的像元为生境）</translation>
    </message>
    <message>
      <source>Class of the habitat rasters (e.g. Aves)</source>
      <translation>生境栅格所属类群（如 鸟纲）</translation>
    </message>
    <message>
      <source>Ecoregions</source>
      <translation>生态区</translation>
    </message>
    <message>
      <source>Ecoregion name field</source>
      <translation>生态区名称字段</translation>
    </message>
    <message>
      <source>ProtConn median dispersal distance (m)</source>
      <translation>ProtConn 扩散距离中位数（米）</translation>
    </message>
    <message>
      <source>ProtConn dispersal probability at that distance</source>
      <translation>ProtConn 在该距离处的扩散概率</translation>
    </message>
    <message>
      <source>ProtConn transboundary distance for stepping stones (m, 0 = none)</source>
      <translation>ProtConn 踏脚石的跨界距离（米，0 = 不使用）</translation>
    </message>
    <message>
      <source>Target coverage (%)</source>
      <translation>目标覆盖率（%）</translation>
    </message>
    <message>
      <source>Year of the data</source>
      <translation>数据年份</translation>
    </message>
    <message>
      <source>Target 3 indicators</source>
      <translation>目标 3 指标</translation>
    </message>
    <message>
      <source>Target 3 report (HTML)</source>
      <translation>目标 3 报告（HTML）</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
      <source>Target 3 report (PDF)</source>
      <translation>目标 3 报告（PDF）</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no field "{field}" telling OECMs from protected areas: all its areas count as protected areas.</source>
      <translation>图层“{layer}”没有区分 OECM 与保护地的字段“{field}”：其所有区域均计为保护地。</translation>
    </message>
    <message>
      <source>All regions</source>
      <translation>全部区域</translation>
    </message>
    <message>
      <source>Choose the field that names the species (SPECIES_FIELD).</source>
      <translation>请选择物种名称字段（SPECIES_FIELD）。</translation>
    </message>
    <message>
      <source>CLASS_FIELD names a field of the SPECIES layer, but no SPECIES layer was given: give the class of the habitat rasters in RASTER_CLASS instead.</source>
      <translation>CLASS_FIELD 是 SPECIES 图层的字段，但未提供 SPECIES 图层：请改在 RASTER_CLASS 中填写生境栅格所属类群。</translation>
    </message>
    <message>
      <source>The habitat raster "{layer}" does not overlap any region of REGIONS: check that it is the right raster and that its CRS ({crs}) is the one its coordinates are in, or leave it out of HABITAT_RASTERS.</source>
      <translation>生境栅格“{layer}”与 REGIONS 中任何区域都不重叠：请检查栅格是否选对、其坐标参考系（{crs}）是否与其坐标一致，或将其从 HABITAT_RASTERS 中移除。</translation>
    </message>
    <message>
      <source>This region has no {realm} part.</source>
      <translation>本区域没有{realm}部分。</translation>
    </message>
    <message>
      <source>No protected area or OECM lies in this part of the region.</source>
      <translation>本区域的这一部分没有保护地或 OECM。</translation>
    </message>
    <message>
      <source>OECMs cannot be told apart from protected areas: no layer has the OECM field.</source>
      <translation>无法区分 OECM 与保护地：没有图层含 OECM 字段。</translation>
    </message>
    <message>
      <source>terrestrial and inland waters</source>
      <translation>陆地和内陆水域</translation>
    </message>
    <message>
      <source>marine and coastal</source>
      <translation>海洋和沿海</translation>
    </message>
    <message>
      <source>Protected by areas without an establishment year (STATUS_YR): not in the trajectory.</source>
      <translation>仅由无建立年份（STATUS_YR）的区域保护：不计入变化轨迹。</translation>
    </message>
    <message>
      <source>The year of the data is 2030 or later: no years remain.</source>
      <translation>数据年份为 2030 年或之后：没有剩余年份。</translation>
    </message>
    <message>
      <source>The target is met.</source>
      <translation>已达到目标。</translation>
    </message>
    <message>
      <source>No KBA layer was given.</source>
      <translation>未提供 KBA 图层。</translation>
    </message>
    <message>
      <source>No KBA lies in this region.</source>
      <translation>本区域内没有 KBA。</translation>
    </message>
    <message>
      <source>No protected area: ProtConn is 0 and its fractions are undefined.</source>
      <translation>没有保护地：ProtConn 为 0，其分量无定义。</translation>
    </message>
    <message>
      <source>No species range or habitat reaches into this region.</source>
      <translation>没有物种分布范围或生境进入本区域。</translation>
    </message>
    <message>
      <source>No ecoregion lies in this region.</source>
      <translation>本区域内没有生态区。</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <source>3.1 Coverage: protected areas</source>
      <translation>3.1 覆盖率：保护地</translation>
    </message>
    <message>
      <source>3.1 Coverage: OECMs</source>
      <translation>3.1 覆盖率：OECM</translation>
    </message>
    <message>
      <source>3.1 Coverage: PAs and OECMs</source>
      <translation>3.1 覆盖率：保护地和 OECM</translation>
    </message>
    <message>
      <source>Coverage in year</source>
      <translation>该年份覆盖率</translation>
    </message>
    <message>
      <source>Protected, year unknown</source>
      <translation>受保护，年份未知</translation>
    </message>
    <message>
      <source>Yearly gain needed to reach the target by</source>
      <translation>到该年达到目标每年所需增量</translation>
    </message>
    <message>
      <source>KBAs</source>
      <translation>KBA 数量</translation>
    </message>
    <message>
      <source>KBA coverage (mean share protected)</source>
      <translation>KBA 覆盖率（受保护比例的平均值）</translation>
    </message>
    <message>
      <source>KBAs fully protected (&gt;= 98 %)</source>
      <translation>完全受保护的 KBA（&gt;= 98 %）</translation>
    </message>
    <message>
      <source>Prot</source>
      <translation>Prot</translation>
    </message>
    <message>
      <source>ProtConn</source>
      <translation>ProtConn</translation>
    </message>
    <message>
      <source>ProtUnconn</source>
      <translation>ProtUnconn</translation>
    </message>
    <message>
      <source>RelConn</source>
      <translation>RelConn</translation>
    </message>
    <message>
      <source>ProtConn[Prot] (% of ProtConn)</source>
      <translation>ProtConn[Prot]（占 ProtConn 的 %）</translation>
    </message>
    <message>
      <source>ProtConn[Trans] (% of ProtConn)</source>
      <translation>ProtConn[Trans]（占 ProtConn 的 %）</translation>
    </message>
    <message>
      <source>ProtConn[Unprot] (% of ProtConn)</source>
      <translation>ProtConn[Unprot]（占 ProtConn 的 %）</translation>
    </message>
    <message>
      <source>Species Protection Index</source>
      <translation>物种保护指数</translation>
    </message>
    <message>
      <source>Species</source>
      <translation>物种数</translation>
    </message>
    <message>
      <source>Habitat protected</source>
      <translation>生境受保护比例</translation>
    </message>
    <message>
      <source>Ecoregions reaching the target</source>
      <translation>达到目标的生态区</translation>
    </message>
    <message>
      <source>Ecoregion representativeness</source>
      <translation>生态区代表性</translation>
    </message>
    <message>
      <source>Ecoregions &lt; 1 % protected</source>
      <translation>保护比例 &lt; 1 % 的生态区</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>注</translation>
    </message>
    <message>
      <source>points a year</source>
      <translation>百分点/年</translation>
    </message>
    <message>
      <source>PAs</source>
      <translation>保护地</translation>
    </message>
    <message>
      <source>OECMs</source>
      <translation>OECM</translation>
    </message>
    <message>
      <source>PAs + OECMs</source>
      <translation>保护地 + OECM</translation>
    </message>
    <message>
      <source>Coverage (3.1)</source>
      <translation>覆盖率（3.1）</translation>
    </message>
    <message>
      <source>Protected (%)</source>
      <translation>受保护（%）</translation>
    </message>
    <message>
      <source>Target {:.0f} %</source>
      <translation>目标 {:.0f} %</translation>
    </message>
    <message>
      <source>Coverage by establishment year</source>
      <translation>按建立年份的覆盖率</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>Target 3 report (30 x 30)</source>
      <translation>目标 3 报告（30 x 30）</translation>
    </message>
    <message>
      <source>Indicators of Target 3 of the Kunming-Montreal Global Biodiversity Framework (CBD decision 15/5 monitoring framework), target {target:.0f} % by 2030, data of {year}.</source>
      <translation>昆明-蒙特利尔全球生物多样性框架目标 3 的指标（CBD 第 15/5 号决定监测框架），目标为 2030 年达到 {target:.0f} %，数据年份 {year}。</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Realm, class or year</source>
      <translation>生境类型、类群或年份</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Statement</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Cleaning of the protected areas</source>
      <translation>保护地清理</translation>
    </message>
    <message>
      <source>Protected areas and OECMs</source>
      <translation>保护地和 OECM</translation>
    </message>
    <message>
      <source>Reserve Planner; indicators of the CBD monitoring framework (decision 15/5). Green: protected areas and OECMs after cleaning.</source>
      <translation>Reserve Planner；CBD 监测框架（第 15/5 号决定）指标。绿色：清理后的保护地和 OECM。</translation>
    </message>
    <message>
      <source>The PDF report could not be written to {path}: {error}</source>
      <translation>无法将 PDF 报告写入 {path}：{error}</translation>
    </message>
  </context>
</TS>
