<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by every view: TEI blocks of a document div to HTML blocks, and the facts about a
     document (title, number, date, volume) that headings, indexes and running heads show. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:frus="http://history.state.gov/frus/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tw="urn:teiwright"
    exclude-result-prefixes="tei frus xs tw">

  <!-- The volume's title when the document has no header (FRUS corpus files): the caller knows. -->
  <xsl:param name="volume-title" as="xs:string" select="''"/>

  <xsl:template match="tei:div[@type = 'document']">
    <article class="document" id="{@xml:id}" data-n="{@n}">
      <xsl:apply-templates/>
      <xsl:call-template name="document-end"/>
    </article>
  </xsl:template>
  <!-- Views add what follows the text (footnotes, register entries); none by default. -->
  <xsl:template name="document-end"/>

  <xsl:template match="tei:div[@type = 'document']/tei:head">
    <h1 class="doc-head"><xsl:apply-templates/></h1>
  </xsl:template>
  <xsl:template match="tei:head"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="frus:attachment">
    <section class="attachment"><xsl:apply-templates/></section>
  </xsl:template>
  <xsl:template match="tei:dateline"><p class="dateline"><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:p[@rend]"><p class="{@rend}"><xsl:apply-templates/></p></xsl:template>
  <!-- HTML forbids lists and block quotes inside p: such a p becomes a div of the same look. -->
  <xsl:template match="tei:p[tei:list | tei:quote[tei:p]]" priority="2">
    <div class="p {@rend}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:list[tei:label]">
    <xsl:apply-templates select="tei:head"/>
    <dl class="labelled"><xsl:apply-templates select="node() except tei:head"/></dl>
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
  <xsl:template match="tei:list[tei:label]/tei:pb" priority="2">
    <dd class="pb-item"><xsl:next-match/></dd>
  </xsl:template>
  <xsl:template match="tei:closer"><div class="closer"><xsl:apply-templates/></div></xsl:template>
  <xsl:template match="tei:salute | tei:signed | tei:trailer">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:quote[tei:p]"><blockquote><xsl:apply-templates/></blockquote></xsl:template>
  <xsl:template match="tei:quote"><q><xsl:apply-templates/></q></xsl:template>
  <xsl:template match="tei:standOff | tei:teiHeader"/>

  <!-- The heading's words without its notes: "163. Message From …". -->
  <xsl:function name="tw:heading" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="normalize-space(string-join(
        $doc/tei:head[1]//text()[not(ancestor::tei:note)], ''))"/>
  </xsl:function>

  <!-- The title without the printed number: "Message From …". -->
  <xsl:function name="tw:title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="replace(tw:heading($doc), '^\[?[0-9A-Z]+\]?\.\s+', '')"/>
  </xsl:function>

  <!-- When the document was written: the dateline's date, else the header's creation date. -->
  <xsl:function name="tw:date" as="element()?">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="($doc//tei:dateline//tei:date,
        root($doc)//tei:profileDesc/tei:creation/tei:date)[1]"/>
  </xsl:function>
  <xsl:function name="tw:date-iso" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="date" select="tw:date($doc)"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, '')[1])"/>
  </xsl:function>

  <!-- The printed volume's title: from the header, else as the caller gave it. -->
  <xsl:function name="tw:volume-title" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="normalize-space(string((root($node)//tei:sourceDesc
        /tei:bibl[@type = 'printed']/tei:title[1], $volume-title)[1]))"/>
  </xsl:function>
</xsl:stylesheet>
