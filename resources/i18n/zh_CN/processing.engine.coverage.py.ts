<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>{count} features without a geometry removed (e.g. {ids}).</source>
      <translation>删除了 {count} 个没有几何的要素（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Status filter: {count} areas with STATUS "{status}" removed (e.g. {ids}).</source>
      <translation>状态筛选：删除了 {count} 个 STATUS 为“{status}”的保护地（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Status filter: {count} areas without a STATUS (NULL or empty) removed (e.g. {ids}).</source>
      <translation>状态筛选：删除了 {count} 个没有 STATUS（NULL 或空值）的保护地（例如 {ids}）。</translation>
    </message>
    <message>
      <source>UNESCO-MAB Biosphere Reserve designations: {count} areas removed (e.g. {ids}).</source>
      <translation>人与生物圈（MAB）生物圈保护区：删除了 {count} 个（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Zoning layers: {count} buffer or transition zones removed, only core zones count (e.g. {ids}).</source>
      <translation>功能区图层：删除了 {count} 个缓冲区或实验区，只计核心区（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Points: {count} points removed because turning points into circles is switched off (e.g. {ids}).</source>
      <translation>点：由于关闭了“点转为圆”，删除了 {count} 个点（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Points: {count} points without a reported area (REP_AREA) removed (e.g. {ids}).</source>
      <translation>点：删除了 {count} 个没有申报面积（REP_AREA）的点（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Points: {count} points turned into circles of their reported area (REP_AREA).</source>
      <translation>点：{count} 个点已转为与其申报面积（REP_AREA）相同的圆。</translation>
    </message>
    <message>
      <source>Geometry repair: {count} invalid geometries repaired (e.g. {ids}).</source>
      <translation>几何修复：修复了 {count} 个无效几何（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Geometry repair: {count} geometries could not be repaired and were removed (e.g. {ids}).</source>
      <translation>几何修复：{count} 个几何无法修复，已删除（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Geometry repair switched off: {count} invalid geometries removed (e.g. {ids}).</source>
      <translation>几何修复已关闭：删除了 {count} 个无效几何（例如 {ids}）。</translation>
    </message>
    <message>
      <source>STATUS_YR: {count} areas have a value that is not a year ("{value}"), so they have no establishment year (e.g. {ids}). Write the year (1990, or a date such as 1990-05-01).</source>
      <translation>STATUS_YR：{count} 个保护地的值不是年份（“{value}”），因此没有设立年份（例如 {ids}）。请填写年份（1990，或日期如 1990-05-01）。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no STATUS field: the status filter keeps all its areas.</source>
      <translation>图层“{layer}”没有 STATUS 字段：状态筛选保留其全部保护地。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no DESIG_ENG field: no UNESCO-MAB designation can be recognised in it.</source>
      <translation>图层“{layer}”没有 DESIG_ENG 字段：无法识别其中的人与生物圈（MAB）保护区。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no STATUS_YR field: its areas have no establishment year.</source>
      <translation>图层“{layer}”没有 STATUS_YR 字段：其保护地没有建立年份。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has points but no REP_AREA field: its points have no area.</source>
      <translation>图层“{layer}”含有点但没有 REP_AREA 字段：这些点没有面积。</translation>
    </message>
    <message>
      <source>Overlaps are not dissolved: overlapping areas are counted as often as they occur and coverage may exceed 100 %.</source>
      <translation>未融合重叠部分：重叠面积按出现次数重复计算，覆盖率可能超过 100 %。</translation>
    </message>
    <message>
      <source>Overlaps counted once: {count} protected polygons, {before:.2f} km2 in total, dissolve into {units} units of {after:.2f} km2 ({removed:.2f} km2 of overlap removed).</source>
      <translation>重叠部分只计一次：{count} 个保护地多边形共 {before:.2f} 平方千米，融合为 {units} 个单元，共 {after:.2f} 平方千米（去除了 {removed:.2f} 平方千米的重叠）。</translation>
    </message>
  </context>
</TS>
