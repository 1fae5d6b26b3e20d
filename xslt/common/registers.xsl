<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by every view: the registers (persons, terms, places) a document's names point to.

     Entries come from the document's own standOff first, then from register files passed in
     $registers (teiwright's standOff form, or a FRUS volume's persons/terms front matter).
     Both shapes are read into one normal form, tw:entry, so the views need not care:
       <tw:entry id="p_KHA1" kind="person" name="Kissinger, Henry A.">role…</tw:entry>
     A FRUS cross-reference entry ("Thieu, see Nguyen Van Thieu") resolves to its target. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tw="urn:teiwright"
    exclude-result-prefixes="tei xs map tw">

  <!-- Register documents given by the caller (the volume's own before any others). -->
  <xsl:param name="registers" as="document-node()*" select="()"/>

  <!-- Every entry, keyed by id; the first source that defines an id wins. -->
  <xsl:variable name="tw:register" as="map(xs:string, element(tw:entry))"
      select="tw:register-of((/, $registers))"/>

  <xsl:function name="tw:register-of" as="map(xs:string, element(tw:entry))">
    <xsl:param name="sources" as="document-node()*"/>
    <xsl:variable name="entries" as="element(tw:entry)*">
      <xsl:apply-templates mode="tw:entry" select="$sources/(
          .//tei:standOff//tei:person[@xml:id]
        | .//tei:standOff//tei:list[@type = 'gloss']/tei:label[tei:term/@xml:id]
        | .//tei:standOff//tei:place[@xml:id]
        | .//tei:div[@xml:id = 'persons']//tei:item/descendant::tei:persName[@xml:id][1]
        | .//tei:div[@xml:id = 'terms']//tei:item/descendant::tei:term[@xml:id][1])"/>
    </xsl:variable>
    <!-- Also keyed "name:" + display form, for cross-references that name their target. -->
    <xsl:sequence select="map:merge((for $e in $entries return map { string($e/@id) : $e },
                                     for $e in $entries return map { 'name:' || $e/@name : $e }),
                                    map { 'duplicates' : 'use-first' })"/>
  </xsl:function>

  <!-- teiwright's standOff: person/persName (the first untyped one is the display form) +
       note (the role); a FRUS cross-reference is note[@type='see'] naming the display form. -->
  <xsl:template mode="tw:entry" match="tei:person">
    <tw:entry id="{@xml:id}" kind="person"
              name="{normalize-space((tei:persName[not(@type)], tei:persName)[1])}">
      <xsl:if test="tei:note[@type = 'see']">
        <xsl:attribute name="see-name" select="normalize-space(tei:note[@type = 'see'][1])"/>
      </xsl:if>
      <xsl:value-of select="normalize-space(string-join(tei:note[not(@type = 'see')], ' '))"/>
    </tw:entry>
  </xsl:template>

  <xsl:template mode="tw:entry" match="tei:label">
    <tw:entry id="{tei:term/@xml:id}" kind="term" name="{normalize-space(tei:term)}">
      <xsl:value-of select="normalize-space(following-sibling::tei:item[1])"/>
    </tw:entry>
  </xsl:template>

  <xsl:template mode="tw:entry" match="tei:place">
    <tw:entry id="{@xml:id}" kind="place" name="{normalize-space(tei:placeName[1])}">
      <xsl:value-of select="normalize-space(string-join((tei:note, tei:desc), ' '))"/>
    </tw:entry>
  </xsl:template>

  <!-- FRUS front matter: <item><hi rend="strong"><persName xml:id>Name</persName>,</hi> role</item>;
       the role is the item's text after the name, without the joining comma. -->
  <xsl:template mode="tw:entry" match="tei:persName | tei:term">
    <xsl:variable name="name" select="."/>
    <xsl:variable name="item" select="ancestor::tei:item[1]"/>
    <xsl:variable name="rest" select="normalize-space(string-join(
        $item//text()[. >> $name][not(ancestor::* intersect $name)], ''))"/>
    <xsl:variable name="see" select="$item//tei:persName[@corresp][. >> $name][1]"/>
    <tw:entry id="{@xml:id}" kind="{if (self::tei:term) then 'term' else 'person'}"
              name="{normalize-space(.)}">
      <xsl:if test="matches($rest, '^[,;:]?\s*see\s', 'i') and $see">
        <xsl:attribute name="see" select="substring-after($see/@corresp, '#')"/>
      </xsl:if>
      <xsl:value-of select="replace($rest, '^[\s,;:]+', '')"/>
    </tw:entry>
  </xsl:template>

  <!-- The id a name points to: persName/@corresp or @ref, gloss/@target, placeName/@ref. -->
  <xsl:function name="tw:ref-id" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="pointer" select="($name/@corresp, $name/@ref, $name/@target)[1]"/>
    <xsl:sequence select="if ($pointer) then replace(tokenize($pointer, '\s+')[1], '^[^#]*#', '')
                          else ()"/>
  </xsl:function>

  <!-- The entry for an id, following one "see" cross-reference; empty when unknown. -->
  <xsl:function name="tw:entry" as="element(tw:entry)?">
    <xsl:param name="id" as="xs:string?"/>
    <xsl:sequence select="tw:entry-in($tw:register, $id)"/>
  </xsl:function>
  <xsl:function name="tw:entry-in" as="element(tw:entry)?">
    <xsl:param name="register" as="map(xs:string, element(tw:entry))"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:variable name="entry" select="if ($id) then $register($id) else ()"/>
    <xsl:variable name="target" as="element(tw:entry)?" select="
        if ($entry/@see) then $register(string($entry/@see))
        else if ($entry/@see-name) then $register('name:' || $entry/@see-name) else ()"/>
    <xsl:sequence select="($target[not(@see or @see-name)], $entry)[1]"/>
  </xsl:function>

  <!-- The entry a name in the text points to. -->
  <xsl:function name="tw:entry-for" as="element(tw:entry)?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="tw:entry(tw:ref-id($name))"/>
  </xsl:function>
</xsl:stylesheet>
