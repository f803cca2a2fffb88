<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Core</source>
      <translation>核心区</translation>
    </message>
    <message>
      <source>Islet</source>
      <translation>孤岛</translation>
    </message>
    <message>
      <source>Perforation</source>
      <translation>穿孔</translation>
    </message>
    <message>
      <source>Edge</source>
      <translation>边缘</translation>
    </message>
    <message>
      <source>Loop</source>
      <translation>环道</translation>
    </message>
    <message>
      <source>Bridge</source>
      <translation>桥接区</translation>
    </message>
    <message>
      <source>Branch</source>
      <translation>支线</translation>
    </message>
    <message>
      <source>Background</source>
      <translation>背景</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>The map has no foreground cell: MSPA needs at least one. Check the foreground values.</source>
      <translation>该图没有前景像元：MSPA 至少需要一个。请检查前景值。</translation>
    </message>
    <message>
      <source>The raster {layer} has no cell with data: MSPA needs a map of foreground and background.</source>
      <translation>栅格 {layer} 没有任何有数据的像元：MSPA 需要一张包含前景和背景的图。</translation>
    </message>
    <message>
      <source>The values {values} are given both as foreground and as missing; give each value once.</source>
      <translation>值 {values} 同时被给作前景和缺失；每个值只能给一次。</translation>
    </message>
    <message>
      <source>The foreground values {values} are the nodata value of the raster {layer}: those cells are missing, never foreground. If they are habitat, unset the nodata value of the raster (Raster &gt; Conversion &gt; Translate) and run again.</source>
      <translation>前景值 {values} 是栅格 {layer} 的无数据值：这些像元属于缺失，永远不会是前景。如果它们是生境，请取消该栅格的无数据值设置（栅格 &gt; 转换 &gt; 转换格式）后重新运行。</translation>
    </message>
    <message>
      <source>None of the foreground values {values} occurs in the raster {layer}, so every cell would be background. Its values are {present}: give the habitat classes as foreground.</source>
      <translation>前景值 {values} 均未出现在栅格 {layer} 中，所有像元都会成为背景。该栅格的值为 {present}：请把生境类别给作前景。</translation>
    </message>
    <message>
      <source>The foreground values {values} do not occur in the raster {layer}.</source>
      <translation>前景值 {values} 未出现在栅格 {layer} 中。</translation>
    </message>
    <message>
      <source>The missing values {values} do not occur in the raster {layer}.</source>
      <translation>缺失值 {values} 未出现在栅格 {layer} 中。</translation>
    </message>
    <message>
      <source>The raster {layer} has no background cell: every cell that is not foreground is nodata or missing, and MSPA draws edges, perforations and connectors only against background. If the nodata cells are not habitat, unset the nodata value of the raster (Raster &gt; Conversion &gt; Translate) and run again.</source>
      <translation>栅格 {layer} 没有背景像元：所有非前景像元都是无数据或缺失，而 MSPA 只在与背景相接处划出边缘、穿孔和连接体。如果无数据像元不是生境，请取消该栅格的无数据值设置（栅格 &gt; 转换 &gt; 转换格式）后重新运行。</translation>
    </message>
    <message>
      <source>The edge width must be at least 1 cell (it is {width}).</source>
      <translation>边缘宽度至少为 1 个像元（当前为 {width}）。</translation>
    </message>
  </context>
</TS>
