import Foundation
import Yams

/// Edits front matter line by line, using the positions Yams reports, so that every line it
/// is not asked to change keeps its exact bytes (including a trailing `\r`).
struct FrontMatterLineEditor {
    let file: String
    /// Lines of the file before the YAML (the opening `---`).
    let lineOffset: Int
    /// The index of the closing `---` line.
    private(set) var closingFence: Int
    private let byteOrderMark: Bool
    /// The file's lines without their `\n`; a CRLF file's lines keep their `\r`.
    private(set) var lines: [String]

    init(data: Data, file: String, lineOffset: Int, closingFence: Int) {
        self.file = file
        self.lineOffset = lineOffset
        self.closingFence = closingFence
        var bytes = [UInt8](data)
        byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if byteOrderMark { bytes.removeFirst(3) }
        // Split on the byte: as Characters, "\r\n" is one grapheme and would not split on "\n".
        lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The edited file.
    var contents: Data {
        Data((byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(lines.joined(separator: "\n").utf8))
    }

    /// Where `node` is in the file.
    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private func index(of mark: Mark) -> Int { mark.line + lineOffset - 1 }

    private func refusal(_ node: Node?, _ key: String) -> PolicySiteError {
        PolicySiteError(.error(at: location(node), "'\(key)' is not written as a one-line value, so it cannot be changed without touching other lines",
                               expected: "'\(key): September 2017' on one line"))
    }

    /// Replaces the text of a one-line scalar, keeping its quotes and anything after it on the line.
    mutating func replaceValue(of node: Node, key: String, with date: ReviewDate) throws {
        guard case .scalar(let scalar) = node, let mark = scalar.mark else { throw refusal(node, key) }
        let lineIndex = index(of: mark)
        var line = lines[lineIndex]
        let carriageReturn = line.hasSuffix("\r")
        if carriageReturn { line.removeLast() }
        let scalars = Array(line.unicodeScalars)
        let start = mark.column - 1
        guard start < scalars.count else { throw refusal(node, key) }
        var contentStart = start, contentEnd = start
        switch scalar.style {
        case .doubleQuoted, .singleQuoted:
            let quote = scalars[start]
            contentStart = start + 1
            contentEnd = contentStart
            while contentEnd < scalars.count, scalars[contentEnd] != quote { contentEnd += 1 }
            guard contentEnd < scalars.count else { throw refusal(node, key) }
        case .plain:
            contentEnd = scalars.count
            for position in start..<scalars.count where scalars[position] == "#" && position > start
                && (scalars[position - 1] == " " || scalars[position - 1] == "\t") {
                contentEnd = position
                break
            }
            while contentEnd > start, scalars[contentEnd - 1] == " " || scalars[contentEnd - 1] == "\t" { contentEnd -= 1 }
        default:
            throw refusal(node, key)
        }
        var old = String.UnicodeScalarView()
        old.append(contentsOf: scalars[contentStart..<contentEnd])
        // A value with escapes or over several lines reads differently from its raw text: refuse rather than guess.
        guard String(old) == scalar.string else { throw refusal(node, key) }
        var edited = String.UnicodeScalarView()
        edited.append(contentsOf: scalars[..<contentStart])
        edited.append(contentsOf: Self.format(date, like: scalar.string).unicodeScalars)
        edited.append(contentsOf: scalars[contentEnd...])
        lines[lineIndex] = String(edited) + (carriageReturn ? "\r" : "")
    }

    /// Appends `- reviewed: …` (and `note: …`) lines, one entry per review, after the last item
    /// of `history`, indented like the items before it; or adds `history:` before the closing
    /// `---` when there is none.
    mutating func appendHistory(_ reviews: [PolicyDocument.Review], to history: Node?, historyKey: Node?, lastUpdatedForm: String) throws {
        var newLines: [String]
        let insertAfter: Int
        if let history {
            let notBlock = PolicySiteError(.error(at: location(history), "'history' is not a block list, so a review cannot be added to it line by line",
                                                  expected: "'history:' followed by lines '  - reviewed: 2016-09' and '    note: …'"))
            guard case .sequence(let items) = history, let firstKey = items.first?.mapping?.first?.key, let keyMark = firstKey.mark,
                  let historyKeyMark = historyKey?.mark else { throw notBlock }
            let itemLine = Array(lines[index(of: keyMark)].unicodeScalars)
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: itemLine[..<min(keyMark.column - 1, itemLine.count)])
            // Yams does not report a sequence's flow style, so look at the line: '[{reviewed: …}]' has no '- '.
            guard String(prefix).trimmingCharacters(in: .whitespaces) == "-" else { throw notBlock }
            let form = items.last?.mapping?.first { $0.key.string == "reviewed" }?.value.string ?? lastUpdatedForm
            newLines = []
            for review in reviews {
                newLines.append(String(prefix) + "reviewed: " + Self.format(review.reviewed, like: form))
                if let note = review.note { newLines.append(String(repeating: " ", count: keyMark.column - 1) + "note: " + Self.yamlScalar(note)) }
            }
            insertAfter = lastContentLine(after: index(of: historyKeyMark))
        } else {
            newLines = ["history:"]
            for review in reviews {
                newLines.append("  - reviewed: " + Self.format(review.reviewed, like: lastUpdatedForm))
                if let note = review.note { newLines.append("    note: " + Self.yamlScalar(note)) }
            }
            insertAfter = closingFence - 1
        }
        let ending = lines[insertAfter].hasSuffix("\r") ? "\r" : ""
        lines.insert(contentsOf: newLines.map { $0 + ending }, at: insertAfter + 1)
        closingFence += newLines.count
    }

    /// The last line that belongs to the block value of the key on line `keyIndex`: indented
    /// or `- ` lines up to the next top-level key, leaving blank lines and comments after it alone.
    private func lastContentLine(after keyIndex: Int) -> Int {
        var last = keyIndex
        for index in (keyIndex + 1)..<closingFence {
            let line = lines[index].hasSuffix("\r") ? String(lines[index].dropLast()) : lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("-") else { break }
            last = index
        }
        return last
    }

    /// `date` in the form `old` was written: `2017-09`, `Sep 2017` or `September 2017`.
    /// A day is always written `2017-09-15`, the one day form the parser reads.
    static func format(_ date: ReviewDate, like old: String) -> String {
        guard case .month(let month) = date,
              let word = old.split(separator: " ").first, word.first?.isLetter == true else { return date.description }
        let name = CalendarMonth.englishNames[month.month - 1]
        let isFullName = CalendarMonth.englishNames.contains { $0.lowercased() == word.lowercased() }
        return "\(isFullName ? name : String(name.prefix(3))) \(month.year)"
    }

    /// `text` as a YAML scalar: plain when that is unambiguous, otherwise double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " .,;()/'-"))
        let isPlain = !text.isEmpty && text.unicodeScalars.allSatisfy { safe.contains($0) }
            && text.first?.isLetter == true && text.last != " " && !text.contains(": ") && !text.contains(" #")
        return isPlain ? text : "\"" + yamlDoubleQuoted.escape(text) + "\""
    }

    /// Inside YAML double quotes: quotes, backslashes and control characters escaped.
    static let yamlDoubleQuoted = TextEscaping(replacing: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"],
                                               numbering: [0x0...0x1F, 0x7F...0x7F], as: { "\\x" + TextEscaping.hex($0, digits: 2) })
}
