import Testing
@testable import PolicySite

/// `{{x}}` escaping: the five characters HTML needs escaped, byte for byte, and nothing else.
@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("", ""),
        ("plain text, nothing to do", "plain text, nothing to do"),
        ("<a href=\"x\">Tom & Jerry's</a>", "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"),
        ("\"\u{301} é ✓ < 😀 >", "&quot;\u{301} é ✓ &lt; 😀 &gt;"),
        ("&&&", "&amp;&amp;&amp;"),
    ])
    func escapesTheFiveCharactersOnly(text: String, expected: String) {
        #expect(HTMLEscaping().escapeText(text) == expected)
    }
}
