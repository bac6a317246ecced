/// Reads a policy written as plain text in the seed's layout — a title line, dated lines,
/// then paragraphs with a blank line between, a section heading alone on its line, and
/// list items starting with "- " — into the same form pandoc gives for a Word document.
enum PlainTextPolicyReader {
    static func read(_ text: String) -> ImportedDocument {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        guard let first = paragraphs.first else { return ImportedDocument(title: nil, blocks: []) }

        var title = first[0].trimming(.whitespaces)
        if title.hasPrefix("#") { title = String(title.drop { $0 == "#" }).trimming(.whitespaces) }
        var blocks: [ImportBlock] = first.count > 1 ? [.para(words(first.dropFirst().joined(separator: " ")))] : []
        for lines in paragraphs.dropFirst() {
            if lines.allSatisfy({ listMarker($0) != nil }) {
                blocks.append(list(lines))
            } else if lines.count == 1, let heading = heading(lines[0]) {
                blocks.append(heading)
            } else {
                blocks.append(.para(words(lines.map { $0.trimming(.whitespaces) }.joined(separator: " "))))
            }
        }
        return ImportedDocument(title: [.text(title)], blocks: blocks)
    }

    /// "- ", "* ", "• " (a bullet) or "1. ", "1) " (a number) at the start of a line, and its indent.
    static func listMarker(_ line: String) -> (numbered: Bool, indent: Int, content: Substring)? {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        let rest = line.dropFirst(indent)
        for bullet in ["- ", "* ", "\u{2022} ", "+ "] where rest.hasPrefix(bullet) { return (false, indent, rest.dropFirst(bullet.count)) }
        let digits = rest.prefix(while: \.isASCIIDigit)
        if (1...3).contains(digits.count), let next = rest.dropFirst(digits.count).first, next == "." || next == ")",
           rest.dropFirst(digits.count + 1).first == " " {
            return (true, indent, rest.dropFirst(digits.count + 2))
        }
        return nil
    }

    private static func list(_ lines: [String]) -> ImportBlock {
        let items = lines.compactMap(listMarker)
        let baseIndent = items.map(\.indent).min() ?? 0
        let markers = items.map { item -> (ImportCleaner.Marker, [ImportInline]) in
            let level = item.indent > baseIndent ? 1 : 0
            return (item.numbered ? .number(1, level: level) : .bullet(level: level), words(String(item.content)))
        }
        return ImportCleaner.nest(markers)
    }

    /// A line alone that reads as a heading: "Rationale", "What is Twitter?". Not a dated
    /// line ("Last Updated: …"), not a sentence, not a handle such as "@school_ws".
    private static func heading(_ line: String) -> ImportBlock? {
        let text = line.trimming(.whitespaces)
        if text.hasPrefix("#") {
            let level = text.prefix { $0 == "#" }.count
            return .header(level, words(String(text.dropFirst(level))))
        }
        guard let first = text.first, first.isUppercase || first.isNumber, text.count <= 120,
              let last = text.last, !".,;:!".contains(last), PolicyHeaderReader.labelled(text) == nil else { return nil }
        return .header(2, words(text))
    }

    static func words(_ text: String) -> [ImportInline] {
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { [ImportInline.text(String($0))] }
        return Array(pieces.joined(separator: [ImportInline.space]))
    }
}
