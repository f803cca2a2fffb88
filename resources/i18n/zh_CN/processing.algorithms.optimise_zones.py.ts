<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerOptimiseZones</name>
    <message>
      <source>{parameter} needs three numbers, for core, buffer and transition (e.g. 1,0.4,0); got "{text}".</source>
      <translation>{parameter} 需要三个数，依次对应核心区、缓冲区和实验区（如 1,0.4,0）；收到的是“{text}”。</translation>
    </message>
    <message>
      <source>{parameter}: "{item}" is not a pair of zones with a cost; write e.g. core-outside=1 with the pairs {pairs}.</source>
      <translation>{parameter}：“{item}”不是“功能区对=成本”的形式；请写成 core-outside=1 之类，可用的功能区对为 {pairs}。</translation>
    </message>
    <message>
      <source>The reserve boundary layer "{layer}" has no features: there is no reserve to zone. Check the layer (a filter may hide its features).</source>
      <translation>保护区边界图层“{layer}”没有要素：没有可划分功能区的保护区。请检查该图层（过滤器可能隐藏了其要素）。</translation>
    </message>
    <message>
      <source>{count} planning units laid over the reserve.</source>
      <translation>已在保护区上铺设 {count} 个规划单元。</translation>
    </message>
    <message>
      <source>Give at least one conservation value raster in VALUES.</source>
      <translation>请在 VALUES 中至少给出一个保护价值栅格。</translation>
    </message>
    <message>
      <source>The pressure raster "{layer}" has no data under any planning unit: it lies elsewhere or holds only nodata there, so no unit would cost more. Check its extent and CRS, or leave PRESSURE empty.</source>
      <translation>压力栅格“{layer}”在所有规划单元下都没有数据：它位于别处，或在那里只有无数据值，因此任何单元的成本都不会增加。请检查其范围和坐标参考系，或将 PRESSURE 留空。</translation>
    </message>
    <message>
      <source>Validation under the profile "{profile}": {errors} errors, {warnings} warnings.</source>
      <translation>按“{profile}”规则集校验：{errors} 个错误，{warnings} 个警告。</translation>
    </message>
  </context>
  <context>
    <name>OptimiseZones</name>
    <message>
      <source>Optimise reserve zones (exact)</source>
      <translation>优化保护区功能区划（精确）</translation>
    </message>
    <message>
      <source>The cheapest core / buffer / transition zoning that meets value targets, validated.</source>
      <translation>满足价值目标、成本最低的核心区 / 缓冲区 / 实验区区划，并经校验。</translation>
    </message>
    <message>
      <source>biosphere reserve,zoning,marxan with zones,core,buffer,transition,optimisation</source>
      <translation>生物圈保护区,功能区划,marxan with zones,核心区,缓冲区,实验区,优化</translation>
    </message>
    <message>
      <source>Zones a reserve into core, buffer and transition by exact integer programming, as Marxan with Zones would (Watts et al. 2009) but with a proven optimum, and checks the result with the rules of "Validate zones".</source>
      <translation>以精确整数规划把保护区划分为核心区、缓冲区和实验区，做法如 Marxan with Zones（Watts 等 2009），但给出经证明的最优解，并用“校验功能区”的规则检查结果。</translation>
    </message>
    <message>
      <source>OUTPUT: one feature per zone with zone, zone_code and area_ha (as "Generate zones" writes them), ready for "Validate zones"; ERROR_COUNT and WARNING_COUNT are that validation's counts, and each problem is listed in the log.</source>
      <translation>OUTPUT：每个功能区一个要素，含 zone、zone_code 和 area_ha（与“生成功能区”的输出相同），可直接用于“校验功能区”；ERROR_COUNT 和 WARNING_COUNT 为该校验的计数，每个问题都列在日志中。</translation>
    </message>
    <message>
      <source>The reserve.</source>
      <translation>保护区范围。</translation>
    </message>
    <message>
      <source>Polygons to zone; without them a grid of GRID_TYPE of CELL_SIZE metres is laid over the reserve and clipped to it.</source>
      <translation>待区划的多边形；未给出时在保护区上铺设 GRID_TYPE、边长 CELL_SIZE 米的格网并裁剪到保护区内。</translation>
    </message>
    <message>
      <source>Squares or hexagons, for the grid laid without planning units.</source>
      <translation>正方形或六边形，用于未给出规划单元时铺设的格网。</translation>
    </message>
    <message>
      <source>Metres across a grid cell.</source>
      <translation>格网单元的宽度（米）。</translation>
    </message>
    <message>
      <source>Rasters of conservation value: each is one feature; amount in a unit = sum of cell values x cell share.</source>
      <translation>保护价值栅格：每个栅格为一个要素；单元内的数量 = 各像元值 × 像元落在单元内的比例之和。</translation>
    </message>
    <message>
      <source>A raster of human pressure; a unit's base cost is its area in hectares x (1 + its mean pressure).</source>
      <translation>人类压力栅格；单元的基础成本 = 其面积（公顷）×（1 + 平均压力）。</translation>
    </message>
    <message>
      <source>The base cost multiplier in core, buffer, transition (default 1,0.4,0).</source>
      <translation>核心区、缓冲区、实验区的基础成本乘数（默认 1,0.4,0）。</translation>
    </message>
    <message>
      <source>The share of a value each zone protects (default 1,0.5,0).</source>
      <translation>各功能区对价值的保护份额（默认 1,0.5,0）。</translation>
    </message>
    <message>
      <source>Proportion of every value to protect overall, contributions counted (0-1).</source>
      <translation>计入贡献份额后，每种价值总体须保护的比例（0-1）。</translation>
    </message>
    <message>
      <source>Proportion of every value that must lie inside the core, buffer and transition (default 0.1,0,0).</source>
      <translation>每种价值须落在核心区、缓冲区和实验区内的比例（默认 0.1,0,0）。</translation>
    </message>
    <message>
      <source>Cost per metre of edge between zones and with the land outside the reserve, e.g. core-outside=1,core-transition=1,core-buffer=0,buffer-outside=0.05.</source>
      <translation>功能区之间以及与保护区外土地之间每米边界的成本，如 core-outside=1,core-transition=1,core-buffer=0,buffer-outside=0.05。</translation>
    </message>
    <message>
      <source>A core next to outside land is then costly, next to a buffer free.</source>
      <translation>这样核心区紧邻区外土地代价高，紧邻缓冲区则无代价。</translation>
    </message>
    <message>
      <source>The validation profile the zoning is checked with.</source>
      <translation>检查区划所用的校验规则集。</translation>
    </message>
    <message>
      <source>Reserve boundary</source>
      <translation>保护区边界</translation>
    </message>
    <message>
      <source>Planning units (optional; default: a grid over the reserve)</source>
      <translation>规划单元（可选；默认在保护区上铺设格网）</translation>
    </message>
    <message>
      <source>Grid type</source>
      <translation>格网类型</translation>
    </message>
    <message>
      <source>Squares</source>
      <translation>正方形</translation>
    </message>
    <message>
      <source>Hexagons</source>
      <translation>六边形</translation>
    </message>
    <message>
      <source>Grid cell size (m across)</source>
      <translation>格网单元大小（米，对边距离）</translation>
    </message>
    <message>
      <source>Conservation value rasters (one feature each)</source>
      <translation>保护价值栅格（每个为一个要素）</translation>
    </message>
    <message>
      <source>Human pressure raster (raises the cost of protection)</source>
      <translation>人类压力栅格（提高保护成本）</translation>
    </message>
    <message>
      <source>Cost multiplier in core, buffer, transition</source>
      <translation>核心区、缓冲区、实验区的成本乘数</translation>
    </message>
    <message>
      <source>Share of value protected in core, buffer, transition</source>
      <translation>核心区、缓冲区、实验区保护价值的份额</translation>
    </message>
    <message>
      <source>Overall target (proportion 0-1 of each value)</source>
      <translation>总体目标（每种价值的比例 0-1）</translation>
    </message>
    <message>
      <source>Proportion of each value inside core, buffer, transition</source>
      <translation>每种价值落在核心区、缓冲区、实验区内的比例</translation>
    </message>
    <message>
      <source>Zone boundary costs per metre (e.g. core-outside=1,core-buffer=0)</source>
      <translation>每米功能区边界成本（如 core-outside=1,core-buffer=0）</translation>
    </message>
    <message>
      <source>Validation profile</source>
      <translation>校验规则集</translation>
    </message>
    <message>
      <source>Optimised zones</source>
      <translation>优化后的功能区</translation>
    </message>
    <message>
      <source>Planning units with their zone</source>
      <translation>带功能区的规划单元</translation>
    </message>
    <message>
      <source>Number of validation errors</source>
      <translation>校验错误数</translation>
    </message>
    <message>
      <source>Number of validation warnings</source>
      <translation>校验警告数</translation>
    </message>
  </context>
</TS>
