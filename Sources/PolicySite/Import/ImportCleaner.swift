/// Tidies what Word documents are made of into what a policy page needs: empty paragraphs
/// go, lists typed by hand ("•<tab>…", "1.<tab>…") become lists, lists Word split are
/// joined, bold lines become headings in a document without any, heading levels start at 2
/// (the page's title is the 1) without gaps, footnotes move to a "Notes" section, and a
/// table of contents or links to places inside the document lose what cannot be carried.
/// Every change that loses something is said in `notes`.
struct ImportCleaner {
    private(set) var notes: [String] = []

    static let bulletGlyphs: Set<String> = ["\u{2022}", "\u{00B7}", "\u{25AA}", "\u{25A0}", "\u{25CF}", "\u{25BA}", "\u{25B6}", "\u{27A2}",
                                            "\u{27A4}", "\u{2713}", "\u{2714}", "\u{F0B7}", "\u{F0A7}", "\u{F0D8}", "\u{F0FC}", "-", "\u{2013}", "*"]
    /// Glyphs Word's second list level uses; typed by hand they mean a nested item.
    static let nestedGlyphs: Set<String> = ["o", "\u{25E6}", "\u{25CB}", "\u{F06F}"]

    mutating func clean(_ blocks: [ImportBlock]) -> [ImportBlock] {
        var blocks = removeTableOfContents(blocks)
        blocks = joinLists(makeFakeLists(blocks))
        if !blocks.contains(where: \.isHeader) { blocks = blocks.map(Self.promoteBoldLine) }
        blocks = Self.levelHeadings(blocks)
        blocks = blocks.compactMap { tidy($0) }
        return moveNotesToEnd(blocks)
    }

    // MARK: - Lists typed by hand

    enum Marker: Equatable {
        case bullet(level: Int)
        case number(Int?, level: Int)
    }

    /// The hand-typed list marker that starts `inlines`, and the content after it.
    static func marker(of inlines: [ImportInline], inList: Bool) -> (Marker, [ImportInline])? {
        guard case .text(let first)? = inlines.first else { return nil }
        let rest = Array(inlines.dropFirst())
        let afterSpace = rest.first == .space ? Array(rest.dropFirst()) : nil
        if let afterSpace, bulletGlyphs.contains(first) { return (.bullet(level: 0), afterSpace) }
        if let afterSpace, inList, nestedGlyphs.contains(first) { return (.bullet(level: 1), afterSpace) }
        if let glyph = first.first.map(String.init), first.count > 1, bulletGlyphs.contains(glyph), glyph != "-", glyph != "*", glyph != "\u{2013}" {
            return (.bullet(level: 0), [.text(String(first.dropFirst()))] + rest)
        }
        if let afterSpace, first.count >= 2, let close = first.last, close == "." || close == ")" {
            var label = first.dropLast()
            if label.hasPrefix("(") { label = label.dropFirst() }
            if label.count <= 2, label.allSatisfy(\.isASCIIDigit), let number = Int(label) { return (.number(number, level: 0), afterSpace) }
            if label.count == 1, label.allSatisfy({ $0.isLowercase && $0.isASCII }) { return (.number(nil, level: inList ? 1 : 0), afterSpace) }
            if (1...4).contains(label.count), label.allSatisfy({ "ivx".contains($0) }) { return (.number(nil, level: inList ? 1 : 0), afterSpace) }
        }
        return nil
    }

    private func makeFakeLists(_ blocks: [ImportBlock]) -> [ImportBlock] {
        var result: [ImportBlock] = []
        var items: [(Marker, [ImportInline])] = []
        func flush() {
            guard !items.isEmpty else { return }
            result.append(Self.nest(items))
            items = []
        }
        func item(_ block: ImportBlock) -> (Marker, [ImportInline])? {
            guard case .para(let inlines) = block, let (marker, content) = Self.marker(of: inlines, inList: !items.isEmpty),
                  !Self.isAllStrong(content) else { return nil }
            return (marker, content)
        }
        for (index, block) in blocks.enumerated() {
            if let (marker, content) = item(block) {
                // A bulleted run and a numbered run next to each other are two lists.
                if let last = items.last?.0, last.isNumber != marker.isNumber, marker.level == 0 { flush() }
                items.append((marker, content))
                continue
            }
            // Blank lines between items typed by hand do not end their list.
            if !items.isEmpty, block.isEmptyParagraph,
               let next = blocks[(index + 1)...].first(where: { !$0.isEmptyParagraph }), item(next) != nil {
                continue
            }
            flush()
            result.append(block.mapChildren { makeFakeLists($0) })
        }
        flush()
        return result
    }

    /// Items at level 0 and 1 into a list with nested lists.
    static func nest(_ items: [(Marker, [ImportInline])]) -> ImportBlock {
        var top: [[ImportBlock]] = []
        var nested: [(Marker, [ImportInline])] = []
        func closeNested() {
            guard !nested.isEmpty, !top.isEmpty else { return }
            top[top.count - 1].append(nest(nested.map { (marker, content) in (marker.atLevel0, content) }))
            nested = []
        }
        for (marker, content) in items {
            if marker.level > 0, !top.isEmpty {
                nested.append((marker, content))
            } else {
                closeNested()
                top.append([.para(content)])
            }
        }
        closeNested()
        if case .number(let start, _) = items[0].0 { return .orderedList(start: start ?? 1, top) }
        return .bulletList(top)
    }

    /// Lists Word wrote as several next to each other (a style per level, say) are one list;
    /// lists an empty paragraph kept apart stay apart.
    private func joinLists(_ blocks: [ImportBlock]) -> [ImportBlock] {
        var result: [ImportBlock] = []
        for block in blocks {
            switch (result.last, block) {
            case (.bulletList(let first)?, .bulletList(let second)):
                result[result.count - 1] = .bulletList(first + second)
            case (.orderedList(let start, let first)?, .orderedList(_, let second)):
                result[result.count - 1] = .orderedList(start: start, first + second)
            default:
                result.append(block.mapChildren(joinLists))
            }
        }
        return result
    }

    static func isAllStrong(_ inlines: [ImportInline]) -> Bool {
        let words = inlines.filter { $0 != .space && $0 != .lineBreak }
        return !words.isEmpty && words.allSatisfy { if case .strong = $0 { return true } else { return false } }
    }

    // MARK: - Headings

    /// In a document without headings, a short line all in bold is a heading.
    static func promoteBoldLine(_ block: ImportBlock) -> ImportBlock {
        guard case .para(let inlines) = block, isAllStrong(inlines) else { return block }
        let text = inlines.plainText.collapsingSpaces
        guard !text.isEmpty, text.count <= 90, let last = text.last, !".,;:".contains(last) else { return block }
        return .header(2, inlines.flatMap { inline -> [ImportInline] in
            if case .strong(let inner) = inline { return inner }
            return [inline]
        })
    }

    /// The document's highest level becomes 2; a heading is never more than one level
    /// below the one before it.
    static func levelHeadings(_ blocks: [ImportBlock]) -> [ImportBlock] {
        let levels = blocks.compactMap { block -> Int? in
            if case .header(let level, _) = block { return level }
            return nil
        }
        guard let top = levels.min() else { return blocks }
        var previous = 1
        return blocks.map { block in
            guard case .header(let level, let inlines) = block else { return block }
            let shifted = min(6, max(2, min(level - top + 2, previous + 1)))
            previous = shifted
            return .header(shifted, inlines)
        }
    }

    // MARK: - Tidying

    /// Drops empty paragraphs and the spaces around a paragraph's words; says what cannot be carried.
    private mutating func tidy(_ block: ImportBlock) -> ImportBlock? {
        switch block {
        case .para(let inlines):
            let trimmed = Self.trim(unlinkInternal(inlines))
            return trimmed.isEmpty ? nil : .para(trimmed)
        case .header(let level, let inlines):
            let trimmed = Self.trim(unlinkInternal(inlines)).filter { $0 != .lineBreak }
            return trimmed.isEmpty ? nil : .header(level, trimmed)
        case .bulletList(let items):
            let kept = items.map { $0.compactMap { tidy($0) } }.filter { !$0.isEmpty }
            return kept.isEmpty ? nil : .bulletList(kept)
        case .orderedList(let start, let items):
            let kept = items.map { $0.compactMap { tidy($0) } }.filter { !$0.isEmpty }
            return kept.isEmpty ? nil : .orderedList(start: start, kept)
        case .blockQuote(let inner):
            let kept = inner.compactMap { tidy($0) }
            return kept.isEmpty ? nil : .blockQuote(kept)
        case .table(let rows, let hasHeader):
            let kept = rows.map { $0.map { $0.compactMap { tidy($0) } } }
            if kept.contains(where: { $0.contains { $0.count > 1 || $0.contains(where: \.isList) } }) {
                notes.append("a table cell with several paragraphs or a list is written on one line (a table cell on the site holds one line)")
            }
            return kept.isEmpty ? nil : .table(rows: kept, hasHeader: hasHeader)
        case .unsupported(let name, let inlines):
            notes.append("a part of the document pandoc calls '\(name)' cannot be carried and is left out")
            return inlines.isEmpty ? nil : .para(inlines)
        case .codeBlock, .rule:
            return block
        }
    }

    static func trim(_ inlines: [ImportInline]) -> [ImportInline] {
        var result = inlines
        while let first = result.first, first == .space || first == .lineBreak || first == .text("") { result.removeFirst() }
        while let last = result.last, last == .space || last == .lineBreak || last == .text("") { result.removeLast() }
        return result
    }

    /// Links to places inside the Word document (bookmarks) lead nowhere on the site: their words stay.
    private mutating func unlinkInternal(_ inlines: [ImportInline]) -> [ImportInline] {
        inlines.flatMap { inline -> [ImportInline] in
            switch inline {
            case .link(let inner, let url) where url.hasPrefix("#"):
                notes.append("a link to a place inside the document ('\(inner.plainText.collapsingSpaces)') is kept as plain words")
                return unlinkInternal(inner)
            case .emphasis(let inner): return [.emphasis(unlinkInternal(inner))]
            case .strong(let inner): return [.strong(unlinkInternal(inner))]
            case .strikeout(let inner): return [.strikeout(unlinkInternal(inner))]
            default: return [inline]
            }
        }
    }

    /// A table of contents Word made (links to its own `_Toc` bookmarks) goes: the site makes its own.
    private mutating func removeTableOfContents(_ blocks: [ImportBlock]) -> [ImportBlock] {
        let kept = blocks.filter { block in
            guard case .para(let inlines) = block else { return true }
            let links = inlines.filter { if case .link(_, let url) = $0 { return url.hasPrefix("#_Toc") } else { return false } }
            return links.isEmpty
        }
        if kept.count < blocks.count { notes.append("Word's table of contents is left out: the site makes its own from the headings") }
        return kept
    }

    // MARK: - Footnotes

    /// Footnotes become "[1]" in the text and a numbered list under "Notes" at the end.
    private mutating func moveNotesToEnd(_ blocks: [ImportBlock]) -> [ImportBlock] {
        var collected: [[ImportBlock]] = []
        func visit(_ inlines: [ImportInline]) -> [ImportInline] {
            inlines.map { inline in
                switch inline {
                case .note(let content):
                    collected.append(content.compactMap { block -> ImportBlock? in
                        guard case .para(let inner) = block else { return block }
                        let trimmed = Self.trim(inner)
                        return trimmed.isEmpty ? nil : .para(trimmed)
                    })
                    return .text("[\(collected.count)]")
                case .emphasis(let inner): return .emphasis(visit(inner))
                case .strong(let inner): return .strong(visit(inner))
                case .strikeout(let inner): return .strikeout(visit(inner))
                case .link(let inner, let url): return .link(visit(inner), url: url)
                default: return inline
                }
            }
        }
        func walk(_ block: ImportBlock) -> ImportBlock {
            switch block {
            case .para(let inlines): return .para(visit(inlines))
            case .header(let level, let inlines): return .header(level, visit(inlines))
            default: return block.mapChildren { $0.map(walk) }
            }
        }
        let body = blocks.map(walk)
        guard !collected.isEmpty else { return body }
        notes.append("\(collected.count) \(collected.count == 1 ? "footnote is" : "footnotes are") moved to a 'Notes' section at the end, marked [1] in the text")
        return body + [.header(2, [.text("Notes")]), .orderedList(start: 1, collected)]
    }
}

extension ImportCleaner.Marker {
    var level: Int {
        switch self {
        case .bullet(let level), .number(_, let level): level
        }
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    var atLevel0: Self {
        switch self {
        case .bullet: .bullet(level: 0)
        case .number(let start, _): .number(start, level: 0)
        }
    }
}

extension ImportBlock {
    var isEmptyParagraph: Bool {
        guard case .para(let inlines) = self else { return false }
        return inlines.plainText.collapsingSpaces.isEmpty && !inlines.contains { if case .image = $0 { return true } else { return false } }
    }

    var isList: Bool {
        switch self {
        case .bulletList, .orderedList: true
        default: false
        }
    }

    /// The same block with `transform` applied to each list of child blocks.
    func mapChildren(_ transform: ([ImportBlock]) -> [ImportBlock]) -> ImportBlock {
        switch self {
        case .bulletList(let items): .bulletList(items.map(transform))
        case .orderedList(let start, let items): .orderedList(start: start, items.map(transform))
        case .blockQuote(let inner): .blockQuote(transform(inner))
        case .table(let rows, let hasHeader): .table(rows: rows.map { $0.map(transform) }, hasHeader: hasHeader)
        default: self
        }
    }
}
