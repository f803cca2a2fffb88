<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerSites</name>
    <message>
      <source>(outside the regions)</source>
      <translation>（区域之外）</translation>
    </message>
    <message>
      <source>Feature {fid} of the sites layer "{layer}" has no usable point or polygon (null, empty or unrepairable geometry, or a line). Fix or delete it and run again.</source>
      <translation>站点图层“{layer}”的要素 {fid} 没有可用的点或面（几何为空、无法修复或为线）。请修复或删除后重新运行。</translation>
    </message>
    <message>
      <source>(no group)</source>
      <translation>（无分组）</translation>
    </message>
    <message>
      <source>Site {site} of the sites layer "{layer}" has no usable weight in field "{field}" ({value}): weights are numbers &gt;= 0. Fill it in (0 leaves the site out of the weighted share) and run again.</source>
      <translation>站点图层“{layer}”的站点 {site} 在字段“{field}”中没有可用的权重（{value}）：权重为 &gt;= 0 的数。请填写（0 表示该站点不计入加权比例）后重新运行。</translation>
    </message>
  </context>
</TS>
