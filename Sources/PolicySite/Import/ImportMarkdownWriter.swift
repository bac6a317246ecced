/// Writes imported blocks as GitHub-flavoured Markdown that a person can go on editing:
/// one line per paragraph, `-` bullets, `1.` numbers, pipe tables, and only the
/// backslashes needed so that the words come out as the words (never as markup or HTML).
struct ImportMarkdownWriter {
    /// The address written for an image, from pandoc's name for it.
    var imageAddress: (String) -> String = { $0 }

    func write(_ blocks: [ImportBlock]) -> String {
        blockLines(blocks, tight: false).joined(separator: "\n") + "\n"
    }

    // MARK: - Blocks

    private func blockLines(_ blocks: [ImportBlock], tight: Bool) -> [String] {
        var lines: [String] = []
        var previous: ImportBlock?
        for block in blocks {
            if previous != nil, !(tight && block.isList) { lines.append("") }
            lines += self.lines(block, after: previous)
            previous = block
        }
        return lines
    }

    private func lines(_ block: ImportBlock, after previous: ImportBlock?) -> [String] {
        switch block {
        case .para(let inlines):
            return inline(inlines).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .header(let level, let inlines):
            var text = inline(inlines, breaks: false)
            if text.hasSuffix("#") { text = String(text.dropLast()) + "\\#" }
            return [String(repeating: "#", count: level) + " " + text]
        case .bulletList(let items):
            // Two lists in a row stay two lists only with different bullets.
            let bullet = if case .bulletList = previous { "*" } else { "-" }
            return listLines(items) { _ in "\(bullet) " }
        case .orderedList(let start, let items):
            let delimiter = if case .orderedList = previous { ")" } else { "." }
            return listLines(items) { index in "\(start + index)\(delimiter) " }
        case .blockQuote(let inner):
            return blockLines(inner, tight: false).map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let rows, _):
            return tableLines(rows)
        case .codeBlock(let code):
            let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
            return [fence] + code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
        case .rule:
            return ["***"]
        case .unsupported(_, let inlines):
            return [inline(inlines)]
        }
    }

    private func listLines(_ items: [[ImportBlock]], marker: (Int) -> String) -> [String] {
        // Tight (no blank lines) unless an item holds more than one paragraph.
        let tight = items.allSatisfy { item in item.filter { !$0.isList }.count <= 1 }
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            if index > 0, !tight { lines.append("") }
            let prefix = marker(index)
            let indent = String(repeating: " ", count: prefix.count)
            for (number, line) in blockLines(item, tight: tight).enumerated() {
                lines.append(number == 0 ? prefix + line : (line.isEmpty ? "" : indent + line))
            }
            if item.isEmpty { lines.append(prefix.trimming(.whitespaces)) }
        }
        return lines
    }

    /// A pipe table; a table cell holds one line, so its paragraphs and list items are joined.
    private func tableLines(_ rows: [[[ImportBlock]]]) -> [String] {
        let width = rows.map(\.count).max() ?? 0
        guard width > 0 else { return [] }
        func cell(_ blocks: [ImportBlock]) -> String {
            blocks.map { block -> String in
                switch block {
                case .para(let inlines), .header(_, let inlines), .unsupported(_, let inlines):
                    inline(inlines, breaks: false, inTable: true)
                case .bulletList(let items), .orderedList(_, let items):
                    items.map { cell($0) }.joined(separator: "; ")
                default:
                    escape([block].plainText, atLineStart: false, inTable: true)
                }
            }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let texts = rows.map { row in (0..<width).map { $0 < row.count ? cell(row[$0]) : "" } }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        return [line(texts[0]), line(Array(repeating: "---", count: width))] + texts.dropFirst().map(line)
    }

    // MARK: - Inlines

    /// The inlines as Markdown; a line break becomes a backslash at the end of the line
    /// (or a space where `breaks` is false: headings and table cells).
    func inline(_ inlines: [ImportInline], breaks: Bool = true, inTable: Bool = false) -> String {
        var out = ""
        append(inlines, to: &out, breaks: breaks, inTable: inTable)
        return out
    }

    private func append(_ inlines: [ImportInline], to out: inout String, breaks: Bool, inTable: Bool) {
        for (index, item) in inlines.enumerated() {
            switch item {
            case .text(let words):
                out += escape(words.replacingOccurrences(of: "\t", with: " "), atLineStart: out.isEmpty || out.hasSuffix("\n"), inTable: inTable)
            case .space:
                if !out.isEmpty, !out.hasSuffix(" "), !out.hasSuffix("\n") { out += " " }
            case .lineBreak:
                if breaks, index + 1 < inlines.count { out += "\\\n" } else if !out.hasSuffix(" ") { out += " " }
            case .emphasis(let inner):
                wrap(inner, in: "*", to: &out, breaks: breaks, inTable: inTable)
            case .strong(let inner):
                wrap(inner, in: "**", to: &out, breaks: breaks, inTable: inTable)
            case .strikeout(let inner):
                wrap(inner, in: "~~", to: &out, breaks: breaks, inTable: inTable)
            case .code(let code):
                let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
                let pad = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
                out += fence + pad + code.replacingOccurrences(of: "\n", with: " ") + pad + fence
            case .link(let inner, let url):
                var text = inline(inner, breaks: false, inTable: inTable)
                if text.isEmpty { text = escape(url, atLineStart: false, inTable: inTable) }
                out += "[\(text)](\(destination(url)))"
            case .image(let alt, let source):
                out += "![\(escape(alt.plainText.collapsingSpaces, atLineStart: false, inTable: inTable))](\(destination(imageAddress(source))))"
            case .note:
                break
            }
        }
    }

    /// `*words*` with any spaces at the ends moved outside, which emphasis needs.
    private func wrap(_ inner: [ImportInline], in delimiter: String, to out: inout String, breaks: Bool, inTable: Bool) {
        let flattened = inner.flatMap { item -> [ImportInline] in
            switch (delimiter, item) {
            case ("*", .emphasis(let again)), ("**", .strong(let again)), ("~~", .strikeout(let again)): again
            default: [item]
            }
        }
        let trimmed = ImportCleaner.trim(flattened)
        guard !trimmed.isEmpty else {
            if !flattened.isEmpty { append([.space], to: &out, breaks: breaks, inTable: inTable) }
            return
        }
        if flattened.first == .space || flattened.first == .lineBreak { append([.space], to: &out, breaks: breaks, inTable: inTable) }
        out += delimiter
        var inside = ""
        append(trimmed, to: &inside, breaks: breaks, inTable: inTable)
        out += inside + delimiter
        if flattened.last == .space || flattened.last == .lineBreak { out += " " }
    }

    /// The words, with a backslash before each character that would otherwise be markup.
    func escape(_ words: String, atLineStart: Bool, inTable: Bool = false) -> String {
        let characters = Array(words)
        var out = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]", "<", "~", "|":
                out += "\\" + String(character)
            case "_":
                // Inside a word (`school_ws`) an underscore is never emphasis.
                let inWord = (before?.isLetter == true || before?.isNumber == true) && (after?.isLetter == true || after?.isNumber == true)
                out += inWord ? "_" : "\\_"
            case "&":
                out += after.map { $0.isLetter || $0 == "#" } == true ? "\\&" : "&"
            case "#", ">", "-", "+", "=":
                // At the start of a line these begin a heading, quote, list or underline.
                out += atLineStart && index == 0 ? "\\" + String(character) : String(character)
            case ".", ")":
                // "2016." or "1)" at the start of a line would begin a numbered list.
                let number = atLineStart && (1...9).contains(index) && characters[..<index].allSatisfy(\.isASCIIDigit)
                out += number ? "\\" + String(character) : String(character)
            default:
                out.append(character)
            }
        }
        return out
    }

    /// A link or image address, with what would end it early percent-encoded.
    private func destination(_ url: String) -> String { Self.destinationRules.escape(url) }

    private static let destinationRules = TextEscaping(replacing: [" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"], as: nil)

    private func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
