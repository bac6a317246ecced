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
    public var markdown: String
    /// The file it was read from, for messages; empty for a version not yet written.
    public var sourcePath: String
    /// The file line on which `markdown` starts.
    public var bodyFirstLine: Int

    public init(slug: String, title: String, approved: ReviewDate, recorded: CalendarDay?, markdown: String, sourcePath: String, bodyFirstLine: Int = 1) {
        self.slug = slug
        self.title = title
        self.approved = approved
        self.recorded = recorded
        self.markdown = markdown
        self.sourcePath = sourcePath
        self.bodyFirstLine = bodyFirstLine
    }

    /// The folder of the content directory that holds every approved version.
    public static let folderName = "approved"

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
    public func matches(_ document: PolicyDocument) -> Bool {
        title == document.title && ApprovedText.normalized(markdown) == ApprovedText.normalized(document.markdown)
    }

    /// The file's text: front matter, then the body exactly.
    public var fileText: String {
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
public enum ApprovedText {
    public static func normalized(_ markdown: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        // "\r\n" is one Character, so it is made "\n" first or the split would miss it.
        let text = markdown.contains("\r") ? markdown.replacingOccurrences(of: "\r\n", with: "\n") : markdown
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw[...]
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            if line.isEmpty {
                blank += 1
                continue
            }
            if !lines.isEmpty, blank > 0 { lines.append("") }
            blank = 0
            lines.append(line)
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
