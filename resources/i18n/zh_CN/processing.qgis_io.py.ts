<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerIO</name>
    <message>
      <source>The raster "{layer}" is not a file GDAL can read; save it as a GeoTIFF first.</source>
      <translation>栅格“{layer}”不是 GDAL 可读取的文件，请先另存为 GeoTIFF。</translation>
    </message>
    <message>
      <source>Independent tasks run on the Dask cluster at {address}.</source>
      <translation>相互独立的任务在位于 {address} 的 Dask 集群上运行。</translation>
    </message>
    <message>
      <source>Independent tasks run in {count} worker process(es).</source>
      <translation>相互独立的任务在 {count} 个工作进程中运行。</translation>
    </message>
    <message>
      <source>The run was cancelled; no output was written.</source>
      <translation>运行已取消，未写入任何输出。</translation>
    </message>
    <message>
      <source>in Web Mercator ({crs}), which stretches distances and areas away from the equator (by 1 / cos(latitude))</source>
      <translation>采用 Web 墨卡托投影（{crs}），离赤道越远，距离和面积被拉伸得越多（按 1 / cos(纬度)）</translation>
    </message>
    <message>
      <source>in a projection for maps of the world or of a polar region ({crs}, PROJ "{projection}"), whose scale changes across the map</source>
      <translation>采用用于世界地图或极地地区地图的投影（{crs}，PROJ “{projection}”），其比例尺在图面各处不同</translation>
    </message>
    <message>
      <source>in degrees ({crs})</source>
      <translation>以度为单位（{crs}）</translation>
    </message>
    <message>
      <source>not in a projected CRS in metres ({crs})</source>
      <translation>不是以米为单位的投影坐标系（{crs}）</translation>
    </message>
    <message>
      <source>The raster {layer} is {reason}; it is warped (nearest neighbour) to {crs} for this run.</source>
      <translation>栅格 {layer} {reason}；本次运行将其重投影（最邻近法）到 {crs}。</translation>
    </message>
    <message>
      <source>The raster {layer} is in degrees from 180 W to 180 E: its cells on either side of 180 degrees are neighbours on the ground but the two ends of the map here, so {consequence}. To analyse data across 180 degrees, reproject the raster (Warp) to a CRS centred on it (for the Pacific, for example EPSG:3832 or an equal-area CRS centred there) and clip it to the study area.</source>
      <translation>栅格 {layer} 以度为单位，范围从西经 180 度到东经 180 度：180 度经线两侧的像元在地面上相邻，在此却是地图的两端，因此{consequence}。要分析跨越 180 度经线的数据，请将该栅格重投影（变形）到以数据为中心的坐标参考系（太平洋地区可用 EPSG:3832 或以该处为中心的等积坐标参考系），并裁剪到研究区。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no field "{field}". Its fields are: {fields}.</source>
      <translation>图层“{layer}”中没有字段“{field}”。该图层的字段有：{fields}。</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>{layer}: {count} invalid geometries repaired.</source>
      <translation>{layer}：已修复 {count} 个无效几何。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no features: the output has nothing or zeros for it. Check the layer (a filter may hide its features).</source>
      <translation>图层“{layer}”没有要素：输出中与其相关的结果为空或为零。请检查该图层（过滤条件可能隐藏了其要素）。</translation>
    </message>
    <message>
      <source>{count} features without a geometry removed (e.g. {ids}).</source>
      <translation>删除了 {count} 个没有几何的要素（例如 {ids}）。</translation>
    </message>
    <message>
      <source>Layer "{layer}" holds points or lines, but a polygon layer is required. Choose a polygon layer and run again.</source>
      <translation>图层“{layer}”包含的是点或线，但此处需要面图层。请选择一个面图层后重新运行。</translation>
    </message>
    <message>
      <source>null or empty geometry</source>
      <translation>几何为空</translation>
    </message>
    <message>
      <source>invalid geometry that could not be repaired</source>
      <translation>无法修复的无效几何</translation>
    </message>
    <message>
      <source>a point or line, not a polygon</source>
      <translation>点或线，不是面</translation>
    </message>
    <message>
      <source> and {count} more</source>
      <translation> 以及另外 {count} 个</translation>
    </message>
    <message>
      <source>Layer "{layer}" has features without a usable polygon: feature id {features}{more}. Fix or delete them (Vector &gt; Geometry Tools &gt; Check Validity helps) and run again.</source>
      <translation>图层“{layer}”中有要素没有可用的多边形：要素编号 {features}{more}。请修复或删除这些要素（可借助“矢量 &gt; 几何工具 &gt; 检查有效性”）后重新运行。</translation>
    </message>
    <message>
      <source>Could not write a feature to the output "{output}": {error}</source>
      <translation>无法向输出“{output}”写入要素：{error}</translation>
    </message>
    <message>
      <source>Input fields replaced by this run's results: {fields}.</source>
      <translation>以下输入字段被本次运行的结果替换：{fields}。</translation>
    </message>
  </context>
</TS>
