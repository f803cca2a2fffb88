<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>B1: no valid closed boundary (null, empty or unrepairable geometry, or not a polygon)</source>
      <translation>B1：没有有效的闭合边界（几何为空、无法修复或不是多边形）</translation>
    </message>
    <message>
      <source>A: {percent:.1f} % inside protected areas (more than {threshold:g} %)</source>
      <translation>A：{percent:.1f} % 位于保护地内（超过 {threshold:g} %）</translation>
    </message>
    <message>
      <source>required field "{field}" is empty</source>
      <translation>必填字段“{field}”为空</translation>
    </message>
    <message>
      <source>DIRECTIONS must list "+" or "-" for each of the {count} criteria, separated by commas (got "{text}").</source>
      <translation>DIRECTIONS 必须为 {count} 个准则各列出一个“+”或“-”，以逗号分隔（实际为“{text}”）。</translation>
    </message>
    <message>
      <source>WEIGHTS must give one non-negative number per criterion ({count} in all, not all zero), separated by commas (got "{text}").</source>
      <translation>WEIGHTS 必须为每个准则给出一个非负数（共 {count} 个，不能全为 0），以逗号分隔（实际为“{text}”）。</translation>
    </message>
    <message>
      <source>The AHP matrix must be square: rows separated by ";" and values by ",", e.g. "1,3;1/3,1" (got "{text}").</source>
      <translation>AHP 矩阵必须是方阵：行以“;”分隔，值以“,”分隔，如“1,3;1/3,1”（实际为“{text}”）。</translation>
    </message>
    <message>
      <source>The AHP matrix value "{value}" in row {row} is not a positive number: give numbers or fractions such as 1/3.</source>
      <translation>AHP 矩阵第 {row} 行的值“{value}”不是正数：请填写数字或 1/3 这样的分数。</translation>
    </message>
    <message>
      <source>The AHP matrix must have positive entries, 1 on the diagonal and a_ji = 1/a_ij.</source>
      <translation>AHP 矩阵的元素必须为正，对角线为 1，且 a_ji = 1/a_ij。</translation>
    </message>
    <message>
      <source>The AHP matrix has {count} criteria; at most {limit} are supported.</source>
      <translation>AHP 矩阵有 {count} 个准则；最多支持 {limit} 个。</translation>
    </message>
  </context>
</TS>
