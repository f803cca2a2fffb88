<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerCoverage</name>
    <message>
      <source>One or more layers: WDPA-like polygons, points with REP_AREA in km2, or your own layers.</source>
      <translation>一个或多个图层（WDPA 类的面、带 REP_AREA（平方千米）的点，或您自己的图层）。</translation>
    </message>
    <message>
      <source>A layer with a "zone" field (a Reserve Planner zoning layer) counts only its core zones.</source>
      <translation>带 "zone" 字段的图层（本插件的功能区图层）只计核心区。</translation>
    </message>
    <message>
      <source>A layer without STATUS, DESIG_ENG or STATUS_YR skips the cleaning step that needs the field; the log says so, and what every step removed or changed.</source>
      <translation>缺少 STATUS、DESIG_ENG 或 STATUS_YR 字段的图层跳过需要该字段的清洗步骤；日志会说明这一点，并列出每一步删除或改动了什么。</translation>
    </message>
    <message>
      <source>Keep only protected areas whose STATUS is Designated, Inscribed or Established, as Protected Planet does.</source>
      <translation>与 Protected Planet 相同，只保留 STATUS 为 Designated / Inscribed / Established 的保护地。</translation>
    </message>
    <message>
      <source>Drop UNESCO-MAB Biosphere Reserves (DESIG_ENG mentions "UNESCO-MAB" or "Biosphere Reserve"): their buffer and transition zones are not protected.</source>
      <translation>排除人与生物圈（MAB）生物圈保护区（DESIG_ENG 含 "UNESCO-MAB" 或 "Biosphere Reserve"）：其缓冲区和实验区不属于保护地。</translation>
    </message>
    <message>
      <source>Points without a reported area are dropped; the others become circles of radius sqrt(REP_AREA x 1e6 / pi) m.</source>
      <translation>没有申报面积的点被删除，其余的点转为半径 sqrt(REP_AREA x 1e6 / pi) 米的圆。</translation>
    </message>
    <message>
      <source>Repair invalid geometries before measuring them.</source>
      <translation>量算前修复无效几何。</translation>
    </message>
    <message>
      <source>Count overlapping protected areas once.</source>
      <translation>重叠的保护地只计一次（融合）。</translation>
    </message>
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
    <message>
      <source>Extent of the protected areas</source>
      <translation>保护地范围</translation>
    </message>
    <message>
      <source>The regions layer "{layer}" has no features: choose a layer with the regions to measure, or leave REGIONS empty to measure the extent of the protected areas.</source>
      <translation>区域图层“{layer}”没有要素：请选择包含待统计区域的图层，或将 REGIONS 留空以统计保护地范围。</translation>
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
      <source>Habitat rasters</source>
      <translation>生境栅格</translation>
    </message>
    <message>
      <source>The habitat raster "{layer}" has no habitat cell (every cell is nodata or 0): it still counts as a species, with no habitat. Check the raster, or leave it out of HABITAT_RASTERS.</source>
      <translation>生境栅格“{layer}”没有任何生境像元（所有像元均为无数据或 0）：它仍被计为一个没有生境的物种。请检查该栅格，或将其从 HABITAT_RASTERS 中移除。</translation>
    </message>
    <message>
      <source>The habitat raster "{layer}" has no coordinate reference system (CRS), so its cells cannot be placed on the protected areas: set its CRS (Layer Properties &gt; Source) and run again.</source>
      <translation>生境栅格“{layer}”没有坐标参考系（CRS），其像元无法与保护地对应：请设置其坐标参考系（图层属性 &gt; 源）后重新运行。</translation>
    </message>
    <message>
      <source>The habitat raster "{layer}" is in {crs}, whose cells do not have true areas: warp it to an equal-area or UTM projection (Raster &gt; Projections &gt; Warp) and run again.</source>
      <translation>生境栅格“{layer}”采用 {crs}，其像元面积不真实：请将其重投影到等积投影或 UTM 投影（栅格 &gt; 投影 &gt; 变形）后重新运行。</translation>
    </message>
  </context>
</TS>
