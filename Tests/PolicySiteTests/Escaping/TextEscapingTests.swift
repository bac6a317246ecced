import Testing
@testable import PolicySite

/// Each format's table on the characters it must change, drop or keep.
@Suite struct TextEscapingTests {
    @Test func jsonEscapesQuotesBackslashesAndEveryControlCharacter() {
        #expect(JSONText.string("a\"b\\c\n\r\t\u{1}\u{1F}\u{2028}\u{2029}é") == "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\\u2028\\u2029é\"")
        #expect(JSONText.string("plain") == "\"plain\"")
    }

    @Test func xmlEscapesMarkupAndDropsWhatXMLDoesNotAllow() {
        #expect(XMLEscaping.escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(XMLEscaping.escape("tab\tline\ncr\r\u{0}\u{B}\u{1F}\u{FFFE}\u{FFFF}\u{FFFD}") == "tab\tline\ncr\r\u{FFFD}")
    }

    @Test func icalendarTextEscapesItsSeparatorsAndDropsControlCharacters() {
        #expect(ReviewCalendar.escape("a\\b;c,d\r\ne\tf\u{1}\u{7F}") == "a\\\\b\\;c\\,d\\ne\tf")
    }

    @Test func yamlQuotesOnlyWhenPlainWouldBeAmbiguous() {
        #expect(FrontMatterLineEditor.yamlScalar("Head of School") == "Head of School")
        #expect(FrontMatterLineEditor.yamlScalar("Note: \"x\"\\\u{7}\u{7F}\n") == "\"Note: \\\"x\\\"\\\\\\x07\\x7f\\n\"")
        #expect(PolicyScaffold.yamlQuoted("A \"B\"\\\nC\tD") == "\"A \\\"B\\\"\\\\ C D\"")
    }

    @Test func textWithNothingToEscapeComesBackAsItIs() {
        let text = "Twitter Policy – reviewed in September 2017 ✓"
        #expect(XMLEscaping.escape(text) == text)
        #expect(ReviewCalendar.escape(text) == text)
    }

    @Test func everyEscaperGivesOnBytesWhatItGivesScalarByScalar() {
        let escapers = [JSONText.rules, XMLEscaping.rules, ReviewCalendar.textRules, FrontMatterLineEditor.yamlDoubleQuoted,
                        PolicyScaffold.yamlQuotedRules]
        var texts = ["", "a", "plain words", "a\"b\\c\n\r\t\u{1}\u{1F}\u{7F}", "<a href=\"x\">&'</a>", "a;b,c\r\nd",
                     "é ✓ – 😀 \u{2028}\u{2029}\u{FFFE}\u{FFFF}\u{FFFD}\u{D7FF}\u{E000}", "\u{0}\u{B}", "e\u{301},\u{301}", "(x) <y> %",
                     String(repeating: "word, ", count: 500)]
        // And random text from a small alphabet of what each escaper changes and keeps.
        let alphabet: [Unicode.Scalar] = ["a", " ", ",", ";", "\\", "\"", "'", "&", "<", ">", "(", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}",
                                          "é", "\u{301}", "\u{2028}", "\u{FFFE}", "\u{FFFF}", "😀", "\u{10FFFF}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            texts.append(String(text))
        }
        for escaping in escapers {
            for text in texts {
                #expect(escaping.escape(text) == escaping.escapeScalarByScalar(text), "\(text.debugDescription)")
            }
        }
    }
}
