<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The CWD cutoff must be a number of cost-weighted metres &gt;= 0 (got {value}).</source>
      <translation>CWD 截断值必须是 &gt;= 0 的成本加权米数（当前为 {value}）。</translation>
    </message>
  </context>
</TS>
