<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Exact planning needs scipy 1.9 or later (scipy.optimize.milp, the HiGHS solver); this QGIS has scipy {version}. Use QGIS 3.22 or later built with a newer scipy.</source>
      <translation>精确规划需要 scipy 1.9 或更高版本（scipy.optimize.milp，即 HiGHS 求解器）；此 QGIS 的 scipy 为 {version}。请使用带较新 scipy 的 QGIS 3.22 或更高版本。</translation>
    </message>
    <message>
      <source>Planning unit {unit} has the cost {cost}: costs must be numbers of 0 or more. Correct the cost of that unit.</source>
      <translation>规划单元 {unit} 的成本为 {cost}：成本必须是大于等于 0 的数字。请更正该单元的成本。</translation>
    </message>
    <message>
      <source>Planning unit {unit} has the status {status}; Marxan's codes are 0 (available), 1 (initial include, treated as available), 2 (locked in) and 3 (locked out).</source>
      <translation>规划单元 {unit} 的状态为 {status}；Marxan 的状态码为 0（可选）、1（初始选入，按可选处理）、2（锁定选入）和 3（锁定排除）。</translation>
    </message>
    <message>
      <source>Planning unit {unit} has the amount {amount} of feature "{feature}": amounts must be numbers of 0 or more.</source>
      <translation>规划单元 {unit} 中要素“{feature}”的数量为 {amount}：数量必须是大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>Feature "{feature}" has the target {target}: targets must be numbers of 0 or more.</source>
      <translation>要素“{feature}”的目标为 {target}：目标必须是大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>Feature "{feature}" has the target proportion {value}: proportions go from 0 to 1 (0 % to 100 % of the feature's total amount).</source>
      <translation>要素“{feature}”的目标比例为 {value}：比例应在 0 到 1 之间（要素总量的 0 % 到 100 %）。</translation>
    </message>
    <message>
      <source>The solver found no solution within the time limit of {seconds} s. Allow more time (TIME_LIMIT) or a larger GAP.</source>
      <translation>求解器在 {seconds} 秒的时间限制内未找到任何解。请放宽时间（TIME_LIMIT）或增大 GAP。</translation>
    </message>
    <message>
      <source>The solver failed: {message}</source>
      <translation>求解器失败：{message}</translation>
    </message>
    <message>
      <source>The planning units that are locked in and out leave no possible solution.</source>
      <translation>锁定选入和锁定排除的规划单元使问题无解。</translation>
    </message>
    <message>
      <source>The number of plans is {count}: give 1 or more.</source>
      <translation>方案数量为 {count}：请给出 1 或更大的数。</translation>
    </message>
    <message>
      <source>The budget is {budget}: give a number of 0 or more, in the unit of the costs.</source>
      <translation>预算为 {budget}：请给出大于等于 0 的数字，单位同成本。</translation>
    </message>
    <message>
      <source>The locked-in planning units cost {cost}, more than the budget {budget}. Raise the budget or unlock units.</source>
      <translation>锁定选入的规划单元成本为 {cost}，超过预算 {budget}。请提高预算或解除锁定。</translation>
    </message>
    <message>
      <source>The boundary penalty (BLM) is {value}: give a number of 0 or more.</source>
      <translation>边界惩罚（BLM）为 {value}：请给出大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>The time limit is {value} s: give a number of seconds of 0 or more (0: no limit).</source>
      <translation>时间限制为 {value} 秒：请给出大于等于 0 的秒数（0：不限）。</translation>
    </message>
    <message>
      <source>The gap is {value}: give a relative gap from 0 to 1 (0.01 = within 1 % of the optimum).</source>
      <translation>差距为 {value}：请给出 0 到 1 之间的相对差距（0.01 = 与最优解相差 1 % 以内）。</translation>
    </message>
    <message>
      <source>Planning unit {unit} costs {cost} in zone "{zone}": costs must be numbers of 0 or more.</source>
      <translation>规划单元 {unit} 在功能区“{zone}”中的成本为 {cost}：成本必须是大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>Feature "{feature}" has the target {target} in zone "{zone}": targets must be numbers of 0 or more.</source>
      <translation>要素“{feature}”在功能区“{zone}”中的目标为 {target}：目标必须是大于等于 0 的数字。</translation>
    </message>
    <message>
      <source>Planning unit {unit} is allowed in no zone. Check its lock and allowed zones.</source>
      <translation>规划单元 {unit} 不允许进入任何功能区。请检查其锁定和允许的功能区。</translation>
    </message>
    <message>
      <source>The cell size is {size} m: give a positive number of metres.</source>
      <translation>格网单元大小为 {size} 米：请给出正的米数。</translation>
    </message>
    <message>
      <source>Give three numbers, for core, buffer and transition; got {values}.</source>
      <translation>请给出三个数，依次对应核心区、缓冲区和实验区；收到的是 {values}。</translation>
    </message>
    <message>
      <source>The boundary cost between {pair} is {value}: give a number.</source>
      <translation>{pair} 之间的边界成本为 {value}：请给出数字。</translation>
    </message>
  </context>
</TS>
