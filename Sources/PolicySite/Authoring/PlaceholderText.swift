import Foundation

/// The words `init` and `new policy` write for the author to replace, kept in one place so
/// that the scaffolds write them and `check` and `build` recognise them.
enum PlaceholderText {
    /// site.yml of a new site.
    public static let organisation = "Example Primary School"
    public static let baseURL = "https://policies.example.org/"
    /// The example policy of a new site: its opening line.
    static let examplePolicyOpening = "This is an example policy. Replace it with your own, or delete it once you have added"
    /// A new policy's summary, and the lines of its body an author replaces.
    public static let summary = "One sentence that tells a parent what this policy is for."
    static let bodyLines = [
        "Write the policy here in Markdown. This opening paragraph is the first thing a parent reads:",
        "- What the school wants this policy to achieve.",
        "Describe what happens, who does it, and when.",
        "Say plainly what parents and carers are asked to do.",
        "Say who to contact (a role, such as the school office) and how.",
    ]

    /// Host names that are never a real site (RFC 2606 and RFC 6761).
    static func isExampleHost(_ host: String) -> Bool {
        let host = host.lowercased()
        return ["example.org", "example.com", "example.net"].contains { host == $0 || host.hasSuffix("." + $0) }
            || [".example", ".test", ".invalid", ".localhost"].contains { host.hasSuffix($0) } || host == "localhost"
    }

    /// Placeholders left in a policy's body and summary. `summaryAt` is where the summary's
    /// value is written, when it is.
    static func warnings(in document: PolicyDocument, summaryAt: SourceLocation?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let summaryAt, document.summary?.trimming(.whitespaces) == summary {
            found.append(.warning(at: summaryAt, "the summary is still the placeholder from 'policysite new'",
                                  expected: "one sentence of your own that tells a parent what this policy is for"))
        }
        var placeholders: [(line: Int, text: String)] = []
        // Only the lines that can hold one (PlaceholderText+Lines.swift): the others, most of
        // a policy, are passed over on bytes.
        for (offset, line) in candidateLines(of: document.markdown) {
            let lineNumber = document.bodyFirstLine + offset
            let text = line.trimming(.whitespaces)
            guard text.count > 20 else { continue }
            if text.hasPrefix(examplePolicyOpening) {
                found.append(.warning(at: SourceLocation(file: document.sourcePath, line: lineNumber), "this is still the example policy from 'policysite init'",
                                      expected: "your own policies: replace this text, or delete the file once you have added others"))
            } else if let placeholder = bodyLines.first(where: { text.hasPrefix($0) }) {
                placeholders.append((lineNumber, placeholder))
            }
        }
        // One warning for a new policy's placeholders, at the first of them.
        if let first = placeholders.first {
            let more = placeholders.count - 1
            let others = more == 0 ? "" : ", and \(more) more placeholder \(more == 1 ? "line" : "lines") after it (\(placeholders.dropFirst().map { "line \($0.line)" }.joined(separator: ", ")))"
            found.append(.warning(at: SourceLocation(file: document.sourcePath, line: first.line),
                                  "the placeholder '\(first.text.prefix(40))…' from 'policysite new' is still here\(others)",
                                  expected: "the policy's own words in their place"))
        }
        return found
    }
}
