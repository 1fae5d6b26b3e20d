<?xml version="1.0" encoding="UTF-8"?>
<!-- Print view of a folder: one book with a title page, a table of contents, the documents in
     order (each from a new page), and an index of persons. The input is the collection's
     manifest; $documents and $registers carry the parsed files its @index attributes point to.
     Page numbers in the contents and the index are filled in by WeasyPrint (target-counter). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tw="urn:teiwright"
    exclude-result-prefixes="tei xs tw">
  <xsl:import href="document.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="documents" as="document-node()*" select="()"/>

  <xsl:function name="tw:div" as="element(tei:div)?">
    <xsl:param name="doc" as="element(doc)"/>
    <xsl:sequence select="$documents[xs:integer($doc/@index)]
                          //tei:text//tei:div[@type = 'document'][1]"/>
  </xsl:function>

  <!-- Anchors in a book are prefixed by the volume, since two volumes may both have a d1. -->
  <xsl:function name="tw:prefix" as="xs:string">
    <xsl:param name="doc" as="element(doc)"/>
    <xsl:sequence select="$doc/../@id || '-'"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:call-template name="print-page">
      <xsl:with-param name="title" select="string(/site/@title)"/>
      <xsl:with-param name="content" as="node()*">
        <div class="book">
          <section class="title-page">
            <h1><xsl:value-of select="/site/@title"/></h1>
            <p><xsl:value-of select="count(/site/volume/doc)"/> documents</p>
          </section>
          <xsl:call-template name="contents"/>
          <xsl:for-each select="/site/volume/doc">
            <xsl:apply-templates select="tw:div(.)">
              <xsl:with-param name="id-prefix" tunnel="yes" select="tw:prefix(.)"/>
              <xsl:with-param name="volume-label" tunnel="yes" select="string(../@title)"/>
            </xsl:apply-templates>
          </xsl:for-each>
          <xsl:call-template name="person-index"/>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="contents">
    <nav class="toc" aria-labelledby="toc-head">
      <h1 id="toc-head">Contents</h1>
      <xsl:for-each select="/site/volume">
        <xsl:if test="count(/site/volume) gt 1">
          <p class="volume"><xsl:value-of select="@title"/></p>
        </xsl:if>
        <ol>
          <xsl:for-each select="doc">
            <li>
              <span class="title"><a href="#{tw:prefix(.)}{@id}">
                <xsl:value-of select="tw:heading(tw:div(.))"/></a></span>
              <a class="page" href="#{tw:prefix(.)}{@id}"></a>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:for-each>
      <ol><li><span class="title"><a href="#index">Index of Persons</a></span>
        <a class="page" href="#index"></a></li></ol>
    </nav>
  </xsl:template>

  <!-- Each person with the documents that name them and the page of the first mention. -->
  <xsl:template name="person-index">
    <section class="index" id="index">
      <h1>Index of Persons</h1>
      <xsl:for-each select="/site/volume">
        <xsl:variable name="volume" select="."/>
        <xsl:variable name="register" select="tw:register-of((doc ! root(tw:div(.)),
            $registers[position() = $volume/register/@index]))"/>
        <xsl:if test="count(/site/volume) gt 1"><h2><xsl:value-of select="@title"/></h2></xsl:if>
        <xsl:variable name="mentions" as="element()*">
          <xsl:for-each select="doc">
            <xsl:variable name="doc" select="."/>
            <xsl:for-each select="tw:div(.)//(tei:persName | tei:rs[@type = 'person'])">
              <xsl:variable name="entry" select="tw:entry-in($register, tw:ref-id(.))"/>
              <mention key="{($entry/@id, '?' || normalize-space(.))[1]}"
                       name="{($entry/@name, normalize-space(.))[1]}" role="{$entry}"
                       n="{$doc/@n}" href="#{tw:prefix($doc)}{tw:mention-id(.)}"/>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:variable>
        <xsl:for-each-group select="$mentions" group-by="@key">
          <xsl:sort select="lower-case(@name)"/>
          <p class="entry">
            <strong><xsl:value-of select="@name"/></strong>
            <xsl:if test="normalize-space(@role)">, <xsl:value-of select="@role"/></xsl:if>
            <xsl:text>: </xsl:text>
            <xsl:for-each-group select="current-group()" group-by="@n">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a class="ref" href="{@href}">
                <xsl:value-of select="current-grouping-key()"/>
              </a>
            </xsl:for-each-group>
          </p>
        </xsl:for-each-group>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
