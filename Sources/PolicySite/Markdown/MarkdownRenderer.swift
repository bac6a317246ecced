import CCmarkGFM
import Foundation

/// A policy body turned into HTML, with the headings that the contents list links to.
public struct RenderedMarkdown: Sendable, Hashable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        /// Unique within the page, stable while the heading's words stay the same.
        public var id: String
    }

    /// An image on another site: a page must never load one, so the build refuses it.
    public struct RemoteImage: Sendable, Hashable {
        /// Line and column in the Markdown text, from 1.
        public var line: Int
        public var column: Int
        public var url: String
    }

    public var html: String
    public var headings: [Heading]
    public var remoteImages: [RemoteImage] = []
}

/// Markdown to safe HTML through cmark-gfm, with GitHub's extensions.
///
/// The HTML equals what `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist`
/// prints, with two additions: headings carry an `id`, and `data:` URLs in links and images
/// are emptied as cmark-gfm already does for `javascript:`, `vbscript:` and `file:`.
/// Raw HTML is never passed through (cmark-gfm's safe mode writes `<!-- raw HTML omitted -->`).
public struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// Ids the page templates use themselves, so a heading never takes one.
    public static let reservedIDs: Set<String> = ["main", "contents", "review-history", "review-status", "top"]

    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    public init() {
        _ = Self.registration
    }

    public func render(_ markdown: String) -> RenderedMarkdown {
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { preconditionFailure("cmark-gfm could not allocate a parser") }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                preconditionFailure("the cmark-gfm extension '\(name)' is not registered")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var utf8 = markdown.utf8CString
        utf8.withUnsafeMutableBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { preconditionFailure("cmark-gfm returned no document") }
        defer { cmark_node_free(document) }

        let (headings, remoteImages) = Self.prepare(document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            preconditionFailure("cmark-gfm could not render HTML")
        }
        defer { free(rendered) }
        let html = Self.addingHeadingIDs(String(cString: rendered), headings)
        return RenderedMarkdown(html: html, headings: headings, remoteImages: remoteImages)
    }

    /// Walks the tree once: empties `data:` URLs, collects headings with unique ids, and
    /// finds images on other sites.
    private static func prepare(_ document: OpaquePointer) -> ([RenderedMarkdown.Heading], [RenderedMarkdown.RemoteImage]) {
        var headings: [RenderedMarkdown.Heading] = []
        var remoteImages: [RenderedMarkdown.RemoteImage] = []
        var used = reservedIDs
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node),
               URLSafety.isDangerous(String(cString: url)) {
                cmark_node_set_url(node, "")
            } else if type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node).map({ String(cString: $0) }), URLSafety.isRemote(url) {
                remoteImages.append(.init(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), url: url))
            } else if type == CMARK_NODE_HEADING {
                let text = plainText(of: node)
                let id = HeadingAnchor.uniqueID(for: text, avoiding: &used)
                headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
            }
        }
        return (headings, remoteImages)
    }

    /// The words of a node, as a reader sees them (code spans included, markup dropped).
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// cmark-gfm writes every heading as a bare `<hN>` and escapes `<` everywhere else
    /// (raw HTML is omitted), so the n-th bare heading tag is the n-th heading.
    /// The search runs on bytes: a heading that starts with a combining mark would join the
    /// tag's `>` into one Character, and a String search would miss the tag (found by fuzzing).
    static func addingHeadingIDs(_ html: String, _ headings: [RenderedMarkdown.Heading]) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headings.count * 24)
        var position = 0
        for heading in headings {
            let tag = Array("<h\(heading.level)>".utf8)
            guard let start = firstIndex(of: tag, in: bytes, from: position) else { preconditionFailure("cmark-gfm output lost a heading") }
            output += bytes[position..<start]
            output += Array("<h\(heading.level) id=\"\(heading.id)\">".utf8)
            position = start + tag.count
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
