<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>Core area</source>
      <translation>核心区</translation>
    </message>
    <message>
      <source>Buffer zone</source>
      <translation>缓冲区</translation>
    </message>
    <message>
      <source>Transition area</source>
      <translation>实验区（过渡区）</translation>
    </message>
  </context>
</TS>
