<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The radii must be numbers (minimum {minimum}, maximum {maximum}, step {step}).</source>
      <translation>半径必须是数字（最小 {minimum}，最大 {maximum}，步长 {step}）。</translation>
    </message>
    <message>
      <source>The radii must be positive with the maximum ({maximum} m) at least the minimum ({minimum} m).</source>
      <translation>半径必须为正数，且最大值（{maximum} 米）不小于最小值（{minimum} 米）。</translation>
    </message>
    <message>
      <source>The radius step must be positive (got {step} m).</source>
      <translation>半径步长必须为正数（得到 {step} 米）。</translation>
    </message>
    <message>
      <source>The restored resistance must be a positive number (got {value}).</source>
      <translation>修复后阻力必须为正数（得到 {value}）。</translation>
    </message>
  </context>
</TS>
