<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerWorkflows</name>
    <message>
      <source>Zone a biosphere reserve</source>
      <translation>生物圈保护区功能区划</translation>
    </message>
    <message>
      <source>Zones a biosphere reserve, checks the zoning and measures each zone, in one run.</source>
      <translation>一次运行完成生物圈保护区的功能区划、检查及各功能区量算。</translation>
    </message>
    <message>
      <source>biosphere reserve,MAB,zoning,core,buffer,transition,workflow,model</source>
      <translation>生物圈保护区,人与生物圈,功能区划,核心区,缓冲区,实验区,工作流程,模型</translation>
    </message>
    <message>
      <source>Generates core, buffer and transition zones around the cores, checks them under the MAB generic profile and reports the area and share of each zone.</source>
      <translation>围绕核心区生成核心区、缓冲区和过渡区，按 MAB 通用规则检查，并报告各功能区的面积和比例。</translation>
    </message>
    <message>
      <source>The steps are generatezones, validatezones and zonestatistics; run them one by one for their other options.</source>
      <translation>各步骤为 generatezones、validatezones 和 zonestatistics；如需其他选项，请逐个运行这些算法。</translation>
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
      <source>Buffer width (m)</source>
      <translation>缓冲区宽度（米）</translation>
    </message>
    <message>
      <source>Transition width (m)</source>
      <translation>实验区宽度（米）</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>功能区</translation>
    </message>
    <message>
      <source>Zoning problems</source>
      <translation>功能区划问题</translation>
    </message>
    <message>
      <source>Zone statistics</source>
      <translation>功能区统计</translation>
    </message>
    <message>
      <source>Polygons of the cores; overlapping or touching cores merge.</source>
      <translation>核心区多边形；相互重叠或相接的核心区会合并。</translation>
    </message>
    <message>
      <source>The outer edge of the reserve; the transition zone fills it.</source>
      <translation>保护区的外边界；过渡区填满边界内其余部分。</translation>
    </message>
    <message>
      <source>Width of the buffer zone around the cores, in metres whatever the CRS.</source>
      <translation>核心区周围缓冲区的宽度，无论坐标系如何均以米为单位。</translation>
    </message>
    <message>
      <source>Width of the transition zone around the buffer, in metres whatever the CRS.</source>
      <translation>缓冲区周围过渡区的宽度，无论坐标系如何均以米为单位。</translation>
    </message>
    <message>
      <source>Ecological security pattern</source>
      <translation>生态安全格局</translation>
    </message>
    <message>
      <source>Ecological sources, resistance, corridors, pinch points, barriers and the gravity model of a land-cover map, in one run.</source>
      <translation>一次运行由土地覆盖图得到生态源地、阻力面、廊道、夹点、障碍点和引力模型。</translation>
    </message>
    <message>
      <source>ecological security pattern,MSPA,ecological source,resistance,corridor,pinch point,barrier,gravity model,workflow,model</source>
      <translation>生态安全格局,MSPA,生态源地,阻力,廊道,夹点,障碍点,引力模型,工作流程,模型</translation>
    </message>
    <message>
      <source>The ecological-security-pattern chain in one run: MSPA cores of the habitat classes of a land-cover map and their importance for connectivity (dPC).</source>
      <translation>一次运行完成生态安全格局构建流程：由土地覆盖图的生境类别经 MSPA 得到核心区，并计算其连通重要性（dPC）。</translation>
    </message>
    <message>
      <source>The cores above a dPC and an area threshold become ecological sources.</source>
      <translation>dPC 和面积超过阈值的核心区作为生态源地。</translation>
    </message>
    <message>
      <source>Then a resistance surface from the land cover, the corridor network between the sources, its pinch points and barriers, and the gravity model of the interaction between sources.</source>
      <translation>然后由土地覆盖生成阻力面，构建源地之间的廊道网络，识别其夹点与障碍点，并用引力模型评价源地之间的相互作用。</translation>
    </message>
    <message>
      <source>Land cover</source>
      <translation>土地覆盖</translation>
    </message>
    <message>
      <source>Habitat classes (MSPA foreground)</source>
      <translation>生境类别（MSPA 前景）</translation>
    </message>
    <message>
      <source>Dispersal distance (m)</source>
      <translation>扩散距离（米）</translation>
    </message>
    <message>
      <source>Smallest dPC of a source (%)</source>
      <translation>生态源地的最小 dPC（%）</translation>
    </message>
    <message>
      <source>Smallest area of a source (ha)</source>
      <translation>生态源地的最小面积（公顷）</translation>
    </message>
    <message>
      <source>Resistance of each land-cover class: factor, min, max, score, ... (1 = the land cover)</source>
      <translation>各土地覆盖类别的阻力：因子, 最小值, 最大值, 阻力值, ...（因子 1 = 土地覆盖）</translation>
    </message>
    <message>
      <source>MSPA</source>
      <translation>MSPA 类别</translation>
    </message>
    <message>
      <source>MSPA cores</source>
      <translation>MSPA 核心区</translation>
    </message>
    <message>
      <source>Patch importance</source>
      <translation>斑块重要性</translation>
    </message>
    <message>
      <source>Ecological sources</source>
      <translation>生态源地</translation>
    </message>
    <message>
      <source>Resistance</source>
      <translation>阻力面</translation>
    </message>
    <message>
      <source>Corridor links</source>
      <translation>廊道连接</translation>
    </message>
    <message>
      <source>Corridors</source>
      <translation>廊道</translation>
    </message>
    <message>
      <source>Pinch points</source>
      <translation>夹点</translation>
    </message>
    <message>
      <source>Links with effective resistance</source>
      <translation>带有效电阻的连接</translation>
    </message>
    <message>
      <source>Barriers</source>
      <translation>障碍点</translation>
    </message>
    <message>
      <source>Interaction between sources</source>
      <translation>生态源地间的相互作用</translation>
    </message>
    <message>
      <source>A land-cover raster of class values (band 1).</source>
      <translation>类别值的土地覆盖栅格（波段 1）。</translation>
    </message>
    <message>
      <source>The land-cover classes counted as habitat (MSPA foreground), separated by commas.</source>
      <translation>作为生境（MSPA 前景）的土地覆盖类别，以逗号分隔。</translation>
    </message>
    <message>
      <source>The dispersal distance of the patch importance (dPC), in metres.</source>
      <translation>斑块重要性（dPC）的扩散距离，单位米。</translation>
    </message>
    <message>
      <source>A core patch smaller than this (hectares) is no ecological source.</source>
      <translation>面积小于此值（公顷）的核心区斑块不作为生态源地。</translation>
    </message>
    <message>
      <source>A core patch whose dPC (percent) is below this is no ecological source.</source>
      <translation>dPC（百分比）低于此值的核心区斑块不作为生态源地。</translation>
    </message>
    <message>
      <source>The reclassification table of the resistance surface: factor, min, max, score per row, all in one comma-separated list; factor 1 is the land cover.</source>
      <translation>阻力面的重分类表：每行为因子、最小值、最大值、得分，全部写成一个以逗号分隔的列表；因子 1 为土地覆盖。</translation>
    </message>
    <message>
      <source>Target 3 report of counties</source>
      <translation>各县目标 3 报告</translation>
    </message>
    <message>
      <source>The Target 3 (30 x 30) report of a province's counties and the protection of its stopover sites, in one run.</source>
      <translation>一次运行得到一个省各县的目标 3（30 x 30）报告及其停歇点的保护情况。</translation>
    </message>
    <message>
      <source>30x30,target 3,GBF,county,stopover,KBA,report,workflow,model</source>
      <translation>30x30,目标3,GBF,县,停歇点,KBA,报告,工作流程,模型</translation>
    </message>
    <message>
      <source>The Target 3 (30 x 30) report of a province's counties and the protection of its stopover sites in one run.</source>
      <translation>一次运行得到一个省各县的目标 3（30 x 30）报告及其停歇点的保护情况。</translation>
    </message>
    <message>
      <source>target3report gives coverage by protected areas and OECMs, KBAs, ProtConn, SPI, ecoregions and the trajectory as a table, HTML and PDF.</source>
      <translation>target3report 给出保护地和 OECM 覆盖率、KBA、ProtConn、SPI、生态区和变化轨迹，输出为表格、HTML 和 PDF。</translation>
    </message>
    <message>
      <source>sitecoverage gives the protection of the stopover sites per county, weighted by bird counts.</source>
      <translation>sitecoverage 给出按县、以鸟类计数加权的停歇点保护情况。</translation>
    </message>
    <message>
      <source>Counties</source>
      <translation>县域</translation>
    </message>
    <message>
      <source>County name field</source>
      <translation>县名称字段</translation>
    </message>
    <message>
      <source>Protected areas and OECMs</source>
      <translation>保护地和 OECM</translation>
    </message>
    <message>
      <source>Key Biodiversity Areas</source>
      <translation>关键生物多样性区域</translation>
    </message>
    <message>
      <source>Species ranges</source>
      <translation>物种分布范围</translation>
    </message>
    <message>
      <source>Species name field</source>
      <translation>物种名称字段</translation>
    </message>
    <message>
      <source>Class field</source>
      <translation>类群字段</translation>
    </message>
    <message>
      <source>Ecoregions</source>
      <translation>生态区</translation>
    </message>
    <message>
      <source>Ecoregion name field</source>
      <translation>生态区名称字段</translation>
    </message>
    <message>
      <source>Stopover sites (points)</source>
      <translation>候鸟停歇点（点）</translation>
    </message>
    <message>
      <source>Bird count field</source>
      <translation>鸟类计数字段</translation>
    </message>
    <message>
      <source>Year of the data</source>
      <translation>数据年份</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Report (HTML)</source>
      <translation>报告（HTML）</translation>
    </message>
    <message>
      <source>Report (PDF)</source>
      <translation>报告（PDF）</translation>
    </message>
    <message>
      <source>Stopover sites</source>
      <translation>候鸟停歇点</translation>
    </message>
    <message>
      <source>Stopover sites per county</source>
      <translation>各县候鸟停歇点</translation>
    </message>
    <message>
      <source>The county polygons.</source>
      <translation>县的多边形。</translation>
    </message>
    <message>
      <source>The field naming each county.</source>
      <translation>县名称字段。</translation>
    </message>
    <message>
      <source>Protected areas and OECMs (WDPA: PA_DEF 0 marks an OECM).</source>
      <translation>保护地和 OECM（WDPA：PA_DEF 为 0 表示 OECM）。</translation>
    </message>
    <message>
      <source>Key Biodiversity Areas, points or polygons.</source>
      <translation>关键生物多样性区域，点或面。</translation>
    </message>
    <message>
      <source>Range polygons of the species.</source>
      <translation>物种分布范围面。</translation>
    </message>
    <message>
      <source>The field naming the species.</source>
      <translation>物种名称字段。</translation>
    </message>
    <message>
      <source>The field grouping the species, e.g. Mammalia.</source>
      <translation>对物种分组的字段，如 Mammalia。</translation>
    </message>
    <message>
      <source>Ecoregion polygons, for ecoregion representativeness.</source>
      <translation>生态区面，用于生态区代表性。</translation>
    </message>
    <message>
      <source>The field naming each ecoregion.</source>
      <translation>生态区名称字段。</translation>
    </message>
    <message>
      <source>Stopover sites of migratory birds, points.</source>
      <translation>候鸟停歇点，点图层。</translation>
    </message>
    <message>
      <source>The bird count of each stopover site, its weight.</source>
      <translation>每个停歇点的鸟类计数，作为其权重。</translation>
    </message>
    <message>
      <source>The year of the data: the yearly gain needed is spread over the years left to 2030.</source>
      <translation>数据年份：所需增量分摊到距 2030 年的剩余年份。</translation>
    </message>
    <message>
      <source>Workflows</source>
      <translation>工作流程</translation>
    </message>
    <message>
      <source>The workflow {file} could not be read and is not listed.</source>
      <translation>工作流程 {file} 无法读取，未列出。</translation>
    </message>
  </context>
</TS>
