<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ZoneEditorDock</name>
    <message>
      <source>New zone wins</source>
      <translation>新功能区优先</translation>
    </message>
    <message>
      <source>New zone yields</source>
      <translation>新功能区让位</translation>
    </message>
    <message>
      <source>Zone not added</source>
      <translation>未添加功能区</translation>
    </message>
    <message>
      <source>The new zone could not be clipped against the existing zones ({error}). Check the zoning layer with Vector &gt; Geometry Tools &gt; Check Validity, fix the features it lists, and draw again.</source>
      <translation>新功能区无法按现有功能区裁剪（{error}）。请用“矢量 &gt; 几何工具 &gt; 检查有效性”检查区划图层，修复其列出的要素后重新绘制。</translation>
    </message>
    <message>
      <source>Existing zones cover the whole drawing and the new zone yields.</source>
      <translation>现有功能区覆盖了整个绘制范围，新功能区已让位。</translation>
    </message>
    <message>
      <source>New zoning layer</source>
      <translation>新建功能区划图层</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Zoning layer not created</source>
      <translation>未创建功能区划图层</translation>
    </message>
    <message>
      <source>Corridor not added</source>
      <translation>未添加廊道</translation>
    </message>
    <message>
      <source>Choose the reserves layer and a corridor layer first.</source>
      <translation>请先选择保护地图层和廊道图层。</translation>
    </message>
    <message>
      <source>The corridor could not be cut from the reserves ({error}). Check the reserves layer with Vector &gt; Geometry Tools &gt; Check Validity, fix the features it lists, and draw again.</source>
      <translation>无法从保护地中裁出廊道（{error}）。请用“矢量 &gt; 几何工具 &gt; 检查有效性”检查保护地图层，修复其列出的要素后重新绘制。</translation>
    </message>
    <message>
      <source>Corridor from reserve {start} to reserve {end}: {length:,.0f} m long, {width:,.0f} m wide, {area:,.2f} ha.</source>
      <translation>廊道从保护地 {start} 到保护地 {end}：长 {length:,.0f} 米，宽 {width:,.0f} 米，面积 {area:,.2f} 公顷。</translation>
    </message>
    <message>
      <source>Mean resistance {mean:,.2f}, cost-weighted length {cost:,.0f}.</source>
      <translation>平均阻力 {mean:,.2f}，成本加权长度 {cost:,.0f}。</translation>
    </message>
    <message>
      <source>{length:,.0f} m cross nodata or barrier cells and are left out of the cost.</source>
      <translation>其中 {length:,.0f} 米穿过无数据或障碍像元，未计入成本。</translation>
    </message>
    <message>
      <source>New corridor layer</source>
      <translation>新建廊道图层</translation>
    </message>
    <message>
      <source>Corridor layer not created</source>
      <translation>未创建廊道图层</translation>
    </message>
  </context>
</TS>
