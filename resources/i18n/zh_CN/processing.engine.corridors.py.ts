<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Core {core} covers no cell of the resistance raster: it lies outside the raster or entirely under other cores. Use cores and a raster that cover the same area.</source>
      <translation>核心区 {core} 没有覆盖阻力栅格的任何像元：它位于栅格之外，或完全被其他核心区覆盖。请使用覆盖同一区域的核心区和栅格。</translation>
    </message>
    <message>
      <source>A corridor network needs at least two cores; {count} given.</source>
      <translation>廊道网络至少需要两个核心区；实际给出 {count} 个。</translation>
    </message>
    <message>
      <source>A core has no id; give every core an id.</source>
      <translation>有核心区没有编号；请为每个核心区填写编号。</translation>
    </message>
    <message>
      <source>Core id {core} is used by more than one core; core ids must be unique.</source>
      <translation>核心区编号 {core} 被多个核心区使用；核心区编号必须唯一。</translation>
    </message>
    <message>
      <source>Core {core} lies only on barrier cells (nodata or resistance &lt;= 0) of the resistance raster, so no corridor can leave it.</source>
      <translation>核心区 {core} 只位于阻力栅格的障碍像元（无数据或阻力 &lt;= 0）上，廊道无法从它出发。</translation>
    </message>
  </context>
</TS>
