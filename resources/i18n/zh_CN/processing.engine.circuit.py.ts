<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>No cell of the resistance raster is usable (all are nodata, &lt;= 0 or masked).</source>
      <translation>阻力栅格中没有可用的像元（全部为无数据、&lt;= 0 或被掩膜）。</translation>
    </message>
    <message>
      <source>An input grid has {rows} x {cols} cells but the resistance grid {ref_rows} x {ref_cols}: put both on the same grid.</source>
      <translation>某个输入格网为 {rows} x {cols} 个像元，而阻力格网为 {ref_rows} x {ref_cols}：请将两者置于同一格网。</translation>
    </message>
    <message>
      <source>Focal node ids must be whole numbers; the focal grid holds {value}.</source>
      <translation>焦点编号必须是整数；焦点格网中含有 {value}。</translation>
    </message>
    <message>
      <source>The focal node grid does not have the shape of the resistance grid.</source>
      <translation>焦点格网的形状与阻力格网不一致。</translation>
    </message>
    <message>
      <source>The short-circuit region grid does not have the shape of the resistance grid.</source>
      <translation>短路区域格网的形状与阻力格网不一致。</translation>
    </message>
    <message>
      <source>Every link needs a finite resistance &gt; 0.</source>
      <translation>每条连接都需要一个大于 0 的有限电阻。</translation>
    </message>
    <message>
      <source>The iterative solver did not converge ({iterations} iterations): the resistances may span too many orders of magnitude.</source>
      <translation>迭代求解器未收敛（{iterations} 次迭代）：电阻值的数量级跨度可能过大。</translation>
    </message>
    <message>
      <source>There is no focal node: give focal points or a focal node raster with ids &gt; 0.</source>
      <translation>没有焦点：请提供焦点，或编号 &gt; 0 的焦点栅格。</translation>
    </message>
    <message>
      <source>There is only one focal node ({id}): a circuit needs at least two.</source>
      <translation>只有一个焦点（{id}）：电路至少需要两个。</translation>
    </message>
    <message>
      <source>Fewer than two focal nodes lie on cells with data; focal node {ids} lies only on nodata, &lt;= 0 or masked cells. Move the focal nodes onto the landscape.</source>
      <translation>位于有数据像元上的焦点少于两个；焦点 {ids} 仅位于无数据、&lt;= 0 或被掩膜的像元上。请将焦点移到景观之内。</translation>
    </message>
    <message>
      <source>Could not read the included pairs file {path}: {error}</source>
      <translation>无法读取包含点对文件 {path}：{error}</translation>
    </message>
    <message>
      <source>The included pairs file {path} lists no pair: give one "id id" pair per line after its "mode" line, as in Circuitscape.</source>
      <translation>包含节点对文件 {path} 中没有列出任何节点对：请在“mode”行之后每行给出一对“编号 编号”，与 Circuitscape 相同。</translation>
    </message>
    <message>
      <source>The included pairs file {path} must start with "min" (a matrix) or "mode" (a list of pairs), as in Circuitscape.</source>
      <translation>包含点对文件 {path} 必须以 "min"（矩阵）或 "mode"（点对列表）开头，与 Circuitscape 相同。</translation>
    </message>
    <message>
      <source>Could not read the source strengths file {path}: {error}</source>
      <translation>无法读取源强度文件 {path}：{error}</translation>
    </message>
    <message>
      <source>The source strength of focal node {id} must be a number &gt;= 0, not {value}.</source>
      <translation>焦点 {id} 的源强度必须是大于或等于 0 的数，而不是 {value}。</translation>
    </message>
    <message>
      <source>Unknown source/ground conflict policy {policy}.</source>
      <translation>未知的电流源/接地冲突策略 {policy}。</translation>
    </message>
    <message>
      <source>No current source lies on a cell with data: advanced mode needs sources.</source>
      <translation>没有电流源位于有数据的像元上：高级模式需要电流源。</translation>
    </message>
    <message>
      <source>No ground lies on a cell with data: advanced mode needs grounds.</source>
      <translation>没有接地位于有数据的像元上：高级模式需要接地。</translation>
    </message>
    <message>
      <source>No connected part of the landscape holds both a source and a ground: there is nothing to solve.</source>
      <translation>景观中没有任何连通部分同时包含电流源和接地：无可求解。</translation>
    </message>
    <message>
      <source>resampled onto the resistance grid, its sources inject {after:g} A instead of {before:g} A (in {after_cells} cells instead of {before_cells}). Amperes are per cell: put the raster on the resistance raster's grid (the same cells, as Circuitscape requires) and run again.</source>
      <translation>重采样到阻力栅格网格后，其电流源注入 {after:g} A 而不是 {before:g} A（在 {after_cells} 个像元中，而不是 {before_cells} 个）。电流按像元计：请把该栅格放到阻力栅格的网格上（相同的像元，Circuitscape 也要求如此）后重新运行。</translation>
    </message>
    <message>
      <source>resampled onto the resistance grid, it has {after} ground cells instead of {before}. Grounds are per cell: put the raster on the resistance raster's grid (the same cells, as Circuitscape requires) and run again.</source>
      <translation>重采样到阻力栅格网格后，它有 {after} 个接地像元而不是 {before} 个。接地按像元计：请把该栅格放到阻力栅格的网格上（相同的像元，Circuitscape 也要求如此）后重新运行。</translation>
    </message>
    <message>
      <source>resampled onto the resistance grid, it loses the focal ids {ids}: their cells fall between the centres of the resistance cells. Put the raster on the resistance raster's grid, or give the focal nodes as points or polygons, and run again.</source>
      <translation>重采样到阻力栅格网格后，它丢失了焦点编号 {ids}：这些像元落在阻力像元的中心之间。请把该栅格放到阻力栅格的网格上，或以点或面给出焦点节点，然后重新运行。</translation>
    </message>
    <message>
      <source>resampled onto the resistance grid, it loses the short-circuit regions {ids}: their cells fall between the centres of the resistance cells. Put the raster on the resistance raster's grid and run again.</source>
      <translation>重采样到阻力栅格网格后，它丢失了短路区域 {ids}：这些像元落在阻力像元的中心之间。请把该栅格放到阻力栅格的网格上后重新运行。</translation>
    </message>
    <message>
      <source>The ground raster has a negative value in {count} cell(s), the first {value:g} at row {row}, column {column} (from 1 at the top left): a resistance or conductance to ground is 0 or more. Give the cells without a ground nodata.</source>
      <translation>接地栅格有 {count} 个像元为负值，第一个为 {value:g}，位于第 {row} 行、第 {column} 列（从左上角起算，从 1 开始）：对地电阻或电导必须大于或等于 0。请将没有接地的像元设为无数据。</translation>
    </message>
    <message>
      <source>Current-flow centrality needs at least two nodes.</source>
      <translation>电流中心度至少需要两个节点。</translation>
    </message>
  </context>
</TS>
