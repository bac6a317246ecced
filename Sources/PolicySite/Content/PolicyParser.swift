import Foundation
import Yams

/// Reads one policy file: front matter and body, or the seed's plain layout with
/// `Last Updated:` / `Next Review Due:` lines at the top.
public enum PolicyParser {
    static let frontMatterKeys = ["title", "summary", "owner", "last-updated", "next-review", "history"]
    static let historyKeys = ["reviewed", "note"]
    /// Opening lines searched for the plain layout's date lines.
    static let plainHeaderLines = 12

    /// Is `slug` usable as a page address?
    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// Decodes and parses the bytes of `file`, as the loader does.
    public static func parse(bytes: [UInt8], slug: String, file: String) throws -> (PolicyDocument, [Diagnostic]) {
        try parse(TextDecoder.decode(Data(bytes), file: file), slug: slug, file: file)
    }

    /// Parses the text of `file`; warnings (unknown keys) come back beside the document.
    public static func parse(_ text: String, slug: String, file: String) throws -> (PolicyDocument, [Diagnostic]) {
        guard isValidSlug(slug) else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "the file name '\(slug).md' cannot be a page address",
                                         expected: "a name of lower-case letters a-z, digits and '-', such as 'twitter-policy.md'"))
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "the policy file is empty",
                                         expected: "front matter with 'title:', 'last-updated:' and 'next-review:' between '---' lines, then the policy's text"))
        }
        let split = try FrontMatter.split(text, file: file)
        guard let yaml = split.yaml else { return try parsePlain(text, slug: slug, file: file) }

        var reader = YAMLReader(file: file, lineOffset: split.yamlLineOffset)
        guard let root = reader.parseMapping(yaml, valuesReadAsText: true) else { throw PolicySiteError(reader.bag.diagnostics) }
        reader.warnAboutUnknownKeys(in: root, known: frontMatterKeys, what: "the front matter", required: ["title", "last-updated", "next-review"])
        let title = reader.string("title", in: root, required: true, expected: "the policy's title")
        let summary = reader.string("summary", in: root)
        let owner = reader.string("owner", in: root)
        let lastUpdated = reader.reviewDate("last-updated", in: root, required: true)
        let nextReview = reader.reviewDate("next-review", in: root, required: true)
        let history = reader.mappings("history", in: root, form: "a list of '- reviewed: 2016-09' with an optional 'note: …'").compactMap { entry -> PolicyDocument.Review? in
            reader.warnAboutUnknownKeys(in: entry, known: historyKeys, what: "'history'", required: ["reviewed"])
            guard let reviewed = reader.reviewDate("reviewed", in: entry, required: true) else { return nil }
            return PolicyDocument.Review(reviewed: reviewed, note: reader.string("note", in: entry))
        }
        if let lastUpdated, let nextReview, nextReview < lastUpdated {
            reader.bag.append(.error(at: reader.location(reader.value("next-review", in: root)),
                                     "'next-review' (\(nextReview.spelledOut)) is before 'last-updated' (\(lastUpdated.spelledOut))",
                                     expected: "a review date after the last update"))
        }
        try reader.bag.throwIfErrors()
        // YAMLReader reports each required value it cannot read, so this only guards a gap in that.
        guard let title, let lastUpdated, let nextReview else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "the front matter has no readable 'title', 'last-updated' or 'next-review'",
                                         expected: "front matter with 'title:', 'last-updated:' and 'next-review:' between '---' lines"))
        }
        let document = PolicyDocument(slug: slug, title: title, summary: summary, owner: owner,
                                      lastUpdated: lastUpdated, nextReview: nextReview,
                                      history: history.sorted { $0.reviewed < $1.reviewed },
                                      markdown: split.body, sourcePath: file, bodyFirstLine: split.bodyFirstLine)
        let placeholders = PlaceholderText.warnings(in: document, summaryAt: reader.value("summary", in: root).map { reader.location($0) })
        return (document, reader.bag.warnings + placeholders)
    }

    /// The seed's own layout: a title line, then `Last Updated: September 2016` and
    /// `Next Review Due: September 2017` among the opening lines. Those lines are taken
    /// out of the body, so the page does not repeat them.
    static func parsePlain(_ text: String, slug: String, file: String) throws -> (PolicyDocument, [Diagnostic]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var bag = DiagnosticBag()
        var title: String?
        var dates: [String: ReviewDate] = [:]
        var consumed = IndexSet()
        for index in lines.indices.prefix(plainHeaderLines) {
            let line = lines[index].trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if title == nil {
                title = line.hasPrefix("#") ? String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) : line
                consumed.insert(index)
                continue
            }
            for (label, key) in [("last updated:", "last-updated"), ("next review due:", "next-review")]
            where line.lowercased().hasPrefix(label) {
                let value = String(line.dropFirst(label.count))
                let at = SourceLocation(file: file, line: index + 1, column: label.count + 2)
                guard let date = ReviewDate(parsing: value) else {
                    let problem = ReviewDate.problem(with: value)
                    bag.append(.error(at: at, "'\(value.trimmingCharacters(in: .whitespaces))' is not a date this tool can use: \(problem.what)", expected: problem.expected))
                    continue
                }
                dates[key] = date
                consumed.insert(index)
            }
        }
        let badLines = bag.diagnostics.count
        for (key, label) in [("last-updated", "Last Updated"), ("next-review", "Next Review Due")] where dates[key] == nil && badLines == 0 {
            bag.append(.error(at: SourceLocation(file: file), "no '\(label):' line near the top and no front matter",
                              expected: "front matter with '\(key):', or a line such as '\(label): September 2017'"))
        }
        try bag.throwIfErrors()
        // Safe to rely on above (a missing date is an error unless a bad line already is one), but not worth a crash.
        guard let lastUpdated = dates["last-updated"], let nextReview = dates["next-review"] else {
            throw PolicySiteError(.error(at: SourceLocation(file: file), "no 'Last Updated:' and 'Next Review Due:' lines near the top and no front matter",
                                         expected: "front matter with 'last-updated:' and 'next-review:', or lines such as 'Next Review Due: September 2017'"))
        }
        // Blank, not removed, so that body line numbers stay the file's.
        for index in consumed { lines[index] = "" }
        let document = PolicyDocument(slug: slug, title: title ?? slug, lastUpdated: lastUpdated,
                                      nextReview: nextReview, markdown: lines.joined(separator: "\n"), sourcePath: file)
        return (document, [])
    }
}
