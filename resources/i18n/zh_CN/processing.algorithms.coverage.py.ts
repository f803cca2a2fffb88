<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ProtectedCoverageAlgorithm</name>
    <message>
      <source>Protected-area coverage</source>
      <translation>保护地覆盖率</translation>
    </message>
    <message>
      <source>Share of each region covered by cleaned protected areas, against a target such as 30 x 30.</source>
      <translation>计算各区域被清洗后的保护地覆盖的比例，并与目标（如 30 x 30）比较。</translation>
    </message>
    <message>
      <source>protected area,coverage,WDPA,30x30,GBF,Target 3,wdpar,IUCN,gap analysis</source>
      <translation>保护地,覆盖率,WDPA,30x30,全球生物多样性框架,目标 3,wdpar,IUCN,空缺分析</translation>
    </message>
    <message>
      <source>Share of each region covered by protected areas, cleaned the way Protected Planet and wdpar do it, against a target such as the GBF Target 3 (30 %).</source>
      <translation>按 Protected Planet 和 wdpar 的方法清洗保护地数据后，计算各区域被保护地覆盖的比例，并与目标（如《昆明-蒙特利尔全球生物多样性框架》目标 3 的 30 %）比较。</translation>
    </message>
    <message>
      <source>Areas are computed in a Lambert azimuthal equal-area projection centred on the data, whatever the input CRSs (CGCS2000 regions and WGS 84 protected areas together work).</source>
      <translation>无论输入采用何种坐标系，面积均在以数据为中心的兰伯特方位等积投影中计算（CGCS2000 的区域与 WGS 84 的保护地可以一起使用）。</translation>
    </message>
    <message>
      <source>Outputs: the regions with area_km2, protected_km2, percent, gap_km2 (protected area still needed to reach the target) and meets_target; optionally the cleaned protected areas, coverage over time, coverage per IUCN category and an HTML report.</source>
      <translation>输出：各区域及其 area_km2、protected_km2、percent、gap_km2（达到目标尚需的保护面积）和 meets_target；可选输出清洗后的保护地、覆盖率随时间变化、按 IUCN 类别的覆盖率和 HTML 报告。</translation>
    </message>
    <message>
      <source>Numbers: REGIONS_MEETING_TARGET, REGION_COUNT, REPRESENTATIVENESS (% of regions meeting the target), UNPROTECTED_REGIONS (&lt; 1 % covered), PROTECTED_PERCENT and PROTECTED_KM2 over all regions.</source>
      <translation>数值输出：REGIONS_MEETING_TARGET、REGION_COUNT、REPRESENTATIVENESS（达到目标的区域所占百分比）、UNPROTECTED_REGIONS（覆盖率低于 1 % 的区域数）、PROTECTED_PERCENT 和 PROTECTED_KM2（全部区域合计）。</translation>
    </message>
    <message>
      <source>Provinces, ecoregions... that do not overlap (the totals add them up).</source>
      <translation>互不重叠的省份、生态区等（合计值由各区域相加）。</translation>
    </message>
    <message>
      <source>Without it, one row for the rectangle enclosing the protected areas.</source>
      <translation>不提供时，输出一行，区域为包围所有保护地的矩形。</translation>
    </message>
    <message>
      <source>Features with the same value are the parts of one region (a multi-part ecoregion), dissolved into one row, and the region counts are counts of these regions.</source>
      <translation>取值相同的要素是同一区域的各个部分（如由多块组成的生态区），融合为一行，区域计数按这样的区域计算。</translation>
    </message>
    <message>
      <source>A feature whose value is NULL, or every feature without this field, is a region of its own, named by its feature id.</source>
      <translation>取值为 NULL 的要素，或不提供该字段时的每个要素，各自作为一个区域，以其要素编号命名。</translation>
    </message>
    <message>
      <source>The target coverage in %.</source>
      <translation>目标覆盖率 (%)。</translation>
    </message>
    <message>
      <source>The cleaned, dissolved protected areas, in the first PROTECTED layer's CRS.</source>
      <translation>清洗并融合后的保护地（采用第一个 PROTECTED 图层的坐标系）。</translation>
    </message>
    <message>
      <source>Coverage of all regions by establishment year (STATUS_YR; each area counted from its earliest year).</source>
      <translation>所有区域按建立年份（STATUS_YR，每块面积从其最早年份起计）的覆盖率变化。</translation>
    </message>
    <message>
      <source>One row per region and IUCN category present, with iucn_cat, area_km2 and percent (of the region).</source>
      <translation>每个区域中出现的每个 IUCN 类别一行，含 iucn_cat、area_km2 和 percent（占该区域的百分比）。</translation>
    </message>
    <message>
      <source>As wdpar does, overlaps are erased in priority order IUCN_CAT Ia &gt; Ib &gt; II &gt; III &gt; IV &gt; V &gt; VI &gt; Not Reported, then earliest STATUS_YR, so the categories of a region add up to its protected_km2.</source>
      <translation>与 wdpar 相同，重叠部分按优先顺序擦除——IUCN_CAT Ia &gt; Ib &gt; II &gt; III &gt; IV &gt; V &gt; VI &gt; Not Reported，其次按最早的 STATUS_YR——因此一个区域各类别之和等于其 protected_km2。</translation>
    </message>
    <message>
      <source>An area without IUCN_CAT or with another value counts as Not Reported.</source>
      <translation>没有 IUCN_CAT 或取其他值的保护地计为 Not Reported。</translation>
    </message>
    <message>
      <source>The cleaning summary, tables and charts of coverage per region, by IUCN category and over time, and the species-area arithmetic.</source>
      <translation>含清洗摘要、各区域覆盖率、按 IUCN 类别的覆盖率和覆盖率随时间变化的表格与图表，以及种-面积关系的估算。</translation>
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
</TS>
