import Foundation

/// A document split into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML between the `---` lines, or nil when the document has none.
    var yaml: String?
    /// Lines before the YAML (the opening `---`), to turn YAML lines into file lines.
    var yamlLineOffset: Int
    var body: String
    /// The file line on which the body starts.
    var bodyFirstLine: Int

    /// Splits `text` (already without a byte-order mark). An opening `---` with no closing line is an error.
    static func split(_ text: String, file: String) throws -> FrontMatter {
        // Only the front matter's lines are split off; the body is the rest of the text as it is.
        // Splitting the whole document into lines and joining them again was 9% of loading
        // 1,000 policies (perf). With a CR in the text the old way stays (a CRLF is one
        // Character, so splitting on "\n" never splits there, and bytes would).
        guard containsCarriageReturn(text) else { return try splitLeavingBody(text, file: file) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring, _ marks: [String]) -> Bool {
            var trimmed = line
            if trimmed.hasSuffix("\r") { trimmed = trimmed.dropLast() }
            return marks.contains { trimmed.trimming(.whitespaces) == $0 }
        }
        guard let first = lines.first, isFence(first, ["---"]) else {
            return FrontMatter(yaml: nil, yamlLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], ["---", "..."]) }) else {
            throw PolicySiteError(.error(at: SourceLocation(file: file, line: 1), "the front matter opened by '---' on line 1 is never closed",
                                         expected: "a line '---' after the last front matter line"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: close + 2)
    }

    /// `split` for text without a CR: walks line by line only until the closing fence.
    /// Is `line`, trimmed of `.whitespaces`, one of `marks`?
    static func isFence(_ line: Substring, _ marks: [String]) -> Bool {
        // An ASCII line is trimmed on bytes: there `.whitespaces` is the space and the tab.
        // Through Foundation, the indented lines of `history` were 1.7% of a 1,000-policy build.
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else { return isFenceTrimmingCharacters(line, marks) }
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let trimmed = line.utf8.drop(while: isBlank).reversed().drop(while: isBlank)
        return marks.contains { $0.utf8.reversed().elementsEqual(trimmed) }
    }

    /// `isFence` through Foundation's trimming: the rule for any text.
    static func isFenceTrimmingCharacters(_ line: Substring, _ marks: [String]) -> Bool {
        marks.contains { line.trimming(.whitespaces) == $0 }
    }

    private static func splitLeavingBody(_ text: String, file: String) throws -> FrontMatter {
        let utf8 = text.utf8
        /// The line starting at `start` and where the next one starts (nil after the last line).
        func line(at start: String.Index) -> (Substring, String.Index?) {
            guard let newline = utf8[start...].firstIndex(of: 0x0A) else { return (text[start...], nil) }
            return (text[start..<newline], utf8.index(after: newline))
        }
        let (first, second) = line(at: text.startIndex)
        guard isFence(first, ["---"]) else {
            return FrontMatter(yaml: nil, yamlLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        var lineNumber = 2
        var next = second
        while let start = next {
            let (current, after) = line(at: start)
            if isFence(current, ["---", "..."]) {
                let yaml = String(text[(second ?? start)..<(start == second ? start : utf8.index(before: start))])
                let body = after.map { String(text[$0...]) } ?? ""
                return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: lineNumber + 1)
            }
            lineNumber += 1
            next = after
        }
        throw PolicySiteError(.error(at: SourceLocation(file: file, line: 1), "the front matter opened by '---' on line 1 is never closed",
                                     expected: "a line '---' after the last front matter line"))
    }

    /// `memchr` over the text's bytes; `utf8.contains` went a byte at a time through an iterator.
    private static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
    }
}
