<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerWeights</name>
    <message>
      <source>The AHP matrix has {size} rows but there are {count} criteria; give one row and one column per criterion, in the criteria order.</source>
      <translation>AHP 矩阵有 {size} 行，但准则有 {count} 个；请按准则顺序为每个准则给出一行一列。</translation>
    </message>
    <message>
      <source>Both WEIGHTS and AHP_MATRIX were given: the AHP weights are used.</source>
      <translation>同时给出了 WEIGHTS 和 AHP_MATRIX：采用 AHP 权重。</translation>
    </message>
    <message>
      <source>AHP weights: {weights}; lambda_max {lam:.3f}, CI {ci:.3f}, RI {ri:.2f}, CR {cr:.3f}.</source>
      <translation>AHP 权重：{weights}；lambda_max {lam:.3f}，CI {ci:.3f}，RI {ri:.2f}，CR {cr:.3f}。</translation>
    </message>
    <message>
      <source>The AHP judgements are inconsistent (CR {cr:.3f} &gt; 0.1): revise the pairwise comparisons.</source>
      <translation>AHP 判断不一致（CR {cr:.3f} &gt; 0.1）：请修改两两比较。</translation>
    </message>
  </context>
</TS>
