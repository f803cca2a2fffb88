<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ZoneEditorDock</name>
    <message>
      <source>Reserve Planner: zone editor</source>
      <translation>保护地规划：功能区编辑器</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>功能区</translation>
    </message>
    <message>
      <source>Zoning layer</source>
      <translation>功能区划图层</translation>
    </message>
    <message>
      <source>Create a zoning GeoPackage from the reserve boundary</source>
      <translation>由保护地边界创建功能区划 GeoPackage</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新建…</translation>
    </message>
    <message>
      <source>Reserve boundary</source>
      <translation>保护地边界</translation>
    </message>
    <message>
      <source>Optional: drawn zones are cut to it and gaps are checked against it</source>
      <translation>可选：绘制的功能区将裁剪到该边界，并据此检查空隙</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>规范</translation>
    </message>
    <message>
      <source>Draw zones</source>
      <translation>绘制功能区</translation>
    </message>
    <message>
      <source>Where a drawn zone overlaps existing zones</source>
      <translation>绘制的功能区与现有功能区重叠时如何处理</translation>
    </message>
    <message>
      <source>Click the vertices of a zone on the map; right click to finish, Backspace removes the last vertex, Esc cancels</source>
      <translation>在地图上点击功能区的顶点；右键结束，退格键删除最后一个顶点，Esc 取消</translation>
    </message>
    <message>
      <source>Draw zone</source>
      <translation>绘制功能区</translation>
    </message>
    <message>
      <source>Area per zone</source>
      <translation>各功能区面积</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>功能区</translation>
    </message>
    <message>
      <source>Area (ha)</source>
      <translation>面积（公顷）</translation>
    </message>
    <message>
      <source>Share (%)</source>
      <translation>占比（%）</translation>
    </message>
    <message>
      <source>Profile rule</source>
      <translation>规范要求</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Click a problem to zoom to it</source>
      <translation>点击问题可缩放至其位置</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Corridors</source>
      <translation>廊道</translation>
    </message>
    <message>
      <source>Reserves</source>
      <translation>保护地</translation>
    </message>
    <message>
      <source>Polygon layer of the reserves (cores) the corridor joins; the line snaps to them</source>
      <translation>廊道所连接的保护地（核心区）面图层；绘制的线会捕捉到它们</translation>
    </message>
    <message>
      <source>Corridor layer</source>
      <translation>廊道图层</translation>
    </message>
    <message>
      <source>Create a corridor GeoPackage</source>
      <translation>创建廊道 GeoPackage</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>宽度</translation>
    </message>
    <message>
      <source> m</source>
      <translation> 米</translation>
    </message>
    <message>
      <source>Resistance</source>
      <translation>阻力</translation>
    </message>
    <message>
      <source>Optional resistance raster: gives the mean resistance and the cost-weighted length</source>
      <translation>可选阻力栅格：用于计算平均阻力和成本加权长度</translation>
    </message>
    <message>
      <source>Replace the drawn line by the least-cost path</source>
      <translation>用最小成本路径替换绘制的线</translation>
    </message>
    <message>
      <source>Click a centre line from one reserve to another; right click to finish</source>
      <translation>从一个保护地到另一个保护地点击绘制中心线；右键结束</translation>
    </message>
    <message>
      <source>Draw corridor</source>
      <translation>绘制廊道</translation>
    </message>
  </context>
</TS>
