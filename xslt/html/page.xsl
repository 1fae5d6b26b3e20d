<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every web page (a document, or a site's index pages): a self-contained HTML5
     page whose CSS and script are inlined, so that it works from file:// and any static host. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="xs">
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- The CSS and the script, read from xslt/html/ by the caller and passed in. -->
  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="script" as="xs:string" select="''"/>
  <!-- Site navigation; empty for a single page. -->
  <xsl:param name="home-href" as="xs:string" select="''"/>
  <xsl:param name="persons-href" as="xs:string" select="''"/>
  <xsl:param name="glossary-href" as="xs:string" select="''"/>
  <xsl:param name="site-title" as="xs:string" select="''"/>

  <xsl:template name="page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="volume" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{$lang}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teiwright"/>
        <title><xsl:value-of select="$title"/></title>
        <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
      </head>
      <body>
        <a class="skip" href="#main">Skip to the text</a>
        <header class="masthead">
          <xsl:if test="$home-href">
            <nav class="site" aria-label="Site">
              <a href="{$home-href}">Documents</a>
              <a href="{$persons-href}">Persons</a>
              <a href="{$glossary-href}">Glossary</a>
            </nav>
          </xsl:if>
          <xsl:if test="$volume"><p class="volume"><xsl:value-of select="$volume"/></p></xsl:if>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <div id="tw-popup" class="popup" role="tooltip" hidden=""></div>
        <xsl:if test="$script">
          <script><xsl:value-of select="$script" disable-output-escaping="yes"/></script>
        </xsl:if>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
