<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>No core lies on the resistance raster: use a raster that covers the reserve.</source>
      <translation>没有核心区位于阻力栅格上：请使用覆盖整个保护区的栅格。</translation>
    </message>
    <message>
      <source>Zone widths must be zero or positive numbers of metres, not {width}.</source>
      <translation>分区宽度必须是零或正的米数，而不是 {width}。</translation>
    </message>
    <message>
      <source>The reserve boundary has no area: give a boundary polygon or none at all.</source>
      <translation>保护区边界没有面积：请提供边界多边形，或完全不提供边界。</translation>
    </message>
    <message>
      <source>There are no core areas: the core layer is empty.</source>
      <translation>没有核心区：核心区图层为空。</translation>
    </message>
    <message>
      <source>Core {core} has no usable polygon (null, empty or invalid geometry).</source>
      <translation>核心区 {core} 没有可用的多边形（几何为空或无效）。</translation>
    </message>
    <message>
      <source>Core {core} lies entirely outside the reserve boundary: remove it or extend the boundary.</source>
      <translation>核心区 {core} 完全位于保护区边界之外：请删除该核心区或扩大边界。</translation>
    </message>
  </context>
</TS>
