import Foundation

/// A policy's text as the governors approved it at one review, kept in the content directory
/// as `approved/SLUG/DATE.md` (DATE as the review was written: `2026-11` or `2026-11-15`).
///
/// The file is Markdown a person can read, with a short front matter saying which policy and
/// which review it records; its body is the policy's body exactly as approved. A fresh clone
/// carries it like any other content file, so the site can always say what changed at each
/// review and whether the text it publishes is the approved one.
public struct ApprovedVersion: Sendable, Hashable {
    public var slug: String
    public var title: String
    /// The review that approved this text.
    public var approved: ReviewDate
    /// The day `policysite review` recorded it, when known: it dates the review's feed entry.
    public var recorded: CalendarDay?
    /// The policy's body as approved.
    public let markdown: String
    /// `markdown` as `ApprovedText.normalized` gives it, worked out once.
    let normalizedMarkdown: String
    /// The file it was read from, for messages; empty for a version not yet written.
    public var sourcePath: String
    /// The file line on which `markdown` starts.
    var bodyFirstLine: Int

    public init(slug: String, title: String, approved: ReviewDate, recorded: CalendarDay?, markdown: String, sourcePath: String, bodyFirstLine: Int = 1) {
        self.slug = slug
        self.title = title
        self.approved = approved
        self.recorded = recorded
        self.markdown = markdown
        self.normalizedMarkdown = ApprovedText.normalized(markdown)
        self.sourcePath = sourcePath
        self.bodyFirstLine = bodyFirstLine
    }

    /// The folder of the content directory that holds every approved version.
    static let folderName = "approved"

    /// `approved/SLUG` below the content directory.
    public static func directory(contentDirectory: String, slug: String) -> String {
        ((contentDirectory as NSString).appendingPathComponent(folderName) as NSString).appendingPathComponent(slug)
    }

    /// `approved/SLUG/DATE.md` below the content directory.
    public static func path(contentDirectory: String, slug: String, approved: ReviewDate) -> String {
        (directory(contentDirectory: contentDirectory, slug: slug) as NSString).appendingPathComponent("\(approved).md")
    }

    /// True when `document` reads as this text: the same title, and the same body once line
    /// endings, trailing spaces and blank lines at either end are set aside (a checkout that
    /// turns LF into CRLF is not an edit).
    func matches(_ document: PolicyDocument) -> Bool {
        title == document.title && normalizedMarkdown == ApprovedText.normalized(document.markdown)
    }

    /// The file's text: front matter, then the body exactly.
    var fileText: String {
        var lines = [
            "---",
            "# The text of this policy as approved at its review \(approved.withPreposition).",
            "# Written by policysite; keep it as it is: the site compares the policy with it.",
            "policy: \(slug)",
            "title: \(PolicyScaffold.yamlQuoted(title))",
            "approved: \(approved)",
        ]
        if let recorded { lines.append("recorded: \(recorded)") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + markdown
    }
}

/// The text the governors approve, compared the way a reader would: line endings, spaces at
/// the ends of lines, runs of blank lines and blank lines at either end make no difference.
enum ApprovedText {
    /// Works on UTF-8 bytes: walking Characters was 29% of a 300-policy build with two
    /// versions each (perf); every byte tested here is ASCII, so no UTF-8 sequence is split.
    static func normalized(_ markdown: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count + 1)
        var blankLines = 0
        var line: [UInt8] = []
        func endLine() {
            while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line.removeLast() }
            if line.isEmpty {
                blankLines += 1
            } else {
                if !out.isEmpty, blankLines > 0 { out.append(0x0A) }
                blankLines = 0
                out += line
                out.append(0x0A)
            }
            line.removeAll(keepingCapacity: true)
        }
        for byte in markdown.utf8 {
            if byte == 0x0A { endLine() } else { line.append(byte) }
        }
        endLine()
        return String(decoding: out, as: UTF8.self)
    }
}
