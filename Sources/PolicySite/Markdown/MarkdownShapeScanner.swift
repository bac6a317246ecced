/// One pass over a policy's Markdown, line by line, measuring what `MarkdownLimits` bounds:
/// nesting, table rows and cells, and image marks and `@` signs per paragraph or cell.
/// Lines end at `\n`, `\r\n` or `\r`, as in cmark-gfm.
struct MarkdownShapeScanner {
    struct Finding {
        var line: Int
        var column: Int
        var message: String
        var expected: String
    }

    enum Limit: Hashable { case nesting, tableColumns, tableCells, images, atSigns }

    /// Image marks and `@` signs counted for one paragraph or table cell.
    struct Group {
        var images = 0
        var atSigns = 0
    }

    /// A table cmark-gfm may make: its columns, and whether each later line with a `|` is
    /// surely a row of its own (the delimiter row has a `|` or `:`, so it cannot be a list
    /// item, a heading's underline or a thematic break instead).
    struct Table {
        var columns: Int
        var rowsAreCells: Bool
    }

    let limits: MarkdownLimits
    private(set) var findings: [Finding] = []
    private var reported: Set<Limit> = []

    private var lineNumber = 0
    /// Columns where the content of each open list item starts.
    private var listItems: [Int] = []
    private var previousLineWasBlank = true
    /// The previous line of the paragraph: its cell count, in case this line makes it a table header.
    private var previousCells: Int?
    private var paragraph = Group()
    private var table: Table?
    private var tableCells = 0

    init(limits: MarkdownLimits) {
        self.limits = limits
    }

    mutating func scan(_ text: UnsafeBufferPointer<UInt8>) {
        // Each line's end is found with memchr when the text has no `\r` (almost always):
        // byte by byte, this loop and the ones below were 6.5% of a 1,000-policy build.
        let hasCarriageReturn = text.firstIndex(ofByte: 0x0D) != nil
        var start = 0
        while true {
            var end = start
            if hasCarriageReturn {
                while end < text.count, text[end] != 0x0A, text[end] != 0x0D { end += 1 }
            } else {
                end = text.firstIndex(ofByte: 0x0A, from: start) ?? text.count
            }
            lineNumber += 1
            scanLine(UnsafeBufferPointer(rebasing: text[start..<end]))
            guard end < text.count else { return }
            start = end + 1
            if text[end] == 0x0D, start < text.count, text[start] == 0x0A { start += 1 }
        }
    }

    private mutating func scanLine(_ line: UnsafeBufferPointer<UInt8>) {
        guard line.contains(where: { !Self.isSpace($0) }) else {
            // A blank line ends the paragraph and any table; lists stay open.
            paragraph = Group()
            table = nil
            previousCells = nil
            previousLineWasBlank = true
            return
        }
        let (contentStart, inContainer) = readContainers(line)
        let content = UnsafeBufferPointer(rebasing: line[contentStart...])
        let cells = Self.cells(in: content)
        if cells.pipes > 0, cells.count > limits.tableColumns {
            report(.tableColumns, at: contentStart, in: line,
                   "a table row of \(MarkdownLimits.number(cells.count)) cells, over the limit of \(limits.tableColumns) columns",
                   expected: "a table of at most \(limits.tableColumns) columns: split a wider one into several tables")
        }
        if var current = table {
            // cmark-gfm may read this line as a row: a row has the table's columns, whatever it holds.
            tableCells += current.columns
            if tableCells > limits.tableCells {
                report(.tableCells, at: contentStart, in: line,
                       "the tables of this policy hold more than \(MarkdownLimits.number(limits.tableCells)) cells (rows × columns)",
                       expected: "at most \(MarkdownLimits.number(limits.tableCells)) table cells in one policy: split a very long table over several policies")
            }
            // After a line that opens another block, the rest may be one paragraph again.
            if inContainer || Self.opensBlock(content) { current.rowsAreCells = false }
            table = current
            if current.rowsAreCells, cells.pipes > 0 {
                _ = count(line, from: contentStart, adding: Group())
            } else {
                paragraph = count(line, from: contentStart, adding: paragraph)
            }
        } else if let header = previousCells, let delimiter = Self.delimiterRow(content) {
            // cmark-gfm reads the paragraph's last line as the header row.
            if header == delimiter.columns {
                let rowsAreCells = delimiter.unambiguous && !inContainer
                table = Table(columns: delimiter.columns, rowsAreCells: rowsAreCells)
                tableCells += delimiter.columns
                if rowsAreCells { paragraph = Group() }
            }
        } else {
            paragraph = count(line, from: contentStart, adding: paragraph)
        }
        previousCells = cells.count
        previousLineWasBlank = false
    }

    /// Reads the block-quote markers and list markers that open the line, checks how deep
    /// they nest, and returns where the content starts and whether the line opens a container.
    private mutating func readContainers(_ line: UnsafeBufferPointer<UInt8>) -> (contentStart: Int, inContainer: Bool) {
        var position = 0
        var column = 0
        var quotes = 0
        var markers = 0
        var firstMarkerColumn: Int?
        while true {
            var afterSpace = position, spaceColumn = column
            while afterSpace < line.count, line[afterSpace] == 0x20 || line[afterSpace] == 0x09 {
                spaceColumn = line[afterSpace] == 0x09 ? (spaceColumn / 4 + 1) * 4 : spaceColumn + 1
                afterSpace += 1
            }
            guard afterSpace < line.count, !Self.isThematicBreak(UnsafeBufferPointer(rebasing: line[afterSpace...])) else { break }
            if line[afterSpace] == UInt8(ascii: ">") {
                // A marker left of an open item's content is outside that item.
                while let last = listItems.last, last > spaceColumn { listItems.removeLast() }
                quotes += 1
                firstMarkerColumn = firstMarkerColumn ?? afterSpace
                position = afterSpace + 1
                column = spaceColumn + 1
                continue
            }
            guard let width = Self.listMarkerWidth(UnsafeBufferPointer(rebasing: line[afterSpace...])) else { break }
            while let last = listItems.last, last > spaceColumn { listItems.removeLast() }
            listItems.append(spaceColumn + width + 1)
            markers += 1
            firstMarkerColumn = firstMarkerColumn ?? afterSpace
            position = afterSpace + width
            column = spaceColumn + width
        }
        if markers == 0, previousLineWasBlank {
            // A paragraph that starts left of an open item's content is outside that item.
            var indent = 0
            for byte in line {
                guard byte == 0x20 || byte == 0x09 else { break }
                indent = byte == 0x09 ? (indent / 4 + 1) * 4 : indent + 1
            }
            while let last = listItems.last, last > indent { listItems.removeLast() }
        }
        let depth = quotes + listItems.count
        if depth > limits.nesting {
            report(.nesting, at: firstMarkerColumn ?? 0, in: line,
                   "block quotes and lists nested \(depth) deep, over the limit of \(limits.nesting)",
                   expected: "at most \(limits.nesting) levels of '>' and list items inside each other")
        }
        return (position, quotes + markers > 0)
    }

    /// `counted` with the image marks and `@` signs of `line` from `start` added, reporting
    /// the first one over a limit.
    private mutating func count(_ line: UnsafeBufferPointer<UInt8>, from start: Int, adding counted: Group) -> Group {
        // Most lines have neither: two memchr calls pass over them.
        guard line.firstIndex(ofByte: UInt8(ascii: "!"), from: start) != nil || line.firstIndex(ofByte: UInt8(ascii: "@"), from: start) != nil else {
            return counted
        }
        var group = counted
        var index = start
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "!") where index + 1 < line.count && line[index + 1] == UInt8(ascii: "["):
                group.images += 1
                if group.images == limits.imagesPerParagraph + 1 {
                    report(.images, at: index, in: line,
                           "more than \(limits.imagesPerParagraph) images in one paragraph or table cell",
                           expected: "at most \(limits.imagesPerParagraph) images ('![…](…)') in one paragraph: put a blank line between groups of them")
                }
            case UInt8(ascii: "@"):
                group.atSigns += 1
                if group.atSigns == limits.atSignsPerParagraph + 1 {
                    report(.atSigns, at: index, in: line,
                           "more than \(limits.atSignsPerParagraph) '@' signs in one paragraph or table cell",
                           expected: "at most \(limits.atSignsPerParagraph) e-mail addresses in one paragraph: put a blank line between groups of them")
                }
            default: break
            }
            index += 1
        }
        return group
    }

    private mutating func report(_ limit: Limit, at index: Int, in line: UnsafeBufferPointer<UInt8>, _ message: String, expected: String) {
        guard reported.insert(limit).inserted else { return }
        // The column counts characters, not bytes: UTF-8 continuation bytes are skipped.
        let column = line.prefix(index).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        findings.append(Finding(line: lineNumber, column: column, message: message, expected: expected))
    }

    // MARK: Reading one line

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    /// The cells of a possible table row: its unescaped `|`, less one at either end.
    static func cells(in content: UnsafeBufferPointer<UInt8>) -> (count: Int, pipes: Int) {
        // Without a `|` (most lines) the rule below gives one cell, or none when the line is blank.
        guard content.firstIndex(ofByte: UInt8(ascii: "|")) != nil else {
            return (content.contains { !isSpace($0) } ? 1 : 0, 0)
        }
        return cellsWithPipes(in: content)
    }

    /// `cells(in:)` read byte by byte: the whole rule, for a line with a `|`.
    static func cellsWithPipes(in content: UnsafeBufferPointer<UInt8>) -> (count: Int, pipes: Int) {
        var pipes = 0
        var escaped = false
        var first: Int?, last = -1
        for (index, byte) in content.enumerated() {
            if byte == UInt8(ascii: "|"), !escaped { pipes += 1 }
            escaped = byte == UInt8(ascii: "\\") && !escaped
            if !isSpace(byte) {
                if first == nil { first = index }
                last = index
            }
        }
        guard let first else { return (0, 0) }
        let leading = content[first] == UInt8(ascii: "|") ? 1 : 0
        let trailing = last > first && content[last] == UInt8(ascii: "|") && (last == 0 || content[last - 1] != UInt8(ascii: "\\")) ? 1 : 0
        return (max(1, pipes + 1 - leading - trailing), pipes)
    }

    /// A table's delimiter row (`| :--- | ---: |`): its columns, and whether it has a `|` or
    /// `:` (without, `---` or `-` may be something else to cmark-gfm).
    static func delimiterRow(_ content: UnsafeBufferPointer<UInt8>) -> (columns: Int, unambiguous: Bool)? {
        var columns = 0
        var dashes = 0
        var sawPipe = false, sawColon = false
        var segmentHasContent = false
        for byte in content {
            switch byte {
            case UInt8(ascii: "|"):
                if segmentHasContent {
                    guard dashes > 0 else { return nil }
                    columns += 1
                }
                sawPipe = true
                dashes = 0
                segmentHasContent = false
            case UInt8(ascii: "-"):
                dashes += 1
                segmentHasContent = true
            case UInt8(ascii: ":"):
                sawColon = true
                segmentHasContent = true
            case _ where isSpace(byte): continue
            default: return nil
            }
        }
        if segmentHasContent {
            guard dashes > 0 else { return nil }
            columns += 1
        }
        return columns > 0 ? (columns, sawPipe || sawColon) : nil
    }

    /// Does the content start a block that ends a table (a heading, a fence, raw HTML, a
    /// thematic break, or indented code)?
    static func opensBlock(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < content.count, content[index] == 0x20 { index += 1 }
        if index >= 4 || (index < content.count && content[index] == 0x09) { return true }
        guard index < content.count else { return false }
        let rest = UnsafeBufferPointer(rebasing: content[index...])
        switch rest[0] {
        case UInt8(ascii: "#"), UInt8(ascii: "<"): return true
        case UInt8(ascii: "`"), UInt8(ascii: "~"): return rest.count >= 3 && rest[1] == rest[0] && rest[2] == rest[0]
        default: return isThematicBreak(rest)
        }
    }

    /// Three or more of one of `-`, `*`, `_`, and nothing else but spaces.
    static func isThematicBreak(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let mark = content.first, mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_") else { return false }
        var marks = 0
        for byte in content {
            if byte == mark { marks += 1 } else if !isSpace(byte) { return false }
        }
        return marks >= 3
    }

    /// The width of a list marker (`-`, `*`, `+`, or up to nine digits and `.` or `)`)
    /// followed by a space or the end of the line.
    static func listMarkerWidth(_ content: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = content.first else { return nil }
        var width: Int
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            width = 1
        } else {
            var digits = 0
            while digits < content.count, digits < 10, (0x30...0x39).contains(content[digits]) { digits += 1 }
            guard (1...9).contains(digits), digits < content.count,
                  content[digits] == UInt8(ascii: ".") || content[digits] == UInt8(ascii: ")") else { return nil }
            width = digits + 1
        }
        guard width == content.count || content[width] == 0x20 || content[width] == 0x09 else { return nil }
        return width
    }
}
