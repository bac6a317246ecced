import Foundation

/// The part of pandoc's document model a policy can carry; anything else is kept by name in
/// `.unsupported` so the import can say what it left out.
indirect enum ImportBlock: Equatable, Sendable {
    case para([ImportInline])
    case header(Int, [ImportInline])
    case bulletList([[ImportBlock]])
    case orderedList(start: Int, [[ImportBlock]])
    case blockQuote([ImportBlock])
    /// Rows of cells; `hasHeader` when the first row is the table's header.
    case table(rows: [[[ImportBlock]]], hasHeader: Bool)
    case codeBlock(String)
    case rule
    /// What pandoc read that a policy cannot hold (its pandoc name), with any text inside.
    case unsupported(String, [ImportInline])
}

indirect enum ImportInline: Equatable, Sendable {
    case text(String)
    case space
    case lineBreak
    case emphasis([ImportInline])
    case strong([ImportInline])
    case strikeout([ImportInline])
    case code(String)
    case link([ImportInline], url: String)
    case image(alt: [ImportInline], source: String)
    case note([ImportBlock])
}

/// A document as pandoc read it: its title (pandoc takes Word's Title style into the
/// metadata) and its blocks.
struct ImportedDocument: Equatable, Sendable {
    var title: [ImportInline]?
    var blocks: [ImportBlock]
}

/// Reads pandoc's JSON (`pandoc -t json`, API 1.22 and 1.23) into `ImportedDocument`.
enum PandocAST {
    struct Unreadable: Error { var reason: String }

    static func decode(_ data: Data) throws(Unreadable) -> ImportedDocument {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Unreadable(reason: "not an object") }
            root = object
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(reason: "pandoc's output is not JSON")
        }
        let meta = root["meta"] as? [String: Any]
        let title = (meta?["title"] as? [String: Any]).flatMap { value -> [ImportInline]? in
            switch value["t"] as? String {
            case "MetaInlines": inlines(value["c"])
            case "MetaBlocks": blocks(value["c"]).flatMap { block -> [ImportInline] in
                if case .para(let content) = block { return content }
                return []
            }
            case "MetaString": (value["c"] as? String).map { [.text($0)] }
            default: nil
            }
        }
        return ImportedDocument(title: title, blocks: blocks(root["blocks"]))
    }

    static func blocks(_ json: Any?) -> [ImportBlock] {
        (json as? [Any] ?? []).flatMap(block)
    }

    /// One pandoc block; containers with no meaning of their own (Div, Figure) give their content.
    static func block(_ json: Any) -> [ImportBlock] {
        guard let node = json as? [String: Any], let type = node["t"] as? String else { return [] }
        let content = node["c"]
        let parts = content as? [Any] ?? []
        switch type {
        case "Para", "Plain": return [.para(inlines(content))]
        case "Header": return [.header(parts.first as? Int ?? 1, inlines(parts.count > 2 ? parts[2] : nil))]
        case "BulletList": return [.bulletList((content as? [Any] ?? []).map(blocks))]
        case "OrderedList":
            let attributes = parts.first as? [Any]
            let items = (parts.count > 1 ? parts[1] as? [Any] : nil) ?? []
            return [.orderedList(start: attributes?.first as? Int ?? 1, items.map(blocks))]
        case "BlockQuote": return [.blockQuote(blocks(content))]
        case "Div": return parts.count > 1 ? blocks(parts[1]) : []
        case "Figure": return parts.count > 2 ? blocks(parts[2]) : []
        case "LineBlock":
            let lines = (content as? [Any] ?? []).map(inlines)
            return [.para(Array(lines.map { $0 }.joined(separator: [.lineBreak])))]
        case "CodeBlock": return [.codeBlock(parts.count > 1 ? parts[1] as? String ?? "" : "")]
        case "HorizontalRule": return [.rule]
        case "Table": return [table(parts)]
        case "Null": return []
        case "DefinitionList":
            return (content as? [Any] ?? []).flatMap { item -> [ImportBlock] in
                guard let pair = item as? [Any], pair.count == 2 else { return [] }
                return [.para([.strong(inlines(pair[0]))])] + (pair[1] as? [Any] ?? []).flatMap(blocks)
            }
        default:
            return [.unsupported(type, [])]
        }
    }

    /// pandoc-types 1.22 tables: attr, caption, column specs, head, bodies, foot.
    static func table(_ parts: [Any]) -> ImportBlock {
        func rows(_ json: Any?) -> [[[ImportBlock]]] {
            (json as? [Any] ?? []).map { row in
                let cells = ((row as? [Any])?.last as? [Any]) ?? []
                return cells.map { cell in
                    let fields = cell as? [Any] ?? []
                    let span = fields.count > 3 ? fields[3] as? Int ?? 1 : 1
                    let content = fields.count > 4 ? blocks(fields[4]) : []
                    // A cell spanning columns fills them, so rows keep their width.
                    return [content] + Array(repeating: [], count: max(0, span - 1))
                }.flatMap { $0 }
            }
        }
        guard parts.count >= 6 else { return .unsupported("Table", []) }
        let head = rows((parts[3] as? [Any])?.last)
        let bodies = (parts[4] as? [Any] ?? []).flatMap { body -> [[[ImportBlock]]] in
            let fields = body as? [Any] ?? []
            return fields.count >= 4 ? rows(fields[2]) + rows(fields[3]) : []
        }
        let foot = rows((parts[5] as? [Any])?.last)
        return .table(rows: head + bodies + foot, hasHeader: !head.isEmpty)
    }

    static func inlines(_ json: Any?) -> [ImportInline] {
        (json as? [Any] ?? []).flatMap(inline)
    }

    static func inline(_ json: Any) -> [ImportInline] {
        guard let node = json as? [String: Any], let type = node["t"] as? String else { return [] }
        let content = node["c"]
        let parts = content as? [Any] ?? []
        switch type {
        case "Str": return [.text(content as? String ?? "")]
        case "Space", "SoftBreak": return [.space]
        case "LineBreak": return [.lineBreak]
        case "Emph": return [.emphasis(inlines(content))]
        case "Strong": return [.strong(inlines(content))]
        case "Strikeout": return [.strikeout(inlines(content))]
        case "Underline", "SmallCaps", "Superscript", "Subscript": return inlines(content)
        case "Span":
            // pandoc marks tracked changes and comments this way unless it accepts them; the
            // import asks it to accept them, and never lets such text through either way.
            let classes = ((parts.first as? [Any]).flatMap { $0.count > 1 ? $0[1] as? [String] : nil }) ?? []
            if classes.contains(where: ["deletion", "comment-start", "comment-end", "paragraph-deletion"].contains) { return [] }
            return parts.count > 1 ? inlines(parts[1]) : []
        case "Cite": return parts.count > 1 ? inlines(parts[1]) : []
        case "Quoted":
            let double = (parts.first as? [String: Any])?["t"] as? String == "DoubleQuote"
            let inner = parts.count > 1 ? inlines(parts[1]) : []
            return [.text(double ? "\u{201C}" : "\u{2018}")] + inner + [.text(double ? "\u{201D}" : "\u{2019}")]
        case "Code": return [.code(parts.count > 1 ? parts[1] as? String ?? "" : "")]
        case "Math": return [.code(parts.count > 1 ? parts[1] as? String ?? "" : "")]
        case "Link":
            let target = parts.count > 2 ? parts[2] as? [Any] : nil
            return [.link(parts.count > 1 ? inlines(parts[1]) : [], url: target?.first as? String ?? "")]
        case "Image":
            let target = parts.count > 2 ? parts[2] as? [Any] : nil
            return [.image(alt: parts.count > 1 ? inlines(parts[1]) : [], source: target?.first as? String ?? "")]
        case "Note": return [.note(blocks(content))]
        default: return []
        }
    }
}

extension Array where Element == ImportInline {
    /// The words, without any markup.
    var plainText: String {
        var text = ""
        for inline in self {
            switch inline {
            case .text(let words), .code(let words): text += words
            case .space, .lineBreak: text += " "
            case .emphasis(let inner), .strong(let inner), .strikeout(let inner), .link(let inner, _): text += inner.plainText
            case .image(let alt, _): text += alt.plainText
            case .note: break
            }
        }
        return text
    }
}

extension Array where Element == ImportBlock {
    /// The words of every block, paragraphs separated by spaces.
    var plainText: String {
        map { block -> String in
            switch block {
            case .para(let inlines), .header(_, let inlines), .unsupported(_, let inlines): inlines.plainText
            case .bulletList(let items), .orderedList(_, let items): items.map(\.plainText).joined(separator: " ")
            case .blockQuote(let inner): inner.plainText
            case .table(let rows, _): rows.flatMap { $0 }.map(\.plainText).joined(separator: " ")
            case .codeBlock(let code): code
            case .rule: ""
            }
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
