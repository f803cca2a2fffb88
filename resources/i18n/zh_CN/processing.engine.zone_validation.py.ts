<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>General control zone</source>
      <translation>一般控制区</translation>
    </message>
    <message>
      <source>Geometry is valid</source>
      <translation>几何有效</translation>
    </message>
    <message>
      <source>Geometry is not empty</source>
      <translation>几何非空</translation>
    </message>
    <message>
      <source>Zone value is allowed</source>
      <translation>功能区取值合法</translation>
    </message>
    <message>
      <source>The zoning has a core area</source>
      <translation>区划包含核心区</translation>
    </message>
    <message>
      <source>No overlaps between zones</source>
      <translation>功能区之间没有重叠</translation>
    </message>
    <message>
      <source>No gaps in the reserve</source>
      <translation>保护区内没有空隙</translation>
    </message>
    <message>
      <source>Zones stay inside the reserve boundary</source>
      <translation>功能区不超出保护区边界</translation>
    </message>
    <message>
      <source>Every core adjoins a buffer</source>
      <translation>每个核心区都与缓冲区相邻</translation>
    </message>
    <message>
      <source>Cores are enclosed (strict)</source>
      <translation>核心区被缓冲区包围（严格）</translation>
    </message>
    <message>
      <source>Minimum buffer width</source>
      <translation>缓冲区最小宽度</translation>
    </message>
    <message>
      <source>Minimum core share</source>
      <translation>核心区最小比例</translation>
    </message>
    <message>
      <source>Minimum core + buffer share</source>
      <translation>核心区加缓冲区最小比例</translation>
    </message>
    <message>
      <source>Minimum transition share</source>
      <translation>实验区最小比例</translation>
    </message>
    <message>
      <source>MAB generic (core, buffer, transition)</source>
      <translation>人与生物圈通用（核心区、缓冲区、过渡区）</translation>
    </message>
    <message>
      <source>China, three zones (核心区, 缓冲区, 实验区; 1994 regulations)</source>
      <translation>中国三区（核心区、缓冲区、实验区；1994 年条例）</translation>
    </message>
    <message>
      <source>China, two zones (核心保护区, 一般控制区; 2019 reform)</source>
      <translation>中国两区（核心保护区、一般控制区；2019 年改革）</translation>
    </message>
    <message>
      <source>Germany (BfN criteria)</source>
      <translation>德国（联邦自然保护局标准）</translation>
    </message>
    <message>
      <source>Feature {fid}: unknown zone value "{value}"; use core, buffer or transition (or 1, 2, 3).</source>
      <translation>要素 {fid}：未知的功能区取值“{value}”；请使用 core、buffer 或 transition（或 1、2、3）。</translation>
    </message>
    <message>
      <source>Feature {fid} has no geometry (null or empty).</source>
      <translation>要素 {fid} 没有几何（空值或空几何）。</translation>
    </message>
    <message>
      <source>Feature {fid}: invalid geometry ({reason}); it was repaired for the other checks, fix it in the layer.</source>
      <translation>要素 {fid}：几何无效（{reason}）；其他检查使用了修复后的几何，请在图层中修正。</translation>
    </message>
    <message>
      <source>Feature {fid}: invalid geometry that cannot be repaired ({reason}).</source>
      <translation>要素 {fid}：几何无效且无法修复（{reason}）。</translation>
    </message>
    <message>
      <source>The zoning has no core area.</source>
      <translation>区划中没有核心区。</translation>
    </message>
    <message>
      <source>Features {fid} and {other_fid} overlap by {area_m2:.1f} m².</source>
      <translation>要素 {fid} 与 {other_fid} 重叠 {area_m2:.1f} 平方米。</translation>
    </message>
    <message>
      <source>Gap of {area_m2:.1f} m² between the zones inside the reserve boundary.</source>
      <translation>保护区边界内功能区之间有 {area_m2:.1f} 平方米的空隙。</translation>
    </message>
    <message>
      <source>Gap of {area_m2:.1f} m² enclosed by the zones.</source>
      <translation>功能区围成了 {area_m2:.1f} 平方米的空隙。</translation>
    </message>
    <message>
      <source>{area_m2:.1f} m² of zone features {fids} lie outside the reserve boundary.</source>
      <translation>功能区要素 {fids} 有 {area_m2:.1f} 平方米位于保护区边界之外。</translation>
    </message>
    <message>
      <source>Core of feature {fids} does not adjoin the general control zone.</source>
      <translation>要素 {fids} 的核心保护区不与一般控制区相邻。</translation>
    </message>
    <message>
      <source>Core of feature {fids} does not adjoin any buffer zone.</source>
      <translation>要素 {fids} 的核心区不与任何缓冲区相邻。</translation>
    </message>
    <message>
      <source>Core of feature {fids}: {length_m:.0f} m of its edge border the transition area.</source>
      <translation>要素 {fids} 的核心区：有 {length_m:.0f} 米边界与实验区相接。</translation>
    </message>
    <message>
      <source>Core of feature {fids}: {length_m:.0f} m of its edge lie on the outer edge of the zoning.</source>
      <translation>要素 {fids} 的核心区：有 {length_m:.0f} 米边界位于区划外缘。</translation>
    </message>
    <message>
      <source>Core of feature {fids}: the buffer is narrower than {width_m:g} m here ({area_m2:.1f} m² of the {width_m:g} m ring around the core lie outside core and buffer).</source>
      <translation>要素 {fids} 的核心区：此处缓冲区窄于 {width_m:g} 米（核心区外 {width_m:g} 米范围内有 {area_m2:.1f} 平方米不在核心区或缓冲区内）。</translation>
    </message>
    <message>
      <source>The core area covers {share:.1f} % of the reserve; the profile asks for at least {minimum:.1f} %.</source>
      <translation>核心区占保护区的 {share:.1f}%；该规则集要求至少 {minimum:.1f}%。</translation>
    </message>
    <message>
      <source>Core and buffer cover {share:.1f} % of the reserve; the profile asks for at least {minimum:.1f} %.</source>
      <translation>核心区与缓冲区占保护区的 {share:.1f}%；该规则集要求至少 {minimum:.1f}%。</translation>
    </message>
    <message>
      <source>The transition area covers {share:.1f} % of the reserve; the profile asks for at least {minimum:.1f} %.</source>
      <translation>实验区占保护区的 {share:.1f}%；该规则集要求至少 {minimum:.1f}%。</translation>
    </message>
    <message>
      <source>Reserves {first} and {second} overlap over {area} m². A place belongs to one reserve: correct their boundaries (or the reserve field of their zones).</source>
      <translation>保护区 {first} 与 {second} 重叠 {area} 平方米。一处地方只能属于一个保护区：请修正它们的边界（或其功能区的保护区字段）。</translation>
    </message>
  </context>
</TS>
