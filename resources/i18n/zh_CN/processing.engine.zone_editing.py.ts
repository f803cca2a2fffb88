<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>A reserve lies outside the resistance raster; choose a raster that covers both reserves.</source>
      <translation>有保护地位于阻力栅格范围之外；请选择覆盖两个保护地的栅格。</translation>
    </message>
    <message>
      <source>The drawn polygon has no area; draw at least three points that enclose an area.</source>
      <translation>绘制的多边形没有面积；请至少绘制三个围成区域的点。</translation>
    </message>
    <message>
      <source>The corridor width must be greater than 0 (it is {width}).</source>
      <translation>廊道宽度必须大于 0（当前为 {width}）。</translation>
    </message>
    <message>
      <source>The corridor centre line has no length; click at least two different points.</source>
      <translation>廊道中心线长度为零；请至少点击两个不同的点。</translation>
    </message>
    <message>
      <source>Start the corridor in one reserve and end it in another (click inside or on their edges).</source>
      <translation>廊道须从一个保护地开始、在另一个保护地结束（在其内部或边界上点击）。</translation>
    </message>
    <message>
      <source>The corridor starts and ends in the same reserve; end it in another reserve.</source>
      <translation>廊道的起点和终点位于同一个保护地；请在另一个保护地结束。</translation>
    </message>
    <message>
      <source>No path joins the two reserves: barriers (nodata or resistance &lt;= 0) separate them.</source>
      <translation>没有路径连接这两个保护地：障碍（无数据或阻力 &lt;= 0）将它们隔开。</translation>
    </message>
  </context>
</TS>
