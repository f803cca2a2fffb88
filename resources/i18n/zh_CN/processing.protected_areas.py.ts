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
  </context>
</TS>
