import Testing
@testable import PolicySite

/// The rules behind the everyday-mistake messages, one by one (the golden messages are in
/// MistakeDiagnosticsTests).
@Suite struct EverydayMistakeRuleTests {
    @Test(arguments: [("next_review", "next-review"), ("Owner", "owner"), ("titel", "title"), ("last updated", "last-updated"),
                      ("nextreview", "next-review"), ("summery", "summary")])
    func aMisspeltKeyIsMatchedToTheKeyItWasMeantAs(written: String, meant: String) {
        #expect(YAMLReader.suggestion(for: written, among: PolicyParser.frontMatterKeys) == meant)
    }

    @Test(arguments: ["colour", "reviewer", "tags", "x"])
    func anUnrelatedKeyHasNoSuggestion(written: String) {
        #expect(YAMLReader.suggestion(for: written, among: PolicyParser.frontMatterKeys) == nil)
    }

    @Test func curlyQuotesAreNamedOnlyWhenYAMLKeepsThem() throws {
        let text = "---\ntitle: “Twitter Policy”\nsummary: \"“Quoted” on purpose\"\nowner: ‘Head’ of school\nlast-updated: 2016-09\nnext-review: 2017-09\n---\nBody.\n"
        let (document, warnings) = try PolicyParser.parse(text, slug: "twitter", file: "twitter.md")
        #expect(document.title == "“Twitter Policy”", "the value is kept as written; the warning says how to fix it")
        #expect(warnings.map(\.description) == [
            "twitter.md:2:8: warning: the value of 'title' is in curly quotes “…”, which YAML keeps as part of the text, expected straight quotes or none: title: \"Twitter Policy\"",
        ])
    }

    @Test func aTabIsNamedAtItsOwnColumn() {
        let found = YAMLPlainWords.tabInIndentation(["history:", "  \t- reviewed: 2016-09"], upTo: 2)
        #expect(found?.line == 2 && found?.column == 3)
        #expect(YAMLPlainWords.tabInIndentation(["title: a\tb"], upTo: 1) == nil, "a tab inside a value is no indentation")
    }

    @Test func filesABuildPassesOverWithoutAWord() {
        for name in [".DS_Store", "~$mplaints Policy.docx", "Thumbs.db", "desktop.ini", "twitter-policy.md~", "#twitter-policy.md#"] {
            #expect(PolicyFolderAudit.isHousekeeping(name), "\(name)")
        }
        #expect(!PolicyFolderAudit.isHousekeeping("Complaints Policy.docx"))
        let warnings = PolicyFolderAudit.warnings(for: ["a.md", "Behaviour Policy.TXT", ".hidden"], in: "c/policies", contentDirectory: "c", isDirectory: { _ in false })
        #expect(warnings.map(\.description) == [
            "c/policies/Behaviour Policy.TXT:1:1: warning: 'Behaviour Policy.TXT' will not become a page: only files ending in .md do, expected the file renamed to 'behaviour-policy.md'",
        ])
    }

    @Test func aWordDocumentOutsideTheDefaultContentFolderGetsItsContentOption() {
        let warning = PolicyFolderAudit.warnings(for: ["Complaints.docx"], in: "my site/policies", contentDirectory: "my site", isDirectory: { _ in false })
        #expect(warning.first?.expected == "a policy made from it by running policysite import \"my site/policies/Complaints.docx\" --content \"my site\", then the .docx moved out of policies/")
    }

    @Test func simpleHTMLIsGivenItsMarkdown() {
        #expect(PolicyBodyAdvice.markdownSuggestion(for: "<p><b>Important:</b> call <em>999</em>.</p>") == "'**Important:** call *999*.'")
        #expect(PolicyBodyAdvice.markdownSuggestion(for: "<table><tr><td>x</td></tr></table>") == nil, "no suggestion where the Markdown is not a simple rewrite")
    }

    @Test(arguments: ["https://x.org", "mailto:a@b.org", "tel:+441", "HTTP:x", "a+b.c-d:x", "x:", ":x", "1http:x", "a b:x", "../a:b", "#top",
                      "", "policies/x/", "a_b:x", "é:x", "https\u{301}:x", "a:\u{301}x", "ａ:x", "a\u{0}:x", "https://é.org"])
    func aLinkHasASchemeOnBytesExactlyWhenItDoesCharacterByCharacter(url: String) {
        #expect(PolicyBodyAdvice.hasScheme(url) == PolicyBodyAdvice.hasSchemeByCharacters(url))
    }

    @Test func theEditDistanceOnBytesIsTheDistanceCharacterByCharacter() {
        let words = ["", "a", "ab", "ba", "abc", "acb", "title", "titel", "next-review", "next_review", "complaints-procedure",
                     "complaints-policy", "policy-0001", "policy-0010", "twitter-policy", "twiter-polcy", "ca", "abc\r\n", "é", "e\u{301}", "ｔｉｔｌｅ"]
        for a in words {
            for b in words {
                #expect(YAMLReader.editDistance(a, b) == YAMLReader.editDistanceByCharacters(a, b), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    @Test func theChartDrawsNoBarForAHiddenCountAndTheLargestAcrossItsColumn() {
        let html = TransparencyChart(id: "c", title: "T & <t>", bars: [.init(label: "2016/17", value: 25, text: "25"), .init(label: "2017/18", value: nil, text: "not shown"),
                                                                      .init(label: "2018/19", value: 5, text: "5")]).html
        #expect(html.contains("aria-label=\"T &amp; &lt;t&gt;\""))
        #expect(html.components(separatedBy: "<rect ").count == 3)
        #expect(html.contains("<rect class=\"chart-bar\" width=\"100\" height=\"10\"/>"))
        #expect(html.contains("<rect class=\"chart-bar\" width=\"20\" height=\"10\"/>"))
        #expect(!html.contains("<text"), "no words inside an SVG, where they would shrink with it")
    }

    @Test func aPartIsShownWithItsWholeOnlyWhenTheWholeIsPublished() {
        let words = CountWords(threshold: 5)
        #expect(TransparencyPageView.outOf(.shown(114), .shown(116), words) == "114 of 116")
        #expect(TransparencyPageView.outOf(.small, .shown(7), words) == "fewer than 5 of 7")
        #expect(TransparencyPageView.outOf(.shown(3), .secondary, words) == "3")
        #expect(TransparencyPageView.outOf(.secondary, .shown(11), words) == "not shown")
    }
}
