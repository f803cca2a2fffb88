<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The gravity model needs at least two sources; {count} given.</source>
      <translation>引力模型至少需要两个生态源地；实际给出 {count} 个。</translation>
    </message>
    <message>
      <source>Source {source} has no resistance cell with a positive value under it (mean {value}): it lies on nodata or outside the resistance raster.</source>
      <translation>源地 {source} 下没有阻力为正值的像元（平均值 {value}）：它位于无数据区或阻力栅格之外。</translation>
    </message>
    <message>
      <source>Source {source} has an area of {area} in the chosen unit: ln(area) would not be positive. Choose a smaller area unit.</source>
      <translation>源地 {source} 在所选单位下的面积为 {area}：ln(面积) 不为正。请选择更小的面积单位。</translation>
    </message>
    <message>
      <source>A least-cost corridor cost is negative or missing: give a cost of 0 or more for every link.</source>
      <translation>某条最小成本廊道的成本为负或缺失：请为每条连接给出大于或等于 0 的成本。</translation>
    </message>
    <message>
      <source>No two sources are connected by a corridor of finite, positive cost.</source>
      <translation>没有任何两个源地之间存在成本有限且为正的廊道。</translation>
    </message>
  </context>
</TS>
