<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerPlanning</name>
    <message>
      <source>Results: COST, BOUNDARY, OBJECTIVE (the value minimised or maximised), GAP (the gap achieved) and OPTIMAL (true when the optimum is proven, within 0.01 %), solved by HiGHS through scipy.optimize.milp.</source>
      <translation>结果：COST、BOUNDARY、OBJECTIVE（被最小化或最大化的目标值）、GAP（达到的差距）和 OPTIMAL（证明最优时为 true，容差 0.01 %），求解器为 HiGHS，经由 scipy.optimize.milp 调用。</translation>
    </message>
    <message>
      <source>Seconds the solver may run (0 = no limit).</source>
      <translation>求解器可运行的秒数（0 = 不限）。</translation>
    </message>
    <message>
      <source>When it stops at the limit the best plan found so far is written and OPTIMAL is false.</source>
      <translation>到时停止时写出已找到的最佳方案，OPTIMAL 为 false。</translation>
    </message>
    <message>
      <source>Relative optimality gap at which the solver may stop: 0.01 = a plan proven to be within 1 % of the optimum; 0 = prove the optimum.</source>
      <translation>求解器可停止的相对最优性差距：0.01 = 证明方案与最优解相差不超过 1 %；0 = 证明最优。</translation>
    </message>
    <message>
      <source>Time limit (seconds, 0 = none)</source>
      <translation>时间限制（秒，0 = 不限）</translation>
    </message>
    <message>
      <source>Relative optimality gap to stop at (0-1; 0.01 = within 1 %)</source>
      <translation>停止时的相对最优性差距（0-1；0.01 = 1 % 以内）</translation>
    </message>
    <message>
      <source>Total cost</source>
      <translation>总成本</translation>
    </message>
    <message>
      <source>Boundary (length or zone boundary cost)</source>
      <translation>边界（长度或功能区边界成本）</translation>
    </message>
    <message>
      <source>Objective value</source>
      <translation>目标函数值</translation>
    </message>
    <message>
      <source>Relative gap achieved</source>
      <translation>达到的相对差距</translation>
    </message>
    <message>
      <source>Optimality proven</source>
      <translation>已证明最优</translation>
    </message>
    <message>
      <source>{parameter} must be a number.</source>
      <translation>{parameter} 必须是数字。</translation>
    </message>
    <message>
      <source>Solving with HiGHS…</source>
      <translation>正在用 HiGHS 求解…</translation>
    </message>
    <message>
      <source>Cost {cost:g}, boundary {boundary:g}, objective {objective:g}, gap {gap:.4%}, optimum {proven}.</source>
      <translation>成本 {cost:g}，边界 {boundary:g}，目标值 {objective:g}，差距 {gap:.4%}，最优性{proven}。</translation>
    </message>
    <message>
      <source>proven</source>
      <translation>已证明</translation>
    </message>
    <message>
      <source>not proven</source>
      <translation>未证明</translation>
    </message>
    <message>
      <source>These features cannot reach their target; the plan keeps the least shortfall (in brackets): {features}.</source>
      <translation>以下要素无法达到目标；方案保留了最小的缺口（括号内）：{features}。</translation>
    </message>
    <message>
      <source>Feature layer "{layer}" is neither a raster nor a polygon layer.</source>
      <translation>要素图层“{layer}”既不是栅格也不是面图层。</translation>
    </message>
    <message>
      <source>Feature layer "{layer}" gives the planning unit of feature id {fid} the amount {amount:g}: amounts are 0 or more. If the raster marks missing data with a value such as -9999, declare it as its nodata value (gdal_edit -a_nodata, or Raster &gt; Conversion &gt; Translate) and run again.</source>
      <translation>要素图层“{layer}”给要素编号为 {fid} 的规划单元的数量为 {amount:g}：数量应为 0 或更大。如果该栅格用 -9999 之类的值表示缺失数据，请将其声明为无数据值（gdal_edit -a_nodata，或“栅格 &gt; 转换 &gt; 转换格式”）后重新运行。</translation>
    </message>
    <message>
      <source>Feature layer "{layer}" has nothing in any planning unit: it lies beside them, or holds only nodata there. Check its extent and CRS, or leave it out.</source>
      <translation>要素图层“{layer}”在任何规划单元中都没有数据：它位于规划单元之外，或在那里只有无数据值。请检查其范围和坐标参考系，或将其移除。</translation>
    </message>
    <message>
      <source>Planning units "{first}" and "{second}" of layer "{layer}" overlap by {area:.1f} m² ({count} overlapping pairs in all): their shared land would count twice toward the targets. Give planning units that do not overlap (a grid, or a layer cleaned with Vector &gt; Geometry Tools).</source>
      <translation>图层“{layer}”的规划单元“{first}”和“{second}”重叠了 {area:.1f} 平方米（共有 {count} 对重叠）：它们共有的土地会被两次计入目标。请使用互不重叠的规划单元（规则格网，或用“矢量 &gt; 几何工具”清理过的图层）。</translation>
    </message>
    <message>
      <source>These features have no amount in any planning unit, so the plan does nothing for them: {features}. Check their amounts.</source>
      <translation>以下要素在所有规划单元中都没有数量，方案对它们不起作用：{features}。请检查其数量。</translation>
    </message>
  </context>
</TS>
