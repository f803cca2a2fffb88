<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>SpeciesAreaAlgorithm</name>
    <message>
      <source>Species-area calculator</source>
      <translation>种-面积关系计算器</translation>
    </message>
    <message>
      <source>Species expected to persist for a share of habitat kept, by the species-area relationship.</source>
      <translation>按种-面积关系估算保留一定比例的生境时预期存续的物种比例。</translation>
    </message>
    <message>
      <source>species-area,Half-Earth,extinction,persistence,habitat loss</source>
      <translation>种-面积关系,半个地球,灭绝,存续,生境丧失</translation>
    </message>
    <message>
      <source>The species-area relationship S = c A^z (the Half-Earth arithmetic): when habitat shrinks to a share a of its original area, a share a^z of the species is expected to persist; keeping a share f of the species needs f^(1/z) of the area.</source>
      <translation>种-面积关系 S = c A^z（“半个地球”的算术）：生境缩小到原面积的比例 a 时，预期有比例 a^z 的物种存续；要保留比例 f 的物种，需要 f^(1/z) 的面积。</translation>
    </message>
    <message>
      <source>Protecting half keeps 0.5^0.25 = 84 %, keeping 15 % keeps 0.15^0.25 = 62 %.</source>
      <translation>保护一半可保留 0.5^0.25 = 84 % 的物种，保留 15 % 可保留 0.15^0.25 = 62 %。</translation>
    </message>
    <message>
      <source>PERSISTING_PERCENT: species expected to persist at COVERAGE; AREA_NEEDED_PERCENT: habitat needed for SPECIES_SHARE; OUTPUT: a table of both for z = 0.15 ... 0.4 and Z.</source>
      <translation>PERSISTING_PERCENT：在 COVERAGE 下预期存续的物种；AREA_NEEDED_PERCENT：达到 SPECIES_SHARE 所需的生境；OUTPUT：z = 0.15 ... 0.4 及 Z 下两者的表。</translation>
    </message>
    <message>
      <source>The share of habitat kept (e.g. protected), in %.</source>
      <translation>保留（例如受保护）的生境比例，单位 %。</translation>
    </message>
    <message>
      <source>The exponent z (about 0.25; 0.15 to 0.4).</source>
      <translation>指数 z（约 0.25；0.15 至 0.4）。</translation>
    </message>
    <message>
      <source>The share of species to keep, in %.</source>
      <translation>要保留的物种比例，单位 %。</translation>
    </message>
    <message>
      <source>Share of habitat kept (%)</source>
      <translation>保留的生境比例 (%)</translation>
    </message>
    <message>
      <source>Species-area exponent z</source>
      <translation>种-面积关系指数 z</translation>
    </message>
    <message>
      <source>Share of species to keep (%)</source>
      <translation>要保留的物种比例 (%)</translation>
    </message>
    <message>
      <source>Species-area table</source>
      <translation>种-面积关系表</translation>
    </message>
    <message>
      <source>Species persisting (%)</source>
      <translation>存续的物种比例 (%)</translation>
    </message>
    <message>
      <source>Habitat needed (%)</source>
      <translation>所需生境比例 (%)</translation>
    </message>
    <message>
      <source>With {coverage:.1f} % of the habitat, {persisting:.1f} % of the species are expected to persist (z = {z}); keeping {share:.1f} % of them needs {needed:.1f} % of the habitat.</source>
      <translation>保留 {coverage:.1f} % 的生境时，预计 {persisting:.1f} % 的物种可以存续（z = {z}）；要保留 {share:.1f} % 的物种，需要 {needed:.1f} % 的生境。</translation>
    </message>
  </context>
</TS>
