<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GenerateZones</name>
    <message>
      <source>Generate zones</source>
      <translation>生成功能区</translation>
    </message>
    <message>
      <source>Grows the cores of a biosphere reserve into core, buffer and transition zones.</source>
      <translation>由生物圈保护区的核心区生成核心区、缓冲区和实验区。</translation>
    </message>
    <message>
      <source>biosphere reserve,MAB,zoning,core,buffer,transition,zones</source>
      <translation>生物圈保护区,人与生物圈,功能区划,核心区,缓冲区,实验区,分区</translation>
    </message>
    <message>
      <source>Grows the core areas of a biosphere reserve into core, buffer and transition zones (UNESCO Man and the Biosphere; 核心区, 缓冲区, 实验区).</source>
      <translation>由生物圈保护区的核心区生成核心区、缓冲区和实验区（过渡区）（联合国教科文组织“人与生物圈”计划；核心区、缓冲区、实验区）。</translation>
    </message>
    <message>
      <source>Widths are in metres whatever the CRS, or cost-weighted metres with a resistance raster, so that zones reach far across easy ground and stop at barriers.</source>
      <translation>无论坐标参考系如何，宽度均以米为单位；使用阻力栅格时为成本加权米，因此分区在易通行地带延伸较远，并在障碍处停止。</translation>
    </message>
    <message>
      <source>Output: one polygon per zone, in the CRS of the core layer, with zone (core, buffer, transition), zone_code (1, 2, 3) and area_ha (hectares).</source>
      <translation>输出：每个分区一个多边形，坐标参考系与核心区图层相同，字段 zone（core、buffer、transition）、zone_code（1、2、3）和 area_ha（公顷）。</translation>
    </message>
    <message>
      <source>The zones never overlap and together cover the reserve exactly.</source>
      <translation>各分区互不重叠，合起来恰好覆盖整个保护区。</translation>
    </message>
    <message>
      <source>Polygons of the cores.</source>
      <translation>核心区多边形。</translation>
    </message>
    <message>
      <source>Overlapping or touching cores merge, and so do their buffers; invalid polygons are repaired.</source>
      <translation>相互重叠或相接的核心区会合并，其缓冲区也随之合并；无效多边形会被修复。</translation>
    </message>
    <message>
      <source>The outer edge of the reserve: cores are clipped to it and the transition zone fills the rest of it.</source>
      <translation>保护区的外边界：核心区按边界裁剪，实验区填满边界内其余部分。</translation>
    </message>
    <message>
      <source>Without a boundary the outer edge lies the transition width beyond the buffer.</source>
      <translation>不提供边界时，外边界位于缓冲区以外一个实验区宽度处。</translation>
    </message>
    <message>
      <source>In metres whatever the CRS (a geographic CRS such as EPSG:4326 or CGCS2000 EPSG:4490 is projected internally).</source>
      <translation>无论坐标参考系如何均以米为单位（地理坐标系如 EPSG:4326 或 CGCS2000 EPSG:4490 会在内部投影）。</translation>
    </message>
    <message>
      <source>With a resistance raster: cost-weighted metres (resistance x metres).</source>
      <translation>使用阻力栅格时：成本加权米（阻力 × 米）。</translation>
    </message>
    <message>
      <source>A width of 0 gives no such zone.</source>
      <translation>宽度为 0 时不生成该分区。</translation>
    </message>
    <message>
      <source>With it, the buffer and transition reach an accumulated cost instead of a distance (8-neighbour average-cost convention, the same as the Cost distance algorithm).</source>
      <translation>提供后，缓冲区和实验区按累积成本而非距离扩展（八邻域平均成本约定，与“成本距离”算法相同）。</translation>
    </message>
    <message>
      <source>Nodata or resistance &lt;= 0 is a barrier; zone edges follow the raster cells and stop at the raster edge.</source>
      <translation>无数据或阻力 &lt;= 0 为障碍；分区边线沿栅格像元边界，并止于栅格边缘。</translation>
    </message>
    <message>
      <source>Zones every reserve of a province in one run: the cores with one value of this field form one reserve, bounded by the boundary features with the same value in a field of the same name.</source>
      <translation>一次运行为全省所有保护区划分功能区：该字段取同一值的核心区组成一个保护区，其边界为边界图层中同名字段取同一值的要素。</translation>
    </message>
    <message>
      <source>Each reserve is zoned inside its own boundary as if it were alone, so zones of different reserves never merge; overlapping boundaries are reported.</source>
      <translation>每个保护区在自己的边界内单独划分，结果与只划分它一个时相同，因此不同保护区的功能区绝不合并；边界相互重叠时会给出提示。</translation>
    </message>
    <message>
      <source>The zones then carry the reserve in a "reserve" field.</source>
      <translation>此时功能区要素带有 "reserve" 字段，记录所属保护区。</translation>
    </message>
    <message>
      <source>Core areas</source>
      <translation>核心区</translation>
    </message>
    <message>
      <source>Reserve boundary</source>
      <translation>保护地边界</translation>
    </message>
    <message>
      <source>Buffer width (m, or cost-weighted m with a resistance raster)</source>
      <translation>缓冲区宽度（米；使用阻力栅格时为成本加权米）</translation>
    </message>
    <message>
      <source>Transition width (m, or cost-weighted m with a resistance raster)</source>
      <translation>实验区宽度（米；使用阻力栅格时为成本加权米）</translation>
    </message>
    <message>
      <source>Resistance raster (cost-based zones)</source>
      <translation>阻力栅格（基于成本的分区）</translation>
    </message>
    <message>
      <source>Reserve field (one reserve per value; empty: one reserve)</source>
      <translation>保护区字段（每个取值一个保护区；留空：作为一个保护区）</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>功能区</translation>
    </message>
  </context>
  <context>
    <name>ReservePlannerZoning</name>
    <message>
      <source>{fid} of layer "{layer}"</source>
      <translation>（图层“{layer}”的要素 {fid}）</translation>
    </message>
    <message>
      <source>Core {core} extends {area:.4f} ha beyond the reserve boundary: that part is left out of the core and of the zones. Extend the boundary if it belongs to the reserve.</source>
      <translation>核心区 {core} 有 {area:.4f} 公顷超出保护区边界：这部分不计入核心区，也不计入任何功能区。如果它属于保护区，请扩大边界。</translation>
    </message>
    <message>
      <source>{reserve}: {zone}</source>
      <translation>{reserve}：{zone}</translation>
    </message>
    <message>
      <source>{zone}: empty (a width of 0, or no room left inside the boundary), no feature written.</source>
      <translation>{zone}：为空（宽度为 0，或边界内已无空间），未写出要素。</translation>
    </message>
    <message>
      <source>{zone}: {area:.2f} ha</source>
      <translation>{zone}：{area:.2f} 公顷</translation>
    </message>
    <message>
      <source>Features {ids} of layer "{layer}" have no value in the reserve field "{field}". Give every core the id of its reserve, or leave the reserve field empty to zone the layer as one reserve.</source>
      <translation>图层 "{layer}" 的要素 {ids} 的保护区字段 "{field}" 没有值。请为每个核心区填写所属保护区的编号，或将保护区字段留空，把整个图层作为一个保护区划分。</translation>
    </message>
    <message>
      <source>Reserves without a boundary feature (zoned without a boundary): {reserves}.</source>
      <translation>以下保护区没有边界要素（按无边界划分）：{reserves}。</translation>
    </message>
    <message>
      <source>The boundaries of reserves {first} and {second} overlap over {area:.0f} m²: their zones overlap there too. Correct the boundaries.</source>
      <translation>保护区 {first} 与 {second} 的边界重叠 {area:.0f} 平方米，其功能区在该处也会重叠。请修正边界。</translation>
    </message>
    <message>
      <source>Layer "{layer}" has no features: there are no zones to measure.</source>
      <translation>图层“{layer}”没有要素：没有可统计的分区。</translation>
    </message>
    <message>
      <source>Features {ids} of layer "{layer}" have no value in the reserve field "{field}". Give every zone the id of its reserve, or leave the reserve field empty to measure the layer as one reserve.</source>
      <translation>图层 "{layer}" 的要素 {ids} 的保护区字段 "{field}" 没有值。请为每个分区填写所属保护区的编号，或将保护区字段留空，把整个图层作为一个保护区统计。</translation>
    </message>
    <message>
      <source>Values that are not core, buffer or transition are reported as they are: {values}.</source>
      <translation>不是 core、buffer 或 transition 的取值按原样报告：{values}。</translation>
    </message>
    <message>
      <source> (reserve {reserve})</source>
      <translation>（保护区 {reserve}）</translation>
    </message>
    <message>
      <source>Zones of different kinds overlap by {area:.4f} ha{where}: that land counts in each of them, and the shares add up over more land than the reserve has. Run "Validate zones" to locate the overlaps.</source>
      <translation>不同类型的功能区重叠了 {area:.4f} 公顷{where}：这部分土地在每个功能区中都被计入，各功能区占比所依据的面积大于保护区的实际面积。请运行“检查功能区划”定位重叠处。</translation>
    </message>
    <message>
      <source>The land-cover raster "{layer}" cannot be read: {reason}</source>
      <translation>无法读取土地覆盖栅格“{layer}”：{reason}</translation>
    </message>
    <message>
      <source>The land-cover raster "{layer}" has no data under any zone (its cells there are nodata, or it lies elsewhere): every zone is reported as class NULL. Check the raster and its nodata value.</source>
      <translation>土地覆盖栅格“{layer}”在所有功能区内均无数据（这些像元为无数据值，或栅格位于别处）：每个功能区都将报告为类别 NULL。请检查该栅格及其无数据值。</translation>
    </message>
  </context>
  <context>
    <name>ZoneStatistics</name>
    <message>
      <source>Zone statistics</source>
      <translation>功能区统计</translation>
    </message>
    <message>
      <source>Area and share of each zone of a biosphere-reserve zoning, and its land-cover composition.</source>
      <translation>统计生物圈保护区功能分区中每个分区的面积、占比及其土地覆盖构成。</translation>
    </message>
    <message>
      <source>biosphere reserve,zoning,statistics,area,land cover,composition</source>
      <translation>生物圈保护区,功能区划,统计,面积,土地覆盖,构成</translation>
    </message>
    <message>
      <source>Output: a table with one row per zone: zone, zone_code, area_ha (hectares, measured in metres whatever the CRS) and share_pct (percent of the summed area of all zones).</source>
      <translation>输出：一张表，每个分区一行：zone、zone_code、area_ha（公顷，无论坐标参考系如何均按米计算）和 share_pct（占全部分区面积之和的百分比）。</translation>
    </message>
    <message>
      <source>With land cover, one row per zone and class (a long table, easy to pivot), plus landcover (the class value), class_pct (percent of the zone) and class_area_ha (class_pct x area_ha / 100).</source>
      <translation>提供土地覆盖时，每个分区的每个类别一行（长表，便于透视），另加 landcover（类别值）、class_pct（占该分区的百分比）和 class_area_ha（class_pct × area_ha / 100）。</translation>
    </message>
    <message>
      <source>A polygon layer, for example the output of Generate zones.</source>
      <translation>多边形图层，例如“生成分区”的输出。</translation>
    </message>
    <message>
      <source>Several polygons of one zone are added up.</source>
      <translation>同一分区的多个多边形面积相加。</translation>
    </message>
    <message>
      <source>The field holding the zone (core, buffer, transition or 1, 2, 3; default zone).</source>
      <translation>存放分区的字段（core、buffer、transition 或 1、2、3；默认为 zone）。</translation>
    </message>
    <message>
      <source>Other values are reported as they are, after the three zones, with an empty zone_code.</source>
      <translation>其他取值按原样列在三个分区之后，zone_code 为空。</translation>
    </message>
    <message>
      <source>A raster of class values (band 1).</source>
      <translation>类别值栅格（波段 1）。</translation>
    </message>
    <message>
      <source>A cell belongs to a zone when its centre lies inside it (a zone smaller than a cell takes the cells it touches); cells outside the raster or without data form the class NULL.</source>
      <translation>像元中心落在分区内的像元属于该分区（小于一个像元的分区取其接触到的像元）；栅格范围以外或无数据的像元归入类别 NULL。</translation>
    </message>
    <message>
      <source>Measures every reserve of a province in one run; each reserve's rows are those it would get alone (shares are of that reserve), with the reserve in a first "reserve" column.</source>
      <translation>一次运行统计全省所有保护区；每个保护区的各行与单独统计它时相同（占比相对于该保护区），并在第一列 "reserve" 中记录所属保护区。</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>功能区</translation>
    </message>
    <message>
      <source>Zone field</source>
      <translation>分区字段</translation>
    </message>
    <message>
      <source>Land cover raster</source>
      <translation>土地覆盖栅格</translation>
    </message>
    <message>
      <source>Reserve field (one reserve per value; empty: one reserve)</source>
      <translation>保护区字段（每个取值一个保护区；留空：作为一个保护区）</translation>
    </message>
  </context>
</TS>
