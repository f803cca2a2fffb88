<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ValidateZones</name>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Exempt segments: features {ids} have no geometry and exempt nothing.</source>
      <translation>豁免边界段：要素 {ids} 没有几何，不豁免任何边界。</translation>
    </message>
    <message>
      <source>Validate zones</source>
      <translation>检查功能区划</translation>
    </message>
    <message>
      <source>Checks a biosphere-reserve zoning against the rules of a profile and lists each problem where it is.</source>
      <translation>按所选规则集检查生物圈保护区功能区划，在问题所在位置逐一列出问题。</translation>
    </message>
    <message>
      <source>biosphere reserve,MAB,zoning,core,buffer,transition,validation,check,rules</source>
      <translation>生物圈保护区,人与生物圈,功能区划,核心区,缓冲区,实验区,校验,检查,规则</translation>
    </message>
    <message>
      <source>Checks a biosphere-reserve zoning layer against the rules of a profile (MAB generic, China three or two zones, Germany) and writes one feature per problem, placed where the problem is.</source>
      <translation>检查生物圈保护区功能区划图层是否符合所选规则集（人与生物圈通用、中国三区或两区、德国），每个问题输出一个要素，位置就是问题所在之处。</translation>
    </message>
    <message>
      <source>The problems layer has the fields rule, severity (error or warning), message, feature_ids, shape, area_m2 and length_m, in the zoning's CRS; points and stretches of core edge are written as polygons 2 m wide.</source>
      <translation>问题图层与功能区图层坐标系相同，字段为 rule、severity（error 或 warning）、message、feature_ids、shape、area_m2 和 length_m；点和核心区边界段写成 2 米宽的多边形。</translation>
    </message>
    <message>
      <source>ERROR_COUNT and WARNING_COUNT count the problems; an optional summary table and HTML report give the area of each zone.</source>
      <translation>ERROR_COUNT 和 WARNING_COUNT 为问题计数；可选的汇总表和 HTML 报告给出各功能区面积。</translation>
    </message>
    <message>
      <source>Distances and areas are in metres and m² whatever the CRS (geographic layers are measured in a local equal-area projection).</source>
      <translation>无论坐标系如何，距离和面积都以米和平方米计（地理坐标图层在局部等积投影中量算）。</translation>
    </message>
    <message>
      <source>Polygons with a zone field.</source>
      <translation>带功能区字段的多边形。</translation>
    </message>
    <message>
      <source>Core, buffer or transition (or 1, 2, 3, any case; Chinese 核心区/缓冲区/实验区 and German Kernzone/Pflegezone/Entwicklungszone are understood too).</source>
      <translation>core、buffer 或 transition（或 1、2、3，不区分大小写；也识别中文 核心区/缓冲区/实验区 和德文 Kernzone/Pflegezone/Entwicklungszone）。</translation>
    </message>
    <message>
      <source>Any other value is reported as a problem.</source>
      <translation>其他取值都作为问题报告。</translation>
    </message>
    <message>
      <source>The reserve polygon(s).</source>
      <translation>保护区多边形。</translation>
    </message>
    <message>
      <source>Without it, holes enclosed by the zones are the gaps and the outline of the zones is the outer edge.</source>
      <translation>不提供时，被功能区包围的空洞视为空隙，功能区的外轮廓视为外缘。</translation>
    </message>
    <message>
      <source>MAB generic: geometry, zone values, overlaps, gaps, every core adjoins a buffer.</source>
      <translation>人与生物圈通用：几何、功能区取值、重叠、空隙、每个核心区与缓冲区相邻。</translation>
    </message>
    <message>
      <source>China three zones: also cores enclosed by buffer, and core at least 1/3 of the reserve (both warnings).</source>
      <translation>中国三区：另检查核心区被缓冲区包围，核心区不少于保护区的 1/3（两项均为警告）。</translation>
    </message>
    <message>
      <source>China two zones of 2019 (核心保护区 and 一般控制区): buffer and transition values count as the general control zone, which must adjoin each core.</source>
      <translation>中国两区（2019 年，核心保护区和一般控制区）：缓冲区和实验区取值都算作一般控制区，每个核心保护区须与之相邻。</translation>
    </message>
    <message>
      <source>Germany: core at least 3 %, core + buffer at least 20 % of the reserve; transition at least 50 %, a warning because that threshold is unverified.</source>
      <translation>德国：核心区不少于保护区的 3%，核心区加缓冲区不少于 20%；实验区不少于 50%，因该阈值未经核实，仅为警告。</translation>
    </message>
    <message>
      <source>Metres: each core grown by this width must stay inside core + buffer; the part outside is reported.</source>
      <translation>单位为米：每个核心区向外扩展该宽度后须仍在核心区加缓冲区之内；超出部分作为问题报告。</translation>
    </message>
    <message>
      <source>Empty or 0: not checked.</source>
      <translation>留空或 0：不检查。</translation>
    </message>
    <message>
      <source>Lines or polygons (coast, national border, neighbouring protected area) along which a core needs no buffer.</source>
      <translation>线或多边形（海岸线、国界、相邻保护地），沿这些边界核心区不需要缓冲区。</translation>
    </message>
    <message>
      <source>Core edges within 1 m of them are exempt from the enclosure and buffer width rules.</source>
      <translation>距其 1 米以内的核心区边界不参加包围检查和缓冲区宽度检查。</translation>
    </message>
    <message>
      <source>Overlaps, gaps and other pieces smaller than this (m²) are slivers and are ignored.</source>
      <translation>小于此值（平方米）的重叠、空隙等碎片忽略不计。</translation>
    </message>
    <message>
      <source>Validates every reserve of a province in one run: the zones with one value of this field, and the boundary features with the same value in a field of the same name, are one reserve, validated as if it were alone.</source>
      <translation>一次运行校验全省所有保护区：该字段取同一值的功能区，以及边界图层中同名字段取同一值的边界要素，构成一个保护区，其校验结果与只校验它一个时相同。</translation>
    </message>
    <message>
      <source>Reserves whose boundaries (or zones) overlap are reported (rule reserve_overlap); problems carry the reserve in a "reserve" field.</source>
      <translation>边界（或功能区）相互重叠的保护区会被报告（规则 reserve_overlap）；问题要素带有 "reserve" 字段，记录所属保护区。</translation>
    </message>
    <message>
      <source>One row per reserve: reserve, errors, warnings, core_share (%), reserve_ha and the area of each zone class (ha).</source>
      <translation>每个保护区一行：reserve、errors、warnings、core_share（%）、reserve_ha 及各功能区面积（公顷）。</translation>
    </message>
    <message>
      <source>The problems with the area of each zone; a province-wide table first when a reserve field is given.</source>
      <translation>列出全部问题及各功能区面积；给定保护区字段时先列出全省汇总表。</translation>
    </message>
    <message>
      <source>Zoning layer</source>
      <translation>功能区划图层</translation>
    </message>
    <message>
      <source>Zone field</source>
      <translation>分区字段</translation>
    </message>
    <message>
      <source>Reserve boundary</source>
      <translation>保护地边界</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>规范</translation>
    </message>
    <message>
      <source>Minimum buffer width (m)</source>
      <translation>缓冲区最小宽度（米）</translation>
    </message>
    <message>
      <source>Exempt segments (coast, border, neighbouring protected area)</source>
      <translation>豁免边界段（海岸线、国界、相邻保护地）</translation>
    </message>
    <message>
      <source>Area tolerance (m²)</source>
      <translation>面积容差（平方米）</translation>
    </message>
    <message>
      <source>Reserve field (one reserve per value; empty: one reserve)</source>
      <translation>保护区字段（每个取值一个保护区；留空：作为一个保护区）</translation>
    </message>
    <message>
      <source>Zoning problems</source>
      <translation>功能区划问题</translation>
    </message>
    <message>
      <source>Summary per reserve</source>
      <translation>各保护区汇总</translation>
    </message>
    <message>
      <source>Validation report</source>
      <translation>检查报告</translation>
    </message>
    <message>
      <source>HTML files (*.html *.htm)</source>
      <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
      <source>Number of errors</source>
      <translation>错误数</translation>
    </message>
    <message>
      <source>Number of warnings</source>
      <translation>警告数</translation>
    </message>
    <message>
      <source>{errors} errors and {warnings} warnings under the profile "{profile}".</source>
      <translation>按“{profile}”规则集检查：{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
      <source>Features {ids} have no value in the reserve field "{field}". Give every zone the id of its reserve, or leave the reserve field empty to validate the layer as one reserve.</source>
      <translation>要素 {ids} 的保护区字段 "{field}" 没有值。请为每个功能区填写所属保护区的编号，或将保护区字段留空，把整个图层作为一个保护区校验。</translation>
    </message>
    <message>
      <source>Reserves without a boundary feature (their zones' outline is used): {reserves}.</source>
      <translation>以下保护区没有边界要素（使用其功能区的外轮廓）：{reserves}。</translation>
    </message>
    <message>
      <source>{count} reserves validated.</source>
      <translation>已校验 {count} 个保护区。</translation>
    </message>
    <message>
      <source>The reserve boundary layer "{layer}" has no features. Give a layer with the reserve polygon, or leave the boundary empty.</source>
      <translation>保护区边界图层“{layer}”没有要素。请提供包含保护区多边形的图层，或不填边界。</translation>
    </message>
    <message>
      <source>{rule}: {count} problems.</source>
      <translation>{rule}：{count} 个问题。</translation>
    </message>
    <message>
      <source>Areas per zone</source>
      <translation>各功能区面积</translation>
    </message>
    <message>
      <source>Rules checked</source>
      <translation>检查的规则</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>All reserves</source>
      <translation>全部保护区</translation>
    </message>
    <message>
      <source>Overlapping reserves</source>
      <translation>相互重叠的保护区</translation>
    </message>
    <message>
      <source>Reserve {reserve}</source>
      <translation>保护区 {reserve}</translation>
    </message>
    <message>
      <source>Zoning validation report</source>
      <translation>功能区划检查报告</translation>
    </message>
    <message>
      <source>The zoning does not pass: {errors} errors and {warnings} warnings.</source>
      <translation>功能区划未通过检查：{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
      <source>The zoning passes: no errors, {warnings} warnings.</source>
      <translation>功能区划通过检查：没有错误，{warnings} 个警告。</translation>
    </message>
    <message>
      <source>Reserve</source>
      <translation>保护区</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Core share (%)</source>
      <translation>核心区占比（%）</translation>
    </message>
    <message>
      <source>Reserve (ha)</source>
      <translation>保护区面积（公顷）</translation>
    </message>
    <message>
      <source>{zone} (ha)</source>
      <translation>{zone}（公顷）</translation>
    </message>
    <message>
      <source>Minimum buffer width</source>
      <translation>缓冲区最小宽度</translation>
    </message>
    <message>
      <source>{width:g} m</source>
      <translation>{width:g} 米</translation>
    </message>
    <message>
      <source>not checked</source>
      <translation>未检查</translation>
    </message>
    <message>
      <source>Area tolerance</source>
      <translation>面积容差</translation>
    </message>
    <message>
      <source>{area:g} m²</source>
      <translation>{area:g} 平方米</translation>
    </message>
    <message>
      <source>Measured in</source>
      <translation>量算坐标系</translation>
    </message>
    <message>
      <source>Setting</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Unknown zone value</source>
      <translation>未知功能区值</translation>
    </message>
    <message>
      <source>Not zoned (gaps)</source>
      <translation>未划区（空隙）</translation>
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
      <source>Share of the reserve (%)</source>
      <translation>占保护区比例（%）</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Rule id</source>
      <translation>规则标识</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Features</source>
      <translation>要素</translation>
    </message>
  </context>
</TS>
