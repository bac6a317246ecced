import Testing
@testable import PolicySite

/// The byte-level filter in front of the placeholder check passes over only lines that
/// cannot hold a placeholder: the lines it keeps are exactly those the Character comparison
/// would match, on bodies chosen to catch the places where bytes and Characters differ.
@Suite struct PlaceholderLinesTests {
    /// The check as it was, on every line split as Characters: the reference.
    static func matchedByCharacters(_ markdown: String) -> [Int] {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            let text = line.trimming(.whitespaces)
            guard text.count > 20 else { return nil }
            let starts = [PlaceholderText.examplePolicyOpening] + PlaceholderText.bodyLines
            return starts.contains { text.hasPrefix($0) } ? offset : nil
        }
    }

    static func matchedThroughTheFilter(_ markdown: String) -> [Int] {
        PlaceholderText.candidateLines(of: markdown).compactMap { offset, line in
            let text = line.trimming(.whitespaces)
            guard text.count > 20 else { return nil }
            let starts = [PlaceholderText.examplePolicyOpening] + PlaceholderText.bodyLines
            return starts.contains { text.hasPrefix($0) } ? offset : nil
        }
    }

    static let write = PlaceholderText.bodyLines[0]
    static let say = PlaceholderText.bodyLines[3]

    @Test("the filter keeps every line the Character comparison matches, and the same line numbers", arguments: [
        "",
        "\(write)\n",
        "# Title\n\nSome text.\n\n\(write)\n\n\(say)\n",
        "  \t\(write)",                              // spaces and a tab before it
        "\u{00A0}\(write)\n\u{3000}\(say)\n",        // Unicode spaces before it: trimmed as before
        "\(say)\u{0301}\n",                          // a combining mark joins the final full stop
        "\u{0301}\(say)\n",                          // a combining mark in front
        "\(write)\r\n\(say)\r\n",                    // CRLF: "\r\n" is one Character, no line end
        "line one\rline two\n\(say)\n",              // a lone CR
        "\(say.dropLast())\n",                       // one character short
        "Say plainly what parents and carers are asked to do\u{037E}\n", // a Greek question mark
        "- What the school wants this policy to achieve.\n- What else.\n",
        "\n\n\n\(PlaceholderText.examplePolicyOpening) the others.\n",
        "é\n\(write)\n😀 \(say)\n",
    ])
    func theFilterChangesNoWarning(body: String) {
        #expect(Self.matchedThroughTheFilter(body) == Self.matchedByCharacters(body))
    }

    @Test func mostLinesOfAPolicyArePassedOverOnBytes() {
        let body = "# Behaviour\n\nThe school expects good behaviour.\n\n- Be kind.\n\(Self.write)\n\n| a | b |\n"
        #expect(PlaceholderText.candidateLines(of: body).map(\.offset) == [5])
    }
}
