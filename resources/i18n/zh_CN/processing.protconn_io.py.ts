<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerProtConn</name>
    <message>
      <source>{region}: {nodes} protected units, {stones} stepping stones, Prot {prot:.3f} %, ProtConn {protconn:.3f} % (at most {bound:.2g} points too low from ignoring path probabilities below 1e-9).</source>
      <translation>{region}：{nodes} 个保护单元，{stones} 个踏脚石，Prot {prot:.3f} %，ProtConn {protconn:.3f} %（因忽略低于 1e-9 的路径概率，最多偏低 {bound:.2g} 个百分点）。</translation>
    </message>
  </context>
</TS>
