import Testing
import Yams
@testable import PolicySite

/// A policy's front matter is parsed without Yams' type-guessing resolver (for speed); the
/// mapping and every diagnostic must be what the default resolver gives.
@Suite struct YAMLTextResolverTests {
    static let texts = [
        "title: A\nlast-updated: 2016-09\nnext-review: 2017-09\n",
        "title: A\ntitle: B\n",
        // Keys with the same text whose types the default resolver tells apart: not duplicates there.
        "1: a\n\"1\": b\n",
        "yes: a\n'yes': b\n",
        "null: a\n\"null\": b\n~: c\n",
        "2016-09-01: a\n\"2016-09-01\": b\n",
        "1.5: a\n\"1.5\": b\n",
        // The same text and type: duplicates either way.
        "1: a\n1: b\n",
        "'title': a\ntitle: b\n",
        // Explicit tags (the text is then parsed with the default resolver from the start).
        "!!int 1: a\n1: b\n",
        "!!str 1: a\n\"1\": b\n",
        "title: Wow!\n",
        "history:\n  - reviewed: 2016-09\n    reviewed: 2017-09\n  - reviewed: 1\n    \"reviewed\": 2\n",
        "? [a, 1]\n: x\n? [a, \"1\"]\n: y\n",
        "title: [unclosed\n",
        "- a\n- b\n",
        "",
    ]

    @Test(arguments: texts) func readingValuesAsTextGivesWhatTheDefaultResolverGives(text: String) {
        var asText = YAMLReader(file: "p.md", lineOffset: 1)
        var typed = YAMLReader(file: "p.md", lineOffset: 1)
        let fast = asText.parseMapping(text, valuesReadAsText: true)
        let usual = typed.parseMapping(text)
        #expect(asText.bag.diagnostics.map(\.description) == typed.bag.diagnostics.map(\.description))
        #expect(fast.map(keysAndValues) == usual.map(keysAndValues))
    }

    func keysAndValues(_ mapping: Node.Mapping) -> [String] {
        mapping.map { "\($0.key.string ?? "?")=\($0.value.string ?? "\($0.value.sequence?.count ?? -1)")" }
    }
}

/// A front matter fence found on bytes (ASCII lines) exactly where Foundation's trimming finds it.
@Suite struct FrontMatterFenceTests {
    @Test(arguments: ["---", "  ---", "---\t", " \t--- \t", "...", "  ...  ", "- - -", "----", "--", "\u{A0}---", "---\u{3000}", "—", "-\u{301}--",
                      "", " ", "\u{B}---", "---\u{C}", "title: A", "  - reviewed: 2016-09"])
    func aLineIsAFenceOnBytesExactlyWhenTrimmedByFoundation(line: String) {
        for marks in [["---"], ["---", "..."]] {
            #expect(FrontMatter.isFence(line[...], marks) == FrontMatter.isFenceTrimmingCharacters(line[...], marks))
        }
    }
}
