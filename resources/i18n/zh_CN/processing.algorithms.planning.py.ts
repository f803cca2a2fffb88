<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Prioritize</name>
    <message>
      <source>Prioritize planning units (exact)</source>
      <translation>规划单元优先级（精确）</translation>
    </message>
    <message>
      <source>Proven-optimal site selection (minimum set or maximum utility) with a boundary penalty.</source>
      <translation>带边界惩罚的证明最优选址（最小集或最大效用）。</translation>
    </message>
    <message>
      <source>marxan,prioritizr,minimum set,maximum utility,integer programming,30x30,reserve selection</source>
      <translation>marxan,prioritizr,最小集,最大效用,整数规划,30x30,保护地选址</translation>
    </message>
    <message>
      <source>Chooses planning units by exact integer programming (Beyer et al. 2016), as prioritizr does, instead of Marxan's simulated annealing.</source>
      <translation>以精确整数规划（Beyer 等 2016）选择规划单元，做法如 prioritizr，取代 Marxan 的模拟退火。</translation>
    </message>
    <message>
      <source>OUTPUT: the planning units with every input field and solution (1 selected, 0 not); OUTPUT_FEATURES: per feature the amount held, the target and the shortfall.</source>
      <translation>OUTPUT：规划单元，含全部输入字段和 solution（1 选中，0 未选）；OUTPUT_FEATURES：每个要素已保有的数量、目标和缺口。</translation>
    </message>
    <message>
      <source>With PORTFOLIO above 1, OUTPUT also gives each unit's selection frequency over the best plans.</source>
      <translation>PORTFOLIO 大于 1 时，OUTPUT 还给出每个单元在这些最优方案中的入选频率。</translation>
    </message>
    <message>
      <source>A target that cannot be met is named in the log and the plan keeps the least shortfall.</source>
      <translation>无法满足的目标会在日志中列出，方案使缺口最小。</translation>
    </message>
    <message>
      <source>Polygons, e.g. a hexagon grid.</source>
      <translation>多边形，如六边形格网。</translation>
    </message>
    <message>
      <source>Identifies each planning unit.</source>
      <translation>标识每个规划单元。</translation>
    </message>
    <message>
      <source>The cost of each unit, any unit, &gt;= 0.</source>
      <translation>每个单元的成本，任意单位，&gt;= 0。</translation>
    </message>
    <message>
      <source>Marxan's codes: 0 available, 2 locked in, 3 locked out.</source>
      <translation>Marxan 的状态码：0 可选，2 锁定选入，3 锁定排除。</translation>
    </message>
    <message>
      <source>Rasters (amount in a unit = sum of cell values x the share of each cell inside it) and/or polygon layers (amount = hectares inside the unit).</source>
      <translation>栅格（单元内的数量 = 各像元值 × 像元落在单元内的比例之和）和/或面图层（数量 = 单元内的公顷数）。</translation>
    </message>
    <message>
      <source>Each layer is one feature, named after the layer.</source>
      <translation>每个图层为一个要素，以图层名命名。</translation>
    </message>
    <message>
      <source>Instead of or as well as the feature layers, a table with fields unit, feature and amount.</source>
      <translation>可替代（或同时使用）要素图层：一张含 unit、feature 和 amount 字段的表。</translation>
    </message>
    <message>
      <source>One proportion for every feature (0.3 = 30 % of each feature's total), or the path of a CSV table with fields feature and prop (0-1) or target (absolute amount).</source>
      <translation>所有要素共用一个比例（0.3 = 每个要素总量的 30 %），或含 feature 和 prop（0-1）或 target（绝对数量）字段的 CSV 表的路径。</translation>
    </message>
    <message>
      <source>Minimum set: meet every target at least cost plus BLM x boundary.</source>
      <translation>最小集：以最低的成本 + BLM × 边界满足所有目标。</translation>
    </message>
    <message>
      <source>Maximum utility: within BUDGET, maximise the sum over features of the share of the target held, minus BLM x boundary.</source>
      <translation>最大效用：在 BUDGET 内，最大化各要素已达目标份额之和减去 BLM × 边界。</translation>
    </message>
    <message>
      <source>The most the plan may cost, in cost units; maximum utility only.</source>
      <translation>方案的最高成本，单位同成本；仅用于最大效用。</translation>
    </message>
    <message>
      <source>Cost per metre of the plan's boundary; boundaries come from the geometry (shared edges and the outer edge of the study area, in metres).</source>
      <translation>方案每米边界的成本；边界由几何计算（共享边和研究区外边界，单位米）。</translation>
    </message>
    <message>
      <source>Number of plans (default 1): the best plan, then the next best plans, each different from those before it; minimum set only.</source>
      <translation>方案数量（默认 1）：先求最优方案，再依次求次优方案，每个方案都与之前的方案不同；仅适用于最小集目标。</translation>
    </message>
    <message>
      <source>Above 1, OUTPUT gains the field frequency: the share of these plans that select the unit (1 = every plan needs it, 0 = none). solution and the results describe the first plan.</source>
      <translation>大于 1 时，OUTPUT 增加字段 frequency：这些方案中选中该单元的比例（1 = 每个方案都需要它，0 = 没有方案选中）。solution 和各项结果描述的是第一个方案。</translation>
    </message>
    <message>
      <source>Each plan is a new solve with the same time limit and gap.</source>
      <translation>每个方案都是一次新的求解，使用相同的时间限制和间隙。</translation>
    </message>
    <message>
      <source>Planning units</source>
      <translation>规划单元</translation>
    </message>
    <message>
      <source>Planning unit id field</source>
      <translation>规划单元编号字段</translation>
    </message>
    <message>
      <source>Cost field (any unit, &gt;= 0)</source>
      <translation>成本字段（任意单位，&gt;= 0）</translation>
    </message>
    <message>
      <source>Status field (0 available, 2 locked in, 3 locked out)</source>
      <translation>状态字段（0 可选，2 锁定选入，3 锁定排除）</translation>
    </message>
    <message>
      <source>Features (rasters: cell value x cell share; polygons: hectares)</source>
      <translation>要素（栅格：像元值 × 像元比例；面：公顷）</translation>
    </message>
    <message>
      <source>Amounts table (fields unit, feature, amount)</source>
      <translation>数量表（字段 unit、feature、amount）</translation>
    </message>
    <message>
      <source>Targets: a proportion 0-1 for every feature, or a CSV file (feature, prop or target)</source>
      <translation>目标：所有要素共用的比例 0-1，或 CSV 文件（feature，prop 或 target）</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>目标函数</translation>
    </message>
    <message>
      <source>Minimum set (meet every target at least cost)</source>
      <translation>最小集（以最低成本满足所有目标）</translation>
    </message>
    <message>
      <source>Maximum utility within a budget</source>
      <translation>预算内最大效用</translation>
    </message>
    <message>
      <source>Budget (cost units; maximum utility only)</source>
      <translation>预算（成本单位；仅用于最大效用）</translation>
    </message>
    <message>
      <source>Boundary penalty BLM (cost per metre of boundary)</source>
      <translation>边界惩罚 BLM（每米边界的成本）</translation>
    </message>
    <message>
      <source>Plans in the portfolio (selection frequency over the best plans)</source>
      <translation>方案组合中的方案数（按最优方案统计入选频率）</translation>
    </message>
    <message>
      <source>Planning units with solution</source>
      <translation>带解的规划单元</translation>
    </message>
    <message>
      <source>Features: held, target, shortfall</source>
      <translation>要素：已保护、目标、缺口</translation>
    </message>
  </context>
  <context>
    <name>ReservePlannerPlanning</name>
    <message>
      <source>Maximum utility needs a BUDGET (in the unit of the costs).</source>
      <translation>最大效用需要给出 BUDGET（单位同成本）。</translation>
    </message>
    <message>
      <source>A portfolio of plans (PORTFOLIO above 1) is computed for the minimum set objective only. Set PORTFOLIO to 1 or choose minimum set.</source>
      <translation>方案组合（PORTFOLIO 大于 1）仅针对最小集目标计算。请将 PORTFOLIO 设为 1，或选择最小集目标。</translation>
    </message>
    <message>
      <source>The planning unit layer "{layer}" has no features: there is nothing to select. Check the layer (a filter may hide its features).</source>
      <translation>规划单元图层“{layer}”没有要素：没有可选择的单元。请检查该图层（过滤器可能隐藏了其要素）。</translation>
    </message>
    <message>
      <source>cost</source>
      <translation>成本</translation>
    </message>
    <message>
      <source>{count} plans, objective from {best:g} to {worst:g}.</source>
      <translation>共 {count} 个方案，目标值从 {best:g} 到 {worst:g}。</translation>
    </message>
    <message>
      <source>Give the features to plan for: layers in FEATURES or a table in AMOUNTS.</source>
      <translation>请给出要规划的要素：FEATURES 中的图层或 AMOUNTS 中的表。</translation>
    </message>
    <message>
      <source>Table "{table}" names planning unit "{unit}", which the planning units do not have. Correct the unit or remove the row.</source>
      <translation>表“{table}”中有规划单元“{unit}”，但规划单元图层中没有。请更正该单元或删除该行。</translation>
    </message>
    <message>
      <source>Table "{table}": feature {fid} names no feature in field "{field}". Fill it in or remove the row.</source>
      <translation>表“{table}”：要素 {fid} 的字段“{field}”中没有规划要素名称。请填写或删除该行。</translation>
    </message>
    <message>
      <source>Table "{table}": the amount of "{feature}" in unit "{unit}" is {amount}; amounts must be numbers of 0 or more.</source>
      <translation>表“{table}”：单元“{unit}”中“{feature}”的数量为 {amount}；数量必须是大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>Table "{table}" gives the amount of "{feature}" in unit "{unit}" twice (features {first} and {second}). Give one row per unit and feature, with the whole amount.</source>
      <translation>表“{table}”两次给出了规划单元“{unit}”中“{feature}”的数量（要素 {first} 和 {second}）。每个单元和要素只给一行，填写全部数量。</translation>
    </message>
    <message>
      <source>Table "{table}" has no rows: give it one row (unit, feature, amount) per feature in each unit, or leave AMOUNTS empty.</source>
      <translation>表“{table}”没有任何行：请为每个单元中的每个要素给出一行（unit、feature、amount），或将 AMOUNTS 留空。</translation>
    </message>
    <message>
      <source>TARGETS must be a proportion from 0 to 1 or the path of a CSV table (feature, prop or target); "{value}" is neither.</source>
      <translation>TARGETS 必须是 0 到 1 之间的比例，或 CSV 表（feature，prop 或 target）的路径；“{value}”两者都不是。</translation>
    </message>
    <message>
      <source>Table "{table}" needs a field named {names}. Its fields are: {fields}.</source>
      <translation>表“{table}”需要名为 {names} 的字段。其字段为：{fields}。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature {fid} has no id in field "{field}".</source>
      <translation>图层“{layer}”：要素 {fid} 的字段“{field}”中没有编号。</translation>
    </message>
    <message>
      <source>Layer "{layer}": features {first} and {second} share the id "{id}" in field "{field}"; planning unit ids must be unique.</source>
      <translation>图层“{layer}”：要素 {first} 和 {second} 的字段“{field}”中编号同为“{id}”；规划单元编号必须唯一。</translation>
    </message>
    <message>
      <source>status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature {fid} has the status {status} in field "{field}"; Marxan's codes are whole numbers: 0 available, 2 locked in, 3 locked out.</source>
      <translation>图层“{layer}”：要素 {fid} 在字段“{field}”中的状态为 {status}；Marxan 的状态代码是整数：0 可选，2 锁定纳入，3 锁定排除。</translation>
    </message>
    <message>
      <source>Layer "{layer}": feature {fid} has no {what} in field "{field}". Fill it in and run again.</source>
      <translation>图层“{layer}”：要素 {fid} 的字段“{field}”中没有{what}。请填写后重新运行。</translation>
    </message>
    <message>
      <source>The targets table {file} gives feature "{feature}" on lines {first} and {second}. Give each feature one line.</source>
      <translation>目标表 {file} 在第 {first} 行和第 {second} 行都给出了要素“{feature}”。每个要素只给一行。</translation>
    </message>
    <message>
      <source>{units} planning units, {features} features, BLM {blm:g}.</source>
      <translation>{units} 个规划单元，{features} 个要素，BLM {blm:g}。</translation>
    </message>
    <message>
      <source>{units} planning units, {features} features, {zones} zones, BLM {blm:g}.</source>
      <translation>{units} 个规划单元，{features} 个要素，{zones} 个功能区，BLM {blm:g}。</translation>
    </message>
  </context>
  <context>
    <name>SolveMarxan</name>
    <message>
      <source>Solve a Marxan project (exact)</source>
      <translation>求解 Marxan 项目（精确）</translation>
    </message>
    <message>
      <source>Proven-optimal solution of a Marxan project, read from its input.dat.</source>
      <translation>由 input.dat 读取 Marxan 项目并求得证明最优的解。</translation>
    </message>
    <message>
      <source>marxan,input.dat,minimum set,integer programming,cluz</source>
      <translation>marxan,input.dat,最小集,整数规划,cluz</translation>
    </message>
    <message>
      <source>Reads a Marxan project and finds the plan of least cost + BLM x boundary that meets every target, by exact integer programming instead of simulated annealing.</source>
      <translation>读取 Marxan 项目，以精确整数规划代替模拟退火，求得满足所有目标且成本 + BLM × 边界最低的方案。</translation>
    </message>
    <message>
      <source>Targets are hard constraints; one that cannot be met is named in the log and the plan keeps the least shortfall.</source>
      <translation>目标为硬约束；无法满足的目标会在日志中列出，方案使缺口最小。</translation>
    </message>
    <message>
      <source>OUTPUT: a table of planning_unit and solution (1 selected, 0 not), as Marxan's output_best.</source>
      <translation>OUTPUT：planning_unit 与 solution（1 选中，0 未选）的表，同 Marxan 的 output_best。</translation>
    </message>
    <message>
      <source>The project's input.dat.</source>
      <translation>项目的 input.dat。</translation>
    </message>
    <message>
      <source>It names INPUTDIR, pu.dat (id, cost, status), spec.dat (id, prop or target, name), puvspr.dat (species, pu, amount), bound.dat (id1, id2, boundary) and BLM.</source>
      <translation>其中指定 INPUTDIR、pu.dat（id、cost、status）、spec.dat（id、prop 或 target、name）、puvspr.dat（species、pu、amount）、bound.dat（id1、id2、boundary）和 BLM。</translation>
    </message>
    <message>
      <source>Files may be comma or tab separated and optional columns get Marxan's defaults; status 2 locks a unit in, 3 locks it out.</source>
      <translation>文件可用逗号或制表符分隔，可选列取 Marxan 的默认值；状态 2 锁定选入，3 锁定排除。</translation>
    </message>
    <message>
      <source>Marxan input.dat</source>
      <translation>Marxan input.dat</translation>
    </message>
    <message>
      <source>Marxan input (*.dat);;All files (*)</source>
      <translation>Marxan 输入文件 (*.dat);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Best solution (planning unit, solution)</source>
      <translation>最佳解（规划单元，solution）</translation>
    </message>
  </context>
  <context>
    <name>SolveMarzone</name>
    <message>
      <source>Solve a Marxan with Zones project (exact)</source>
      <translation>求解 Marxan with Zones 项目（精确）</translation>
    </message>
    <message>
      <source>Proven-optimal zoning of a Marxan with Zones project, read from its input.dat.</source>
      <translation>由 input.dat 读取 Marxan with Zones 项目并求得证明最优的区划。</translation>
    </message>
    <message>
      <source>marxan with zones,marzone,zoning,integer programming,cluz</source>
      <translation>marxan with zones,marzone,功能区划,整数规划,cluz</translation>
    </message>
    <message>
      <source>Reads a Marxan with Zones project and puts every planning unit in one zone at least cost + BLM x zone boundary cost, meeting every overall and per-zone target (Watts et al. 2009), by exact integer programming.</source>
      <translation>读取 Marxan with Zones 项目，以精确整数规划把每个规划单元分入一个功能区，使成本 + BLM × 功能区边界成本最低，并满足所有总体目标和各功能区目标（Watts 等 2009）。</translation>
    </message>
    <message>
      <source>Overall targets count each zone's contribution; zone targets count the amount inside the zone; targets that cannot be met are named in the log and the plan keeps the least shortfall.</source>
      <translation>总体目标计入各功能区的贡献；功能区目标计算该功能区内的数量；无法满足的目标会在日志中列出，方案使缺口最小。</translation>
    </message>
    <message>
      <source>OUTPUT: a table of planning_unit and zone (the zone id), as Marxan with Zones' output_best.</source>
      <translation>OUTPUT：planning_unit 与 zone（功能区编号）的表，同 Marxan with Zones 的 output_best。</translation>
    </message>
    <message>
      <source>The project's input.dat, naming as in Marxan pu.dat, spec.dat, puvspr.dat, bound.dat and BLM.</source>
      <translation>项目的 input.dat，与 Marxan 相同地指定 pu.dat、spec.dat、puvspr.dat、bound.dat 和 BLM。</translation>
    </message>
    <message>
      <source>And the zone files zones.dat, costs.dat, zonecost.dat, zonecontrib.dat (or zonecontrib2.dat), zonetarget.dat (or zonetarget2.dat), zoneboundcost.dat, pulock.dat and puzone.dat; missing zone files take Marxan with Zones' defaults.</source>
      <translation>以及功能区文件 zones.dat、costs.dat、zonecost.dat、zonecontrib.dat（或 zonecontrib2.dat）、zonetarget.dat（或 zonetarget2.dat）、zoneboundcost.dat、pulock.dat 和 puzone.dat；缺少的功能区文件取 Marxan with Zones 的默认值。</translation>
    </message>
    <message>
      <source>Marxan with Zones input.dat</source>
      <translation>Marxan with Zones input.dat</translation>
    </message>
    <message>
      <source>Marxan input (*.dat);;All files (*)</source>
      <translation>Marxan 输入文件 (*.dat);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Best zoning (planning unit, zone)</source>
      <translation>最佳区划（规划单元，功能区）</translation>
    </message>
  </context>
</TS>
