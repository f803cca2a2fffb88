<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReservePlannerSites</name>
    <message>
      <source>(outside the regions)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Feature {fid} of the sites layer "{layer}" has no usable point or polygon (null, empty or unrepairable geometry, or a line). Fix or delete it and run again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no group)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site {site} of the sites layer "{layer}" has no usable weight in field "{field}" ({value}): weights are numbers &gt;= 0. Fill it in (0 leaves the site out of the weighted share) and run again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SiteCoverageAlgorithm</name>
    <message>
      <source>Site coverage (KBAs, stopover sites)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How much of each site lies in protected areas, and the share of sites protected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KBA,key biodiversity area,stopover,site,coverage,protected,30x30,target 3</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How much of each site lies in protected areas: Key Biodiversity Areas, stopover sites of migratory birds, monitoring points.
SITES: points or polygons. SITE_ID_FIELD (optional) names the sites. GROUP_FIELD (optional): e.g. the species or site type. WEIGHT_FIELD (optional): e.g. bird counts. REGIONS and REGION_FIELD (optional): a site belongs to the region holding its representative point. PROTECTED and the cleaning switches: as in Protected-area coverage. TOLERANCE (m, default 0): a point this close to a protected area counts as inside (a point on the boundary is inside).
OUTPUT: each site with protected_pct (the share of a polygon's area protected; 100 or 0 for a point) and coverage_class: full (&gt;= 98 %, the KBA convention), partial or none. OUTPUT_SUMMARY: per group and region the site count, the % of sites fully, partially and not protected, the mean protected_pct and weighted_pct = sum(weight x protected_pct) / sum(weight), e.g. the share of the counted birds whose stopover site is protected. Areas in m2 of an equal-area projection centred on the data.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sites (points or polygons)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site name or id field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Group field (e.g. species or site type)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weight field (e.g. bird counts)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regions (provinces, counties)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Region name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tolerance for points (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A point site this close to a protected area (metres) counts as inside.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site coverage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Site coverage per group and region</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} sites lie outside every region; the summary lists them as "{label}".</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} sites: {full:.1f} % fully, {partial:.1f} % partly protected; mean protected share {mean:.2f} %.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(all)</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
