<?xml version="1.0" encoding="UTF-8"?>
<!-- report.xsl - OUT/report.html from the compare stage's summary of a run.
     The page: <report xmlns="urn:vnplan:1"> with <pair child parent file score weak rows/> (weak:
     its rows of rank below 3, rows: its rows listed), <near-miss child parent reason/> and
     <omitted>N</omitted>. The comment vnplan:checks in the page is where the check rows go: they
     are this stylesheet applied to <checks xmlns="urn:vnplan:1"> holding, a few hundred at a
     time and weakest first, <pair child parent> each with one <check type verdict rank parent
     child similarity detail> (+ parent-text, child-text).
     rank: 0 missing/absent, 1 below/later/mismatch, 2 unclear, 3 ok. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:v="urn:vnplan:1"
                exclude-result-prefixes="v">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <!-- $s with every $from written as $to -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="concat(substring-before($s, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a file name as a relative link: the characters that would end or change the path ("%"
       of an escaped byte in an output name, "#", "?") are written as %XX, "%" first -->
  <xsl:template name="uri-path">
    <xsl:param name="s"/>
    <xsl:variable name="p">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$s"/><xsl:with-param name="from" select="'%'"/><xsl:with-param name="to" select="'%25'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="h">
      <xsl:call-template name="replace"><xsl:with-param name="s" select="$p"/><xsl:with-param name="from" select="'#'"/><xsl:with-param name="to" select="'%23'"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace"><xsl:with-param name="s" select="$h"/><xsl:with-param name="from" select="'?'"/><xsl:with-param name="to" select="'%3F'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/v:report">
    <html lang="vi">
      <head>
        <title>vnplan – compliance report</title>
        <style>
          body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 1.5em; color: #222; }
          table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }
          th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; font-size: 13px; }
          th { background: #eee; }
          td.text { width: 28%; }
          .id { font-family: monospace; color: #555; display: block; }
          tr.r0 td.verdict { background: #f6c6c6; font-weight: bold; }
          tr.r1 td.verdict { background: #f9ddb0; font-weight: bold; }
          tr.r2 td.verdict { background: #f3f0b5; }
          tr.r3 td.verdict { background: #d4eed4; }
          .score { font-family: monospace; }
        </style>
      </head>
      <body>
        <h1>Compliance of lower-level plans</h1>
        <p id="totals">
          <xsl:value-of select="count(v:pair)"/> pair(s),
          <xsl:value-of select="count(v:near-miss)"/> near-miss(es),
          <xsl:value-of select="sum(v:pair/@weak)"/> weak or missing item(s).
        </p>

        <h2>Pairs</h2>
        <xsl:choose>
          <xsl:when test="v:pair">
            <table id="pairs">
              <thead><tr><th>Child</th><th>Parent</th><th>Score</th><th>Weak or missing</th><th>Compliance file</th></tr></thead>
              <tbody>
                <xsl:for-each select="v:pair">
                  <xsl:sort select="@score" data-type="number"/>
                  <tr class="pair">
                    <td><xsl:value-of select="@child"/></td>
                    <td><xsl:value-of select="@parent"/></td>
                    <td class="score"><xsl:value-of select="@score"/></td>
                    <td><xsl:value-of select="@weak"/></td>
                    <td>
                      <a>
                        <xsl:attribute name="href"><xsl:call-template name="uri-path"><xsl:with-param name="s" select="@file"/></xsl:call-template></xsl:attribute>
                        <xsl:value-of select="@file"/>
                      </a>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><p>No document of this run names another one of the run as the plan it carries out.</p></xsl:otherwise>
        </xsl:choose>

        <xsl:if test="v:near-miss">
          <h2>Near-misses (not compared)</h2>
          <table id="near-misses">
            <thead><tr><th>Child</th><th>Candidate parent</th><th>Why not paired</th></tr></thead>
            <tbody>
              <xsl:for-each select="v:near-miss">
                <tr class="near-miss">
                  <td><xsl:value-of select="@child"/></td>
                  <td><xsl:value-of select="@parent"/></td>
                  <td><xsl:value-of select="@reason"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:if>

        <xsl:if test="sum(v:pair/@rows) &gt; 0">
          <h2>Checks, weakest first</h2>
          <table id="checks">
            <thead>
              <tr><th>Verdict</th><th>Check</th><th>Child / parent</th><th>Parent says</th><th>Child says</th><th>Similarity</th><th>Details</th></tr>
            </thead>
            <tbody>
              <xsl:comment>vnplan:checks</xsl:comment>
            </tbody>
          </table>
        </xsl:if>
        <xsl:if test="number(v:omitted) &gt; 0">
          <p id="omitted"><xsl:value-of select="v:omitted"/> further check(s) are not shown here; the compliance files list them all.</p>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- the check rows, weakest first as they come -->
  <xsl:template match="/v:checks">
    <xsl:for-each select="v:pair/v:check">
      <tr class="check r{@rank}">
        <td class="verdict"><xsl:value-of select="@verdict"/></td>
        <td><xsl:value-of select="@type"/></td>
        <td><xsl:value-of select="../@child"/><br/>→ <xsl:value-of select="../@parent"/></td>
        <td class="text">
          <span class="id"><xsl:value-of select="@parent"/></span>
          <xsl:value-of select="v:parent-text"/>
        </td>
        <td class="text">
          <span class="id"><xsl:value-of select="@child"/></span>
          <xsl:value-of select="v:child-text"/>
        </td>
        <td class="score"><xsl:value-of select="@similarity"/></td>
        <td><xsl:value-of select="@detail"/></td>
      </tr>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
