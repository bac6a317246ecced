import Foundation

/// Size and shape limits on a policy, checked before cmark-gfm sees its text.
///
/// Debian's cmark-gfm (0.29.0.gfm.6) takes time that grows faster than the text for a few
/// shapes of input: 80,000 `![[]()` took 13.5 s, a 24 KB table of 4,000 columns 43 s, a
/// 50 MB policy 14 s (issue 18). Each limit below bounds one of them, with room to spare for
/// any real policy, so that the slowest policy within every limit renders in well under a
/// second (README, "Limits"; scripts/slow-markdown.py measures each). A policy over a limit
/// is refused at the line and column where it goes over.
///
/// The checks read the text the way cmark-gfm does only roughly, and always err on the
/// side of counting more: a paragraph is every line up to the next blank line, and a line
/// of a table counts as a table row only while every line since the table's delimiter row
/// carries a `|` and starts no other block.
public struct MarkdownLimits: Sendable {
    /// Bytes in the policy file, front matter included.
    public var bytes = 1 << 19
    /// Block quotes and list items inside each other.
    var nesting = 32
    /// Cells in one row of a table (cmark-gfm's time grows with their square).
    var tableColumns = 100
    /// Table cells in the whole policy (rows × columns): each costs cmark-gfm several
    /// thousand instructions.
    var tableCells = 20_000
    /// Image marks `![` in one paragraph or table cell (cmark-gfm checks each later link
    /// against every earlier image: 80,000 `![[]()` took 13.5 s).
    var imagesPerParagraph = 100
    /// `@` signs in one paragraph or table cell (the autolink extension scans the words
    /// around each one).
    var atSignsPerParagraph = 100

    public init() {}

    /// An error at the line and column where `data`, a policy file, goes over the byte limit.
    func checkSize(of data: Data, file: String) -> Diagnostic? {
        guard data.count > bytes else { return nil }
        let before = data.prefix(bytes)
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        let column = before[lineStart...].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return .error(at: SourceLocation(file: file, line: line, column: column),
                      "the policy is \(Self.number(data.count)) bytes, over the limit of \(Self.number(bytes)) bytes (512 KiB)",
                      expected: "a policy under 512 KiB: split a longer one into several policies")
    }

    /// Every limit on the shape of `markdown`, the body of `file` starting at line `firstLine`.
    /// At most one diagnostic per limit: the first place it is exceeded.
    public func check(_ markdown: String, file: String, firstLine: Int = 1) -> [Diagnostic] {
        var scanner = MarkdownShapeScanner(limits: self)
        var text = markdown
        text.withUTF8 { scanner.scan($0) }
        return scanner.findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map { finding in
            .error(at: SourceLocation(file: file, line: firstLine + finding.line - 1, column: finding.column), finding.message, expected: finding.expected)
        }
    }

    static func number(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
