<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Every source cell is a barrier (nodata or resistance &lt;= 0) in the resistance raster.</source>
      <translation>所有源像元在阻力栅格中都是障碍（无数据或阻力小于等于 0）。</translation>
    </message>
    <message>
      <source>The resistance raster holds {value:g}, the largest value its data type holds: nodata the raster does not declare. Declare it as the raster's nodata value (Raster &gt; Conversion &gt; Translate, "Assign a specified nodata value to output bands"), or give those cells the resistance you mean.</source>
      <translation>阻力栅格含有 {value:g}，即其数据类型所能容纳的最大值：这是栅格未声明的无数据值。请将其声明为栅格的无数据值（栅格 &gt; 转换 &gt; 转换格式，“为输出波段指定无数据值”），或为这些像元赋予您想要的阻力值。</translation>
    </message>
    <message>
      <source>The resistance must be a 2-D grid.</source>
      <translation>阻力必须是二维网格。</translation>
    </message>
    <message>
      <source>The cell size must be positive (got {width} x {height}).</source>
      <translation>像元大小必须为正（当前为 {width} × {height}）。</translation>
    </message>
    <message>
      <source>The resistance raster has no passable cell: every cell is nodata or &lt;= 0.</source>
      <translation>阻力栅格没有可通行的像元：所有像元均为无数据或小于等于 0。</translation>
    </message>
    <message>
      <source>The source mask does not have the shape of the resistance grid.</source>
      <translation>源掩膜的形状与阻力网格不一致。</translation>
    </message>
    <message>
      <source>A source cell index lies outside the resistance grid.</source>
      <translation>有源像元索引位于阻力网格之外。</translation>
    </message>
    <message>
      <source>There is no source cell.</source>
      <translation>没有源像元。</translation>
    </message>
    <message>
      <source>The target cell lies outside the resistance grid.</source>
      <translation>目标像元位于阻力网格之外。</translation>
    </message>
    <message>
      <source>The target cannot be reached from any source.</source>
      <translation>任何源都无法到达目标。</translation>
    </message>
    <message>
      <source>The accumulated cost surface does not lead back to a source.</source>
      <translation>累积成本面无法回溯到任何源。</translation>
    </message>
  </context>
</TS>
