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
      <source>feature id {fid} has no value in the field "{field}". Give every link the ids of the two cores it joins, or delete it.</source>
      <translation>要素 ID {fid} 的字段“{field}”没有值。请为每条连接填写它所连接的两个核心区的编号，或删除该连接。</translation>
    </message>
    <message>
      <source>feature id {fid} names core {core}, which is not in the core layer. Use the cores the links were built from.</source>
      <translation>要素 ID {fid} 指向核心区 {core}，但它不在核心区图层中。请使用构建这些连接时的核心区。</translation>
    </message>
    <message>
      <source>feature id {fid} joins core {core} to itself. A link joins two cores: delete it.</source>
      <translation>要素 ID {fid} 把核心区 {core} 连接到它自身。一条连接应连接两个核心区：请删除它。</translation>
    </message>
    <message>
      <source>features id {first} and {second} both join cores {one} and {two}. Keep one link per pair of cores: delete the other.</source>
      <translation>要素 ID {first} 和 {second} 都连接核心区 {one} 和 {two}。每对核心区只保留一条连接：请删除另一条。</translation>
    </message>
    <message>
      <source>Core {core} lies only on barrier cells (nodata or resistance &lt;= 0) of the resistance raster, so no corridor can leave it.</source>
      <translation>核心区 {core} 只位于阻力栅格的障碍像元（无数据或阻力 &lt;= 0）上，廊道无法从它出发。</translation>
    </message>
  </context>
</TS>
