<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>SiteCoverageAlgorithm</name>
    <message>
      <source>Site coverage (KBAs, stopover sites)</source>
      <translation>站点覆盖率（KBA、停歇点）</translation>
    </message>
    <message>
      <source>How much of each site lies in protected areas, and the share of sites protected.</source>
      <translation>各站点有多少位于保护地内，以及受保护站点的比例。</translation>
    </message>
    <message>
      <source>KBA,key biodiversity area,stopover,site,coverage,protected,30x30,target 3</source>
      <translation>KBA,关键生物多样性区域,停歇点,站点,覆盖率,保护,30x30,目标3</translation>
    </message>
    <message>
      <source>How much of each site lies in protected areas: Key Biodiversity Areas, stopover sites of migratory birds, monitoring points.</source>
      <translation>计算每个站点位于保护地内的比例：关键生物多样性区域、候鸟停歇点、监测点。</translation>
    </message>
    <message>
      <source>OUTPUT: each site with protected_pct (the share of a polygon's area protected; 100 or 0 for a point) and coverage_class: full (&gt;= 98 %, the KBA convention), partial or none.</source>
      <translation>OUTPUT：每个站点及其 protected_pct（多边形面积中受保护的比例；点为 100 或 0）和 coverage_class：full（&gt;= 98 %，KBA 惯例）、partial 或 none。</translation>
    </message>
    <message>
      <source>OUTPUT_SUMMARY: per group and region the site count, the % of sites fully, partially and not protected, the mean protected_pct and weighted_pct = sum(weight x protected_pct) / sum(weight), e.g. the share of the counted birds whose stopover site is protected.</source>
      <translation>OUTPUT_SUMMARY：每个类群和区域的站点数、完全受保护、部分受保护和未受保护站点的百分比、protected_pct 平均值以及 weighted_pct = sum(权重 x protected_pct) / sum(权重)，例如停歇点受保护的已计数鸟类所占比例。</translation>
    </message>
    <message>
      <source>Areas in m2 of an equal-area projection centred on the data.</source>
      <translation>面积以平方米计，在以数据为中心的等积投影中计算。</translation>
    </message>
    <message>
      <source>Points or polygons: Key Biodiversity Areas, stopover sites of migratory birds, monitoring points.</source>
      <translation>点或多边形：关键生物多样性区域、候鸟停歇点、监测点。</translation>
    </message>
    <message>
      <source>Names the sites.</source>
      <translation>站点名称字段。</translation>
    </message>
    <message>
      <source>Groups the sites, e.g. by species or site type.</source>
      <translation>对站点分组，例如按物种或站点类型。</translation>
    </message>
    <message>
      <source>Weights the sites, e.g. by bird counts.</source>
      <translation>站点的权重，例如鸟类计数。</translation>
    </message>
    <message>
      <source>A site belongs to the region holding its representative point.</source>
      <translation>站点属于包含其代表点的区域。</translation>
    </message>
    <message>
      <source>The field naming each region.</source>
      <translation>区域名称字段。</translation>
    </message>
    <message>
      <source>A point site this close to a protected area (metres) counts as inside; a point on the boundary is inside.</source>
      <translation>与保护地相距不超过此值（米）的点状站点计为在保护地内；位于边界上的点计为在内。</translation>
    </message>
    <message>
      <source>Sites (points or polygons)</source>
      <translation>站点（点或面）</translation>
    </message>
    <message>
      <source>Site name or id field</source>
      <translation>站点名称或编号字段</translation>
    </message>
    <message>
      <source>Group field (e.g. species or site type)</source>
      <translation>分组字段（如物种或站点类型）</translation>
    </message>
    <message>
      <source>Weight field (e.g. bird counts)</source>
      <translation>权重字段（如鸟类计数）</translation>
    </message>
    <message>
      <source>Regions (provinces, counties)</source>
      <translation>区域（省、县）</translation>
    </message>
    <message>
      <source>Region name field</source>
      <translation>区域名称字段</translation>
    </message>
    <message>
      <source>Tolerance for points (m)</source>
      <translation>点的容差（米）</translation>
    </message>
    <message>
      <source>Site coverage</source>
      <translation>站点覆盖率</translation>
    </message>
    <message>
      <source>Site coverage per group and region</source>
      <translation>按分组和区域的站点覆盖率</translation>
    </message>
    <message>
      <source>{count} sites lie outside every region; the summary lists them as "{label}".</source>
      <translation>{count} 个站点位于所有区域之外；汇总中列为“{label}”。</translation>
    </message>
    <message>
      <source>{count} sites: {full:.1f} % fully, {partial:.1f} % partly protected; mean protected share {mean:.2f} %.</source>
      <translation>{count} 个站点：{full:.1f} % 完全受保护，{partial:.1f} % 部分受保护；平均受保护比例 {mean:.2f} %。</translation>
    </message>
    <message>
      <source>(all)</source>
      <translation>（全部）</translation>
    </message>
  </context>
</TS>
