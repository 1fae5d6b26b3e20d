<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiwright's ISO Schematron compiler: one Schematron schema in, one XSLT 3.0 stylesheet out.

  The input has had its sch:include and sch:extends[@href] resolved already (teiwright does that in
  Python so that a missing file is named clearly). This stylesheet does the rest of the language:
  sch:ns, schema/phase/pattern/rule lets, phases (param "phase": '#ALL', '#DEFAULT' or a phase id),
  abstract rules (sch:extends[@rule]), abstract patterns (@is-a with sch:param), assert/report with
  value-of, name, emph/dir/span, diagnostics, and top-level xsl:function/xsl:key copied through.
  sqf:* (quick fixes) and sch:properties are ignored.

  Each active pattern gets a mode; the rules of a pattern become templates whose priorities keep
  their order, so the first rule whose context matches a node wins, as ISO requires. Which nodes a
  pattern visits: when no rule context uses current(), the union of its contexts is evaluated as an
  expression from the root, //(c1 | c2 | ...), and exactly those nodes are visited (a pattern P
  matches a node iff the node is in //(P); written //P where that is the same set, which Saxon
  answers from its tree indexes: see tw:descendants), far faster than walking every node once per
  pattern (the TEI has 93 patterns). Otherwise the pattern's mode walks the whole document.

  The schema's and the phase's lets are global variables (evaluated once, on the document); a
  pattern's lets are tunnel parameters of its pass. The output is SVRL; locations are XPaths of
  the form /Q{ns}name[n]/@attr, which teiwright maps back to line numbers. svrl:fired-rule is not
  emitted: it would name every matched node and teiwright does not need it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:axsl="urn:teiwright:alias-xsl"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tw="urn:teiwright:schematron"
    exclude-result-prefixes="sch xs tw">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="no"/>

  <xsl:param name="phase" as="xs:string" select="'#DEFAULT'"/>

  <xsl:key name="abstract-rule" match="sch:rule[@abstract = 'true']" use="@id"/>
  <xsl:key name="abstract-pattern" match="sch:pattern[@abstract = 'true']" use="@id"/>
  <xsl:key name="diagnostic" match="sch:diagnostic" use="@id"/>

  <!-- The phase that runs: '#DEFAULT' means the schema's defaultPhase, or every pattern. -->
  <xsl:variable name="chosen-phase" as="xs:string"
      select="if ($phase = '#DEFAULT') then (/sch:schema/@defaultPhase, '#ALL')[1] else $phase"/>
  <xsl:variable name="phase-element" as="element(sch:phase)?"
      select="/sch:schema/sch:phase[@id = $chosen-phase]"/>
  <xsl:variable name="active-patterns" as="element(sch:pattern)*"
      select="if ($chosen-phase = '#ALL') then /sch:schema/sch:pattern[not(@abstract = 'true')]
              else /sch:schema/sch:pattern[not(@abstract = 'true')][@id = $phase-element/sch:active/@pattern]"/>
  <xsl:variable name="global-lets" as="element(sch:let)*"
      select="/sch:schema/sch:let, $phase-element/sch:let"/>

  <xsl:template match="/">
    <xsl:if test="$chosen-phase ne '#ALL' and empty($phase-element)">
      <xsl:message terminate="yes">unknown phase '<xsl:value-of select="$chosen-phase"/>'</xsl:message>
    </xsl:if>
    <axsl:stylesheet version="3.0">
      <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      <xsl:namespace name="svrl" select="'http://purl.oclc.org/dsdl/svrl'"/>
      <!-- The generated code's own names (modes, the location function) use a prefix that a
           schema's sch:ns is unlikely to bind: "tw", used here before, clashed with one. -->
      <xsl:namespace name="teiwright-sch" select="'urn:teiwright:schematron'"/>
      <xsl:for-each select="/sch:schema/sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <xsl:attribute name="exclude-result-prefixes" select="'#all'"/>
      <axsl:output method="xml" indent="no"/>
      <xsl:copy-of select="/sch:schema/xsl:*"/>
      <xsl:apply-templates select="$global-lets" mode="variable"/>
      <xsl:for-each select="$active-patterns">
        <axsl:mode name="teiwright-sch:p{position()}"
            on-no-match="{if (tw:flat(.)) then 'deep-skip' else 'shallow-skip'}"/>
      </xsl:for-each>
      <xsl:call-template name="location-function"/>
      <xsl:call-template name="root-template"/>
      <xsl:for-each select="$active-patterns">
        <xsl:apply-templates select="." mode="rules">
          <xsl:with-param name="mode" select="'teiwright-sch:p' || position()"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <!-- The entry point of the generated stylesheet: one pass per active pattern. -->
  <xsl:template name="root-template">
    <axsl:template match="/">
      <svrl:schematron-output title="{normalize-space(/sch:schema/sch:title)}"
          phase="{$chosen-phase}" schemaVersion="{/sch:schema/@schemaVersion}">
        <xsl:for-each select="/sch:schema/sch:ns">
          <svrl:ns-prefix-in-attribute-values prefix="{@prefix}" uri="{@uri}"/>
        </xsl:for-each>
        <xsl:for-each select="$active-patterns">
          <axsl:for-each select=".">
            <xsl:apply-templates select="tw:pattern-lets(.)" mode="variable"/>
            <svrl:active-pattern id="{(@id, 'pattern-' || position())[1]}"
                name="{normalize-space(sch:title)}"/>
            <axsl:apply-templates mode="teiwright-sch:p{position()}">
              <xsl:attribute name="select" select="if (tw:flat(.)) then
                  string-join(tw:contexts(.) ! tw:descendants(.), ' | ') else '.'"/>
              <xsl:for-each select="tw:pattern-lets(.)">
                <axsl:with-param name="{@name}" select="${@name}" tunnel="yes"/>
              </xsl:for-each>
            </axsl:apply-templates>
          </axsl:for-each>
        </xsl:for-each>
      </svrl:schematron-output>
    </axsl:template>
  </xsl:template>

  <!-- The rule contexts of a pattern (abstract-pattern parameters substituted). -->
  <xsl:function name="tw:contexts" as="xs:string*">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:variable name="body" select="if ($pattern/@is-a)
        then key('abstract-pattern', $pattern/@is-a, root($pattern)) else $pattern"/>
    <xsl:sequence select="$body/sch:rule[not(@abstract = 'true')]/tw:subst(@context, $pattern)"/>
  </xsl:function>

  <!-- The nodes a rule context matches, as an expression from the root. //(C) is always right,
       but Saxon evaluates it node by node; //C, which it answers from its indexes, is the same
       set when C is a path whose first step is a name, wildcard, kind test or attribute (path
       steps associate), so each top-level branch of a union is written that way when it can be.
       Absolute branches stay as they are; anything else (a function call first, parentheses,
       intersect or except) keeps the safe //(C). -->
  <xsl:function name="tw:descendants" as="xs:string">
    <xsl:param name="context" as="xs:string"/>
    <xsl:variable name="branches" select="tw:branches($context)"/>
    <xsl:sequence select="if (empty($branches)) then '//(' || $context || ')'
        else string-join($branches ! (if (starts-with(., '/')) then . else '//' || .), ' | ')"/>
  </xsl:function>

  <!-- The top-level branches of a union, trimmed; empty when one of them is not a plain
       relative or absolute path (see tw:descendants). -->
  <xsl:function name="tw:branches" as="xs:string*">
    <xsl:param name="context" as="xs:string"/>
    <xsl:variable name="tokens" as="xs:string*">
      <xsl:analyze-string select="$context" regex="'[^']*'|&quot;[^&quot;]*&quot;|[\[\]\(\)\{{\}}|]">
        <xsl:matching-substring><xsl:sequence select="."/></xsl:matching-substring>
        <xsl:non-matching-substring><xsl:sequence select="."/></xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <!-- Top-level text with nested parts blanked, and the branches split at top-level bars. -->
    <xsl:variable name="split" as="map(xs:string, item()*)">
      <xsl:iterate select="$tokens">
        <xsl:param name="depth" as="xs:integer" select="0"/>
        <xsl:param name="branch" as="xs:string" select="''"/>
        <xsl:param name="done" as="xs:string*" select="()"/>
        <xsl:param name="outside" as="xs:string" select="''"/>
        <xsl:on-completion select="map{'branches': ($done, $branch), 'outside': $outside}"/>
        <xsl:variable name="opens" select=". = ('[', '(', '{')"/>
        <xsl:variable name="closes" select=". = (']', ')', '}')"/>
        <xsl:choose>
          <xsl:when test=". = '|' and $depth = 0">
            <xsl:next-iteration>
              <xsl:with-param name="branch" select="''"/>
              <xsl:with-param name="done" select="($done, $branch)"/>
              <xsl:with-param name="outside" select="$outside || ' | '"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:next-iteration>
              <xsl:with-param name="depth" select="$depth + (if ($opens) then 1
                  else if ($closes) then -1 else 0)"/>
              <xsl:with-param name="branch" select="$branch || ."/>
              <xsl:with-param name="outside" select="$outside || (if ($depth = 0 and not($opens))
                  then . else ' ')"/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <xsl:variable name="branches" select="$split?branches ! normalize-space(.)"/>
    <xsl:variable name="step" select="'^(/|@|\*|(child|attribute|descendant|descendant-or-self|self|namespace)::|(text|node|comment|processing-instruction|element|attribute|document-node|namespace-node)\s*\(|[\p{L}_][\w.\-]*(:([\p{L}_][\w.\-]*|\*))?\s*($|[\[/]))'"/>
    <xsl:sequence select="if (matches($split?outside, '(^|\s)(union|intersect|except)(\s|$)')
        or (some $b in $branches satisfies not(matches($b, $step)))) then () else $branches"/>
  </xsl:function>

  <!-- True when the pattern can visit just the nodes its contexts select (see the top). -->
  <xsl:function name="tw:flat" as="xs:boolean">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:variable name="contexts" select="tw:contexts($pattern)"/>
    <xsl:sequence select="exists($contexts) and
        (every $c in $contexts satisfies not(contains($c, 'current(')))"/>
  </xsl:function>

  <xsl:function name="tw:pattern-lets" as="element(sch:let)*">
    <xsl:param name="pattern" as="element(sch:pattern)"/>
    <xsl:sequence select="$pattern/sch:let, key('abstract-pattern', $pattern/@is-a, root($pattern))/sch:let"/>
  </xsl:function>

  <!-- Each rule of a pattern becomes a template; earlier rules get higher priorities. -->
  <xsl:template match="sch:pattern" mode="rules">
    <xsl:param name="mode" as="xs:string"/>
    <xsl:variable name="pattern" select="."/>
    <xsl:variable name="body" as="element(sch:pattern)"
        select="if (@is-a) then key('abstract-pattern', @is-a) else ."/>
    <xsl:variable name="rules" select="$body/sch:rule[not(@abstract = 'true')]"/>
    <xsl:for-each select="$rules">
      <xsl:variable name="rule" select="."/>
      <axsl:template mode="{$mode}" priority="{count($rules) - position() + 1}">
        <xsl:attribute name="match" select="tw:subst(@context, $pattern)"/>
        <xsl:for-each select="tw:pattern-lets($pattern)">
          <axsl:param name="{@name}" tunnel="yes"/>
        </xsl:for-each>
        <xsl:variable name="checks" as="element()*"
            select="for $c in * return if ($c/self::sch:extends[@rule]) then key('abstract-rule', $c/@rule)/* else $c"/>
        <xsl:apply-templates select="$checks[self::sch:let]" mode="variable">
          <xsl:with-param name="pattern" select="$pattern" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="$checks[self::sch:assert or self::sch:report]" mode="check">
          <xsl:with-param name="pattern" select="$pattern" tunnel="yes"/>
          <xsl:with-param name="rule" select="$rule" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:if test="not(tw:flat($pattern))">
          <axsl:apply-templates select="@*|node()" mode="{$mode}"/>
        </xsl:if>
      </axsl:template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="sch:let" mode="variable">
    <xsl:param name="pattern" as="element(sch:pattern)?" tunnel="yes"/>
    <axsl:variable name="{@name}">
      <xsl:choose>
        <xsl:when test="@value">
          <xsl:attribute name="select" select="tw:subst(@value, $pattern)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:copy-of select="node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </axsl:variable>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report" mode="check">
    <xsl:param name="pattern" as="element(sch:pattern)" tunnel="yes"/>
    <xsl:param name="rule" as="element(sch:rule)" tunnel="yes"/>
    <xsl:variable name="test" select="tw:subst(@test, $pattern)"/>
    <axsl:if>
      <xsl:attribute name="test" select="if (self::sch:assert) then 'not(' || $test || ')' else $test"/>
      <xsl:element name="svrl:{if (self::sch:assert) then 'failed-assert' else 'successful-report'}">
        <xsl:attribute name="test" select="$test"/>
        <xsl:for-each select="(@id, @flag, (@role, $rule/@role)[1])">
          <xsl:attribute name="{local-name()}" select="."/>
        </xsl:for-each>
        <axsl:attribute name="location" select="teiwright-sch:location(.)"/>
        <svrl:text>
          <xsl:apply-templates select="node()" mode="text"/>
        </svrl:text>
        <xsl:for-each select="tokenize(@diagnostics)">
          <svrl:diagnostic-reference diagnostic="{.}">
            <xsl:apply-templates select="key('diagnostic', ., root($rule))/node()" mode="text"/>
          </svrl:diagnostic-reference>
        </xsl:for-each>
      </xsl:element>
    </axsl:if>
  </xsl:template>

  <!-- Message text: literal text stays, value-of and name are evaluated, markup is flattened. -->
  <xsl:template match="text()" mode="text">
    <axsl:text><xsl:value-of select="."/></axsl:text>
  </xsl:template>
  <xsl:template match="sch:value-of" mode="text">
    <xsl:param name="pattern" as="element(sch:pattern)?" tunnel="yes"/>
    <axsl:value-of select="{tw:subst(@select, $pattern)}" separator=" "/>
  </xsl:template>
  <xsl:template match="sch:name" mode="text">
    <xsl:param name="pattern" as="element(sch:pattern)?" tunnel="yes"/>
    <axsl:value-of select="name({(tw:subst(@path, $pattern), '.')[1]})"/>
  </xsl:template>
  <xsl:template match="*" mode="text">
    <xsl:apply-templates select="node()" mode="text"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="text"/>

  <!-- Abstract patterns: $name placeholders replaced by the instance's sch:param values. -->
  <xsl:function name="tw:subst" as="xs:string?">
    <xsl:param name="expression" as="xs:string?"/>
    <xsl:param name="pattern" as="element(sch:pattern)?"/>
    <xsl:sequence select="if (empty($expression) or empty($pattern/sch:param)) then $expression
                          else tw:replace-params($expression, $pattern/sch:param)"/>
  </xsl:function>

  <xsl:function name="tw:replace-params" as="xs:string">
    <xsl:param name="expression" as="xs:string"/>
    <xsl:param name="params" as="element(sch:param)*"/>
    <xsl:sequence select="if (empty($params)) then $expression
        else tw:replace-params(
               replace($expression, '\$' || $params[1]/@name || '([^\w.\-]|$)',
                       replace($params[1]/@value, '([\\$])', '\\$1') || '$1'),
               tail($params))"/>
  </xsl:function>

  <!-- The generated stylesheet's location function: a path of /Q{ns}name[n] steps. -->
  <xsl:template name="location-function">
    <axsl:function name="teiwright-sch:location" as="xs:string">
      <axsl:param name="node" as="node()"/>
      <axsl:sequence>
        <xsl:attribute name="select">
          <xsl:text>if ($node instance of document-node()) then '/' else string-join(</xsl:text>
          <xsl:text>for $a in $node/ancestor-or-self::node()[parent::node()] return </xsl:text>
          <xsl:text>if ($a instance of element()) then '/Q{' || namespace-uri($a) || '}' || local-name($a) || '[' || count($a/preceding-sibling::*[node-name(.) eq node-name($a)]) + 1 || ']' </xsl:text>
          <xsl:text>else if ($a instance of attribute()) then '/@' || (if (namespace-uri($a)) then 'Q{' || namespace-uri($a) || '}' else '') || local-name($a) </xsl:text>
          <xsl:text>else if ($a instance of text()) then '/text()[' || count($a/preceding-sibling::text()) + 1 || ']' </xsl:text>
          <xsl:text>else if ($a instance of comment()) then '/comment()[' || count($a/preceding-sibling::comment()) + 1 || ']' </xsl:text>
          <xsl:text>else if ($a instance of processing-instruction()) then '/processing-instruction()[' || count($a/preceding-sibling::processing-instruction()) + 1 || ']' </xsl:text>
          <xsl:text>else '', '')</xsl:text>
        </xsl:attribute>
      </axsl:sequence>
    </axsl:function>
  </xsl:template>

</xsl:stylesheet>
