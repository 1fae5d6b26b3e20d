<?xml version="1.0" encoding="UTF-8"?>
<!-- Print view: HTML for CSS paged media (WeasyPrint), notes as page footnotes. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/inline.xsl"/>
  <xsl:import href="../common/blocks.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:param name="css" select="''"/>

  <!-- In print, the note's text is placed where it is referenced and floated to the foot. -->
  <xsl:template match="tei:note[not(@rend = 'inline')]">
    <span class="footnote" id="{@xml:id}"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template name="footnotes"><xsl:param name="doc" as="element()"/></xsl:template>

  <xsl:template match="tei:pb">
    <span class="pb" id="{(@xml:id, 'pg_' || @n)[1]}" data-page="{@n}"/>
  </xsl:template>

  <xsl:template match="/">
    <html lang="{(/tei:TEI/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="//tei:titleStmt/tei:title[@type = 'main']"/></title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <div class="running-volume">
          <xsl:value-of select="//tei:sourceDesc/tei:bibl[@type = 'printed']/tei:title"/>
        </div>
        <xsl:apply-templates select="//tei:text//tei:div[@type = 'document']"/>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
