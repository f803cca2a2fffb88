<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Regions "{first}" and "{second}" of layer "{layer}" overlap by {area:.3f} km² ({count} overlapping pairs in all): the totals would count the overlap twice. Give regions that do not overlap (one layer per level, e.g. provinces or ecoregions), or run once per region.</source>
      <translation>图层“{layer}”中的区域“{first}”与“{second}”重叠 {area:.3f} 平方千米（共 {count} 对重叠区域）：总计会把重叠部分计算两次。请提供互不重叠的区域（每个层级一个图层，例如省份或生态区），或对每个区域分别运行。</translation>
    </message>
  </context>
</TS>
