<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Target3ReportAlgorithm</name>
    <message>
      <source>Target 3 report (30 x 30 indicators)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Kunming-Montreal Target 3 indicators per region, as a table, HTML and PDF report.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>30x30,target 3,GBF,KBA,ProtConn,SPI,OECM,report,atlas,PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The indicators countries report for Target 3 of the Kunming-Montreal Global Biodiversity Framework, per region and for all regions together, computed by the same engines as Protected-area coverage, Site coverage, Habitat coverage and ProtConn.
REGIONS and REGION_FIELD: the counties or provinces. PROTECTED and the cleaning switches: as in Protected-area coverage; OECM_FIELD (default PA_DEF, as in the WDPA) and OECM_VALUE (default 0) tell OECMs from protected areas; a layer without that field counts as protected areas and the report says so. REALM (optional): polygons of the marine and coastal realm; the rest of each region is terrestrial and inland waters. KBAS (optional): Key Biodiversity Areas, points or polygons. SPECIES (optional): range polygons, SPECIES_FIELD names the species, CLASS_FIELD groups them. ECOREGIONS and ECOREGION_FIELD (optional). DISTANCE (m) and PROBABILITY: ProtConn's dispersal. TARGET (%) and YEAR (the year of the data).
Indicators: 3.1 coverage per realm by protected areas, by OECMs and by both (%); KBA coverage (mean share of each KBA protected, share of KBAs fully protected); ProtConn and its fractions; the Species Protection Index and the share of each class's habitat protected; ecoregion representativeness (share of the ecoregions in the region reaching TARGET); the coverage trajectory by STATUS_YR and the yearly gain (percentage points a year) needed to reach TARGET by 2030. Where an indicator cannot be computed (no protected area, no KBA, no OECM field) the report says why.
OUTPUT: one row per region and indicator (region, indicator, subject, value, unit, statement). OUTPUT_HTML and OUTPUT_PDF (optional): the report; the PDF is a print layout atlas, a summary page then one page per region with a map, the indicator table and charts, in the language of QGIS.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regions (counties, provinces)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Region name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Field telling OECMs from protected areas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Value of that field for an OECM</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Marine and coastal realm (polygons)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Key Biodiversity Areas (points or polygons)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Species ranges</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Species name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Class field (e.g. Mammalia)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ecoregions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ecoregion name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtConn median dispersal distance (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtConn dispersal probability at that distance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target coverage (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year of the data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target 3 indicators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target 3 report (HTML)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target 3 report (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Layer "{layer}" has no field "{field}" telling OECMs from protected areas: all its areas count as protected areas.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OECMs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>protected areas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the field that names the species (SPECIES_FIELD).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All regions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This region has no {realm} part.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No protected area or OECM lies in this part of the region.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OECMs cannot be told apart from protected areas: no layer has the OECM field.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>terrestrial and inland waters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>marine and coastal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protected by areas without an establishment year (STATUS_YR): not in the trajectory.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The year of the data is 2030 or later: no years remain.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The target is met.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>points a year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No KBA layer was given.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sites</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No KBA lies in this region.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No protected area: ProtConn is 0 and its fractions are undefined.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No species range reaches into this region.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>species</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ecoregions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No ecoregion lies in this region.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3.1 Coverage: protected areas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3.1 Coverage: OECMs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>3.1 Coverage: PAs and OECMs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage in year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protected, year unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yearly gain needed to reach the target by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KBAs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KBA coverage (mean share protected)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KBAs fully protected (&gt;= 98 %)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtConn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtUnconn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>RelConn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtConn[Prot] (% of ProtConn)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtConn[Trans] (% of ProtConn)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ProtConn[Unprot] (% of ProtConn)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Species Protection Index</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Species</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Habitat protected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ecoregions reaching the target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ecoregion representativeness</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ecoregions &lt; 1 % protected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PAs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PAs + OECMs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage (3.1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protected (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target {:.0f} %</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage by establishment year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Target 3 report (30 x 30)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indicators of Target 3 of the Kunming-Montreal Global Biodiversity Framework (CBD decision 15/5 monitoring framework), target {target:.0f} % by 2030, data of {year}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indicator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Realm, class or year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Statement</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cleaning of the protected areas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protected areas and OECMs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reserve Planner; indicators of the CBD monitoring framework (decision 15/5). Green: protected areas and OECMs after cleaning.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The PDF report could not be written to {path}: {error}</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
