<?xml version="1.0" encoding="UTF-8"?>
<!-- Web view: one HTML5 page per TEI document, in the manner of a scholarly web edition.
     Note references and names are links to entries further down the page (so that the page
     works without script); the inlined script shows those entries as pop-ups on hover and focus. -->
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

  <!-- Previous and next documents of a site (href and label), and where the person index is. -->
  <xsl:param name="prev-href" as="xs:string" select="''"/>
  <xsl:param name="prev-label" as="xs:string" select="''"/>
  <xsl:param name="next-href" as="xs:string" select="''"/>
  <xsl:param name="next-label" as="xs:string" select="''"/>
  <!-- Prefix of a register entry's anchor in the site's person index (e.g. "frus1961-63v01-"). -->
  <xsl:param name="register-prefix" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="docs" select="//tei:text//tei:div[@type = 'document']"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="string-join(($docs ! tw:heading(.),
          tw:volume-title(.)[.]), ' — ')"/>
      <xsl:with-param name="lang" select="string((/tei:TEI/@xml:lang, 'en')[1])"/>
      <xsl:with-param name="volume" select="tw:volume-title(.)"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:apply-templates select="$docs"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The heading, then the source note as the document's source line (FRUS prints it as
       footnote 1; on screen it reads better under the heading, and keeps its anchor). -->
  <xsl:template match="tei:div[@type = 'document']/tei:head">
    <h1 class="doc-head"><xsl:apply-templates/></h1>
    <xsl:for-each select=".//tei:note[@type = 'source'][not(@rend = 'inline')]">
      <div class="source-line" id="{tw:note-id(.)}" tabindex="-1">
        <sup class="note-n"><xsl:value-of select="tw:note-n(.)"/></sup>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </div>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:note[not(@rend = 'inline')]">
    <a class="noteref" href="#{tw:note-id(.)}" id="ref-{tw:note-id(.)}" role="doc-noteref"
       data-popup="" aria-label="Note {tw:note-n(.)}"
       aria-describedby="{tw:note-id(.)}"><sup><xsl:value-of select="tw:note-n(.)"/></sup></a>
  </xsl:template>

  <!-- A name with a register entry links to that entry (its id on this page). -->
  <xsl:template match="tei:persName | tei:gloss | tei:placeName | tei:term | tei:rs">
    <xsl:variable name="entry" select="tw:entry-for(.)"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <a class="{tw:name-class(.)}" href="#{$entry/@id}" data-popup=""
           aria-describedby="{$entry/@id}">
          <xsl:if test="tw:name-class(.) = 'person'">
            <xsl:attribute name="id" select="tw:mention-id(.)"/>
          </xsl:if>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>


  <xsl:template name="document-end">
    <xsl:call-template name="footnotes"/>
    <xsl:call-template name="register-entries"/>
    <xsl:call-template name="pager"/>
  </xsl:template>

  <!-- The notes at the foot, in order, each with a way back to its reference. -->
  <xsl:template name="footnotes">
    <xsl:variable name="notes" select=".//tei:note[not(@rend = 'inline')][not(@type = 'source')]"/>
    <xsl:if test="$notes">
      <section class="footnotes" role="doc-endnotes" aria-labelledby="{@xml:id}-notes">
        <h2 id="{@xml:id}-notes">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <li id="{tw:note-id(.)}" value="{tw:note-n(.)}" role="doc-endnote" tabindex="-1">
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a class="backref" href="#ref-{tw:note-id(.)}" role="doc-backlink"
                 aria-label="Back to reference {tw:note-n(.)}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The register entries this document's names point to: the pop-ups' text, and the place a
       name's link leads to when there is no script. -->
  <xsl:template name="register-entries">
    <xsl:variable name="entries" as="element(tw:entry)*">
      <xsl:for-each-group group-by="@id" select=".//(tei:persName | tei:gloss | tei:placeName
          | tei:term | tei:rs)[not(ancestor::tei:standOff)] ! tw:entry-for(.)">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:if test="$entries">
      <section class="register" aria-labelledby="{@xml:id}-register">
        <h2 id="{@xml:id}-register">Names and terms</h2>
        <xsl:for-each-group select="$entries" group-by="@kind">
          <h3><xsl:value-of select="map { 'person' : 'Persons', 'term' : 'Abbreviations and terms',
                                          'place' : 'Places' }(current-grouping-key())"/></h3>
          <dl class="entries {current-grouping-key()}">
            <xsl:for-each select="current-group()">
              <xsl:sort select="lower-case(@name)"/>
              <div class="entry" id="{@id}" tabindex="-1">
                <dt><xsl:value-of select="@name"/></dt>
                <dd>
                  <xsl:value-of select="(.[normalize-space()], '—')[1]"/>
                  <xsl:if test="$register-prefix and @kind = 'person'">
                    <xsl:text> </xsl:text>
                    <a class="more" href="{$persons-href}#{$register-prefix}{@id}">All mentions</a>
                  </xsl:if>
                </dd>
              </div>
            </xsl:for-each>
          </dl>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pager">
    <xsl:if test="$prev-href or $next-href">
      <nav class="pager" aria-label="Documents">
        <xsl:if test="$prev-href">
          <a rel="prev" href="{$prev-href}">← <xsl:value-of select="$prev-label"/></a>
        </xsl:if>
        <xsl:if test="$next-href">
          <a rel="next" href="{$next-href}"><xsl:value-of select="$next-label"/> →</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
