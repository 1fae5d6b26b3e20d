<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by every view: TEI blocks of a document div to HTML blocks. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:div[@type = 'document']">
    <article class="document" id="{@xml:id}" data-n="{@n}">
      <xsl:apply-templates/>
      <xsl:call-template name="footnotes">
        <xsl:with-param name="doc" select="."/>
      </xsl:call-template>
    </article>
  </xsl:template>

  <xsl:template match="tei:div[@type = 'document']/tei:head">
    <h1 class="doc-head"><xsl:apply-templates/></h1>
  </xsl:template>
  <xsl:template match="tei:head"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="tei:dateline"><p class="dateline"><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:list[tei:label]">
    <dl class="labelled"><xsl:apply-templates/></dl>
  </xsl:template>
  <xsl:template match="tei:list[tei:label]/tei:label"><dt><xsl:apply-templates/></dt></xsl:template>
  <xsl:template match="tei:list[tei:label]/tei:item"><dd><xsl:apply-templates/></dd></xsl:template>
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <ul class="list {@type}"><xsl:apply-templates select="node() except tei:head"/></ul>
  </xsl:template>
  <xsl:template match="tei:list/tei:head">
    <p class="list-head"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:item"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:list/tei:pb">
    <li class="pb-item"><xsl:next-match/></li>
  </xsl:template>
  <xsl:template match="tei:closer"><div class="closer"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:salute | tei:signed | tei:trailer">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:quote[tei:p]"><blockquote><xsl:apply-templates/></blockquote></xsl:template>
</xsl:stylesheet>
