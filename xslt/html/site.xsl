<?xml version="1.0" encoding="UTF-8"?>
<!-- The index pages of a site: documents (number, title, date), persons with every mention,
     and the glossary. The input is the site's manifest (made by teiwright.render.collection);
     $documents and $registers carry the parsed files its @index attributes point into. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tw="urn:teiwright"
    exclude-result-prefixes="tei xs tw">
  <xsl:import href="../common/inline.xsl"/>
  <xsl:import href="../common/blocks.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Which page: "documents", "persons" or "glossary". -->
  <xsl:param name="page" as="xs:string" select="'documents'"/>
  <xsl:param name="documents" as="document-node()*" select="()"/>

  <xsl:variable name="site" select="/site"/>

  <xsl:template match="/">
    <xsl:variable name="heading" select="map { 'documents' : 'Documents', 'persons' : 'Persons',
                                               'glossary' : 'Glossary' }($page)"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="string-join(($heading, $site/@title[.]), ' — ')"/>
      <xsl:with-param name="volume" select="string($site/@title)"/>
      <xsl:with-param name="content" as="node()*">
        <h1><xsl:value-of select="$heading"/></h1>
        <xsl:for-each select="$site/volume">
          <section class="volume" aria-labelledby="vol-{@id}">
            <h2 id="vol-{@id}"><xsl:value-of select="@title"/></h2>
            <xsl:choose>
              <xsl:when test="$page = 'persons'"><xsl:call-template name="persons"/></xsl:when>
              <xsl:when test="$page = 'glossary'"><xsl:call-template name="glossary"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="documents"/></xsl:otherwise>
            </xsl:choose>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The document div a manifest entry stands for. -->
  <xsl:function name="tw:div" as="element(tei:div)?">
    <xsl:param name="doc" as="element(doc)"/>
    <xsl:sequence select="$documents[xs:integer($doc/@index)]
                          //tei:text//tei:div[@type = 'document'][1]"/>
  </xsl:function>

  <!-- The register of the volume in context, built once per volume. -->
  <xsl:function name="tw:volume-register" as="map(xs:string, element(tw:entry))">
    <xsl:param name="volume" as="element(volume)"/>
    <xsl:sequence select="tw:register-of(($volume/doc ! root(tw:div(.)),
                                          $registers[position() = $volume/register/@index]))"/>
  </xsl:function>

  <xsl:template name="documents">
    <table class="documents">
      <thead><tr><th scope="col">No.</th><th scope="col">Title</th><th scope="col">Date</th></tr></thead>
      <tbody>
        <xsl:for-each select="doc">
          <xsl:variable name="div" select="tw:div(.)"/>
          <tr>
            <td class="n"><xsl:value-of select="@n"/></td>
            <td><a href="{@href}"><xsl:value-of select="tw:title($div)"/></a></td>
            <td class="date">
              <xsl:variable name="date" select="tw:date($div)"/>
              <xsl:if test="$date">
                <time datetime="{tw:date-iso($div)}">
                  <xsl:value-of select="normalize-space($date)"/>
                </time>
              </xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- Every person named in the volume's documents, with a link to each mention; names that
       have no register entry are listed by their wording. -->
  <xsl:template name="persons">
    <xsl:variable name="volume" select="."/>
    <xsl:variable name="register" select="tw:volume-register(.)"/>
    <xsl:variable name="mentions" as="element()*">
      <xsl:for-each select="doc">
        <xsl:variable name="doc" select="."/>
        <xsl:for-each select="tw:div(.)//(tei:persName | tei:rs[@type = 'person'])">
          <mention key="{(tw:entry-in($register, tw:ref-id(.))/@id,
                          '?' || normalize-space(.))[1]}"
                   href="{$doc/@href}#{tw:mention-id(.)}" n="{$doc/@n}">
            <xsl:value-of select="normalize-space(.)"/>
          </mention>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <ul class="index persons">
      <xsl:for-each-group select="$mentions" group-by="@key">
        <xsl:sort select="lower-case((tw:entry-in($register, current-grouping-key())/@name,
                                      current-group()[1])[1])"/>
        <xsl:variable name="entry" select="tw:entry-in($register, current-grouping-key())"/>
        <li id="{$volume/@id}-{($entry/@id, 'name-' || encode-for-uri(current-group()[1]))[1]}">
          <strong><xsl:value-of select="($entry/@name, current-group()[1])[1]"/></strong>
          <xsl:if test="normalize-space($entry)">, <xsl:value-of select="$entry"/></xsl:if>
          <xsl:if test="not($entry)"> <span class="unidentified"> (no register entry)</span></xsl:if>
          <xsl:call-template name="mention-links"/>
        </li>
      </xsl:for-each-group>
    </ul>
  </xsl:template>

  <xsl:template name="mention-links">
    <div class="mentions">
      <xsl:for-each-group select="current-group()" group-by="@n">
        <xsl:if test="position() gt 1">; </xsl:if>
        <xsl:text>Document </xsl:text><xsl:value-of select="current-grouping-key()"/>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="current-group()">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="{@href}">“<xsl:value-of select="."/>”</a>
        </xsl:for-each>
      </xsl:for-each-group>
    </div>
  </xsl:template>

  <!-- Every term used in the volume's documents, its expansion, and where it is used. -->
  <xsl:template name="glossary">
    <xsl:variable name="volume" select="."/>
    <xsl:variable name="register" select="tw:volume-register(.)"/>
    <xsl:variable name="uses" as="element()*">
      <xsl:for-each select="doc">
        <xsl:variable name="doc" select="."/>
        <xsl:for-each select="tw:div(.)//(tei:gloss | tei:term)">
          <xsl:variable name="entry" select="tw:entry-in($register, tw:ref-id(.))"/>
          <xsl:if test="$entry">
            <use key="{$entry/@id}" href="{$doc/@href}" n="{$doc/@n}"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <dl class="entries glossary">
      <xsl:for-each-group select="$uses" group-by="@key">
        <xsl:sort select="lower-case(tw:entry-in($register, current-grouping-key())/@name)"/>
        <xsl:variable name="entry" select="tw:entry-in($register, current-grouping-key())"/>
        <div class="entry" id="{$volume/@id}-{$entry/@id}">
          <dt><xsl:value-of select="$entry/@name"/></dt>
          <dd>
            <xsl:value-of select="($entry[normalize-space()], '—')[1]"/>
            <span class="mentions"> (Document<xsl:if test="count(distinct-values(current-group()/@n))
                gt 1">s</xsl:if><xsl:text> </xsl:text>
              <xsl:for-each-group select="current-group()" group-by="@n">
                <xsl:if test="position() gt 1">, </xsl:if>
                <a href="{@href}"><xsl:value-of select="current-grouping-key()"/></a>
              </xsl:for-each-group>)</span>
          </dd>
        </div>
      </xsl:for-each-group>
    </dl>
  </xsl:template>
</xsl:stylesheet>
