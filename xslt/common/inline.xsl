<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by every view: how TEI's running text becomes HTML (notes, page breaks, names).
     The web and print views import this and override what differs: the web view turns names
     into links with pop-ups, the print view floats notes to the foot of the page. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tw="urn:teiwright"
    exclude-result-prefixes="tei xs tw">
  <xsl:import href="registers.xsl"/>

  <!-- Ids of the documents that sit beside this one (a site or a book), so that a cross
       reference "#d131fn5" can become a link to the page that holds d131. -->
  <xsl:param name="sibling-docs" as="xs:string*" select="()"/>
  <xsl:param name="sibling-prefix" as="xs:string" select="''"/>
  <xsl:param name="sibling-suffix" as="xs:string" select="'.html'"/>

  <!-- Footnote reference: a superscript link to the note, with an id to come back to. -->
  <xsl:template match="tei:note[not(@rend = 'inline')]">
    <a class="noteref" href="#{tw:note-id(.)}" id="ref-{tw:note-id(.)}" role="doc-noteref"
       aria-describedby="{tw:note-id(.)}"><sup><xsl:value-of select="tw:note-n(.)"/></sup></a>
  </xsl:template>
  <xsl:template match="tei:note[@rend = 'inline']">
    <span class="note-inline"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A note's anchor: its xml:id, else one made from the document and the note's number. -->
  <xsl:function name="tw:note-id" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string(($note/@xml:id,
        ($note/ancestor::tei:div[@type = 'document'][1]/@xml:id, 'doc')[1] || 'fn'
        || tw:note-n($note))[1])"/>
  </xsl:function>
  <xsl:function name="tw:note-n" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string(($note/@n, count($note/preceding::tei:note
        [ancestor::tei:div[@type = 'document'][1] is $note/ancestor::tei:div[@type = 'document'][1]]
        [not(@rend = 'inline')]) + 1)[1])"/>
  </xsl:function>

  <xsl:template match="tei:pb">
    <span class="pb" id="{tw:page-id(.)}" data-page="{@n}" role="doc-pagebreak"
          aria-label="Page {@n}">[Page <xsl:value-of select="@n"/>]</span>
  </xsl:template>
  <xsl:function name="tw:page-id" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:sequence select="string(($pb/@xml:id, 'pg_' || replace($pb/@n, '[\[\]\s]', ''))[1])"/>
  </xsl:function>

  <xsl:template match="tei:persName | tei:gloss | tei:placeName | tei:term | tei:rs">
    <span class="{tw:name-class(.)}">
      <xsl:if test="tw:name-class(.) = 'person'">
        <xsl:attribute name="id" select="tw:mention-id(.)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- Stable anchor of a person mention (persName, or rs type="person" for "the Vice
       President"): the document's id and the mention's ordinal, so that a person index can
       point at every mention ("d133-m4"). -->
  <xsl:function name="tw:mention-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="doc" select="$name/ancestor::tei:div[@type = 'document'][1]"/>
    <xsl:sequence select="($doc/@xml:id, 'doc')[1] || '-m' || count($name/preceding::*
        [self::tei:persName or self::tei:rs[@type = 'person']]
        [ancestor::tei:div[@type = 'document'][1] is $doc]) + 1"/>
  </xsl:function>
  <xsl:function name="tw:name-class" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/self::tei:rs) then
        (map { 'person' : 'person', 'place' : 'place' }(string($name/@type)), 'name')[1]
        else map { 'persName' : 'person', 'gloss' : 'term', 'term' : 'term',
                   'placeName' : 'place' }(local-name($name))"/>
  </xsl:function>

  <xsl:template match="tei:date"><span class="date"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:date[@when castable as xs:date or @when castable as xs:dateTime]">
    <time class="date" datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = ('italic', 'i')]"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:hi[@rend = ('strong', 'bold')]"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="tei:hi[@rend = 'superscript']"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="tei:hi[@rend = 'sub']"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="tei:hi"><span class="{@rend}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:lb"><br/></xsl:template>
  <!-- Words in another language keep their language, for screen readers and hyphenation. -->
  <xsl:template match="tei:foreign">
    <i class="foreign">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates/>
    </i>
  </xsl:template>
  <xsl:template match="tei:hi[@xml:lang] | tei:q[@xml:lang] | tei:quote[@xml:lang][not(tei:p)]"
                priority="5">
    <span lang="{@xml:lang}"><xsl:next-match/></span>
  </xsl:template>
  <xsl:template match="tei:ref[@target][tw:link(., @target)]">
    <a href="{tw:link(., @target)}"><xsl:apply-templates/></a>
  </xsl:template>
  <xsl:template match="tei:ref"><xsl:apply-templates/></xsl:template>

  <!-- A TEI pointer as an href. "#x" stays on the page when x is here; "#d131fn5" goes to
       d131's own page when it is a sibling; other FRUS pointers ("#d61fn2" to a document not
       at hand, "frus1964-68v01#d451") go to the Office of the Historian's edition; anything
       else that cannot resolve gives no link at all (the empty string). -->
  <xsl:function name="tw:link" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="id" select="substring-after($target, '#')"/>
    <xsl:variable name="volume" select="if (starts-with($target, '#')) then tw:volume-id($node)
                                        else substring-before($target, '#')"/>
    <xsl:variable name="doc" select="replace($id, '^(d\d+)(fn.*)?$', '$1')"/>
    <xsl:sequence select="
        if (not(contains($target, '#'))) then $target
        else if (starts-with($target, '#') and exists(root($node)//*[@xml:id = $id])) then $target
        else if (starts-with($target, '#') and $doc = $sibling-docs)
          then $sibling-prefix || $doc || $sibling-suffix || $target
        else if (starts-with($volume, 'frus') and matches($id, '^(d\d+(fn\d+)?|pg_\w+)$'))
          then 'https://history.state.gov/historicaldocuments/' || $volume || '/'
               || replace($id, '^(d\d+)fn(\d+)$', '$1#fn$2')
        else ''"/>
  </xsl:function>

  <!-- The volume a node belongs to: as the caller says, else the header's FRUS idno. -->
  <xsl:param name="volume-id" as="xs:string" select="''"/>
  <xsl:function name="tw:volume-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(($volume-id[.], root($node)//tei:idno[@type = 'frus'], '')[1])"/>
  </xsl:function>
</xsl:stylesheet>
