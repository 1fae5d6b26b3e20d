<?xml version="1.0" encoding="UTF-8"?>
<!-- Web view: one HTML5 page per TEI document. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:import href="../common/inline.xsl"/>
  <xsl:import href="../common/blocks.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- The stylesheet's CSS, passed in by the caller so that the page is self-contained. -->
  <xsl:param name="css" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="normalize-space(string-join(
        (//tei:titleStmt/tei:title[@type = 'main'], //tei:div[@type = 'document']/tei:head[1]
         /text())[1], ''))"/>
    <html lang="{(/tei:TEI/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <header class="source">
          <p class="volume">
            <xsl:value-of select="//tei:sourceDesc/tei:bibl[@type = 'printed']/tei:title"/>
          </p>
        </header>
        <main>
          <xsl:apply-templates select="//tei:text//tei:div[@type = 'document']"/>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
