<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by every view: how TEI's running text becomes HTML (notes, page breaks, names). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="tei xs">

  <!-- Footnote reference: a superscript link to the note, with an id to come back to. -->
  <xsl:template match="tei:note[not(@rend = 'inline')]" mode="#default">
    <a class="noteref" href="#{@xml:id}" id="ref-{@xml:id}" role="doc-noteref"
       aria-describedby="{@xml:id}"><sup><xsl:value-of select="@n"/></sup></a>
  </xsl:template>

  <xsl:template match="tei:pb">
    <span class="pb" id="{(@xml:id, 'pg_' || @n)[1]}" data-page="{@n}" role="doc-pagebreak"
          aria-label="Page {@n}">[Page <xsl:value-of select="@n"/>]</span>
  </xsl:template>

  <xsl:template match="tei:persName">
    <span class="person" data-ref="{substring-after((@corresp, @ref)[1], '#')}">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:gloss">
    <abbr class="term" data-ref="{substring-after(@target, '#')}"><xsl:apply-templates/></abbr>
  </xsl:template>

  <xsl:template match="tei:placeName | tei:date">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('italic', 'i')]"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:hi[@rend = ('strong', 'bold')]"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="tei:hi"><span class="{@rend}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:lb"><br/></xsl:template>
  <xsl:template match="tei:ref[@target]"><a href="{@target}"><xsl:apply-templates/></a></xsl:template>

  <!-- The notes of a document, in order, each with a way back to its reference. -->
  <xsl:template name="footnotes">
    <xsl:param name="doc" as="element()"/>
    <xsl:if test="$doc//tei:note[not(@rend = 'inline')]">
      <section class="footnotes" role="doc-endnotes" aria-label="Notes">
        <ol>
          <xsl:for-each select="$doc//tei:note[not(@rend = 'inline')]">
            <li id="{@xml:id}" value="{@n}" role="doc-endnote">
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a class="backref" href="#ref-{@xml:id}" role="doc-backlink"
                 aria-label="Back to reference {@n}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
