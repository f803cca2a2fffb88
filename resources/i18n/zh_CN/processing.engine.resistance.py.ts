<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Row {row} of the reclassification table names factor {factor}, but there are {count} factors (numbered from 1 in the order given).</source>
      <translation>重分类表第 {row} 行指定了因子 {factor}，但只有 {count} 个因子（按给出顺序从 1 编号）。</translation>
    </message>
    <message>
      <source>Row {row} of the reclassification table has its minimum {minimum} above its maximum {maximum}.</source>
      <translation>重分类表第 {row} 行的最小值 {minimum} 大于最大值 {maximum}。</translation>
    </message>
    <message>
      <source>Factor {factor} has no row in the reclassification table: give it at least one (factor, min, max, score) row.</source>
      <translation>因子 {factor} 在重分类表中没有行：请至少给出一行（因子、最小值、最大值、得分）。</translation>
    </message>
    <message>
      <source>Row {row} of the reclassification table must have 4 values (factor, min, max, score); it has {count}.</source>
      <translation>重分类表第 {row} 行必须有 4 个值（因子、最小值、最大值、得分），实际有 {count} 个。</translation>
    </message>
    <message>
      <source>Row {row} of the reclassification table holds a value that is not a number: {values}.</source>
      <translation>重分类表第 {row} 行含有非数值：{values}。</translation>
    </message>
    <message>
      <source>Factor {factor}: the ranges {first} and {second} of the reclassification table overlap.</source>
      <translation>因子 {factor}：重分类表中的区间 {first} 与 {second} 重叠。</translation>
    </message>
    <message>
      <source>Factor {factor}: the reclassification table leaves a gap between {low} and {high}; give every value a score.</source>
      <translation>因子 {factor}：重分类表在 {low} 与 {high} 之间留有空隙；请为每个值给出得分。</translation>
    </message>
    <message>
      <source>Factor {factor}: the value {value} has two rows in the reclassification table.</source>
      <translation>因子 {factor}：值 {value} 在重分类表中有两行。</translation>
    </message>
    <message>
      <source>Factor {factor}: {count} cells hold values no row of the reclassification table covers (for example {value}). Add rows for them.</source>
      <translation>因子 {factor}：有 {count} 个像元的值不在重分类表任何一行的范围内（例如 {value}）。请为其添加行。</translation>
    </message>
    <message>
      <source>There are {factors} factors but {weights} weights.</source>
      <translation>有 {factors} 个因子，但有 {weights} 个权重。</translation>
    </message>
    <message>
      <source>The correction raster averages 0 over the cells of class {value:g}, so it cannot be divided by its class mean (0 / 0) and the class would lose its resistance. Use a correction raster above 0 in every class (night-time light + 1, for example).</source>
      <translation>校正栅格在类别 {value:g} 的像元上平均为 0，无法除以该类别的平均值（0 / 0），该类别将失去阻力值。请使用在每个类别中都大于 0 的校正栅格（例如夜间灯光 + 1）。</translation>
    </message>
    <message>
      <source>There are {factors} factors but {tables} reclassification tables.</source>
      <translation>有 {factors} 个因子，但有 {tables} 个重分类表。</translation>
    </message>
  </context>
</TS>
