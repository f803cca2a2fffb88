<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerEngine</name>
    <message>
      <source>The IIC distance threshold must be 0 or more (got {value}).</source>
      <translation>IIC 距离阈值必须大于或等于 0（当前为 {value}）。</translation>
    </message>
    <message>
      <source>The landscape attribute ({value}) must be at least the sum of the patch attributes ({total}).</source>
      <translation>景观属性（{value}）不能小于各斑块属性之和（{total}）。</translation>
    </message>
    <message>
      <source>There are no patches.</source>
      <translation>没有斑块。</translation>
    </message>
    <message>
      <source>Patch {patch} has the attribute {value}: attributes must be finite numbers of 0 or more.</source>
      <translation>斑块 {patch} 的属性为 {value}：属性必须是大于或等于 0 的有限数。</translation>
    </message>
    <message>
      <source>Every patch has the attribute 0: there is no habitat to connect.</source>
      <translation>所有斑块的属性均为 0：没有可连通的生境。</translation>
    </message>
  </context>
</TS>
