<?xml version="1.0" encoding="UTF-8"?>
<!-- Print view: HTML for CSS paged media (WeasyPrint). Each note's text is placed where it is
     referenced and floated to the foot of that page; the printed volume's page breaks become
     marks in the outer margin; running heads take the volume title and the document number. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tw="urn:teiwright"
    exclude-result-prefixes="tei xs tw">
  <xsl:import href="../common/inline.xsl"/>
  <xsl:import href="../common/blocks.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="css" as="xs:string" select="''"/>
  <!-- CSS page size: "letter" or "A4". -->
  <xsl:param name="paper" as="xs:string" select="'letter'"/>

  <xsl:template match="/">
    <xsl:variable name="docs" select="//tei:text//tei:div[@type = 'document']"/>
    <xsl:call-template name="print-page">
      <xsl:with-param name="title" select="string-join($docs ! tw:heading(.), '; ')"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:apply-templates select="$docs"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="print-page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{(/tei:TEI/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="$title"/></title>
        <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
        <style>@page { size: <xsl:value-of select="replace($paper, '[^A-Za-z0-9 ]', '')"/>; }</style>
      </head>
      <body><xsl:sequence select="$content"/></body>
    </html>
  </xsl:template>

  <!-- A document: its running heads travel as attributes that the CSS turns into strings. -->
  <xsl:template match="tei:div[@type = 'document']">
    <xsl:param name="id-prefix" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="volume-label" as="xs:string" tunnel="yes" select="''"/>
    <article class="document" id="{$id-prefix}{@xml:id}" data-n="{@n}"
             data-volume="{(tw:volume-title(.)[.], $volume-label)[1]}"
             data-running="Document {@n}">
      <xsl:apply-templates/>
    </article>
  </xsl:template>

  <!-- White space as HTML would collapse it anyway: WeasyPrint has been seen to keep the
       source's line ends inside footnotes, so the print view hands it single spaces only. -->
  <xsl:template match="text()">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:template match="tei:note[not(@rend = 'inline')]">
    <span class="footnote" data-n="{tw:note-n(.)}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A note sits inside a line of text, so its own blocks must be inline-level boxes. -->
  <xsl:template match="tei:note//tei:p | tei:note//tei:quote[tei:p]">
    <span class="note-block"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:note//tei:list">
    <span class="note-block"><xsl:apply-templates select="node() except tei:head"/></span>
  </xsl:template>
  <xsl:template match="tei:note//tei:item | tei:note//tei:label">
    <span class="note-item"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The printed page's number, set in the outer margin beside the line where it began. -->
  <xsl:template match="tei:pb">
    <xsl:param name="id-prefix" as="xs:string" tunnel="yes" select="''"/>
    <span class="pb" id="{$id-prefix}{tw:page-id(.)}" data-page="{@n}"></span>
  </xsl:template>

  <!-- Names stay text in print; persons keep an anchor for the book's index. -->
  <xsl:template match="tei:persName | tei:rs[@type = 'person']">
    <xsl:param name="id-prefix" as="xs:string" tunnel="yes" select="''"/>
    <span class="person" id="{$id-prefix}{tw:mention-id(.)}"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
