<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The share of habitat must be between 0 and 100 %; it is {value:.2f} %.</source>
      <translation>生境比例必须在 0 到 100 % 之间；当前为 {value:.2f} %。</translation>
    </message>
    <message>
      <source>The share of species must be between 0 and 100 %; it is {value:.2f} %.</source>
      <translation>物种比例必须在 0 到 100 % 之间；当前为 {value:.2f} %。</translation>
    </message>
    <message>
      <source>The species-area exponent z must be positive; it is {z}.</source>
      <translation>种-面积关系指数 z 必须为正数；当前为 {z}。</translation>
    </message>
  </context>
</TS>
