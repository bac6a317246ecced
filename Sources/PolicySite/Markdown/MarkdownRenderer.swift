import CCmarkGFM
import Foundation

/// Rendered Markdown, keyed by the Markdown text itself (by content, never by file name or time).
public typealias MarkdownCache = RebuildCache<String, RenderedMarkdown>

/// A policy body turned into HTML, with the headings that the contents list links to.
public struct RenderedMarkdown: Sendable, Hashable {
    public struct Heading: Sendable, Hashable {
        var level: Int
        public var text: String
        /// Unique within the page, stable while the heading's words stay the same.
        public var id: String
    }

    /// An image the page would load; the render stage checks that it is a file of the site.
    public struct Image: Sendable, Hashable {
        /// Line and column in the Markdown text, from 1.
        public var line: Int
        public var column: Int
        public var url: String
    }

    public var html: String
    public var headings: [Heading]
    var images: [Image] = []
    /// Every link's address (before any rewrite), for `check` to follow (RenderedMarkdown+Advice).
    var links: [Finding] = []
    /// Raw HTML the page leaves out (cmark-gfm's safe mode), for `check` to name.
    var rawHTML: [Finding] = []
}

/// Markdown to safe HTML through cmark-gfm, with GitHub's extensions.
///
/// The HTML equals what `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist`
/// prints, with these documented changes: headings carry an `id`; `data:` URLs in links and
/// images are emptied as cmark-gfm already does for `javascript:`, `vbscript:` and `file:`;
/// table cells say their alignment with a class instead of the obsolete `align`; task-list
/// checkboxes carry an `aria-label`.
/// Raw HTML is never passed through (cmark-gfm's safe mode writes `<!-- raw HTML omitted -->`).
public struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// cmark-gfm's defaults: safe mode (raw HTML and `javascript:` links omitted), no smart punctuation.
    static let options = CMARK_OPT_DEFAULT
    /// Ids the page templates use themselves, so a heading never takes one.
    static let reservedIDs: Set<String> = ["main", "contents", "review-history", "review-status", "top",
                                                  "what-changed", "approved-versions", "edited-since-review"]

    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm did not do what this renderer relies on (out of memory, an extension missing
    /// from the installed library, HTML of an unexpected shape): the page is not made, and the
    /// build reports it at the policy instead of crashing.
    public struct LibraryFailure: Error, LocalizedError, Sendable, Equatable {
        public var what: String
        public var errorDescription: String? { "the Markdown library (cmark-gfm) failed: \(what)" }
    }

    public init() {}

    public func render(_ markdown: String) throws(LibraryFailure) -> RenderedMarkdown {
        try Self.parse(markdown) { document, parser throws(LibraryFailure) in
            let (headings, images, findings) = Self.prepare(document)
            let html = try Self.withHTML(of: document, parser) { bytes throws(LibraryFailure) in try Self.addingHeadingIDs(source: bytes, headings) }
            return RenderedMarkdown(html: html, headings: headings, images: images, links: findings.links, rawHTML: findings.rawHTML)
        }
    }

    /// `render`, with a failure reported as an error at the start of the body in `file`.
    func render(_ markdown: String, file: String, bodyFirstLine: Int) throws(PolicySiteError) -> RenderedMarkdown {
        do {
            return try render(markdown)
        } catch {
            throw PolicySiteError(.error(at: SourceLocation(file: file, line: bodyFirstLine, column: 1),
                                         "this text could not be made into a page: \(error.errorDescription ?? error.what)",
                                         expected: "the same text with cmark-gfm and its extensions installed as scripts/setup installs them (if they are, please report this text as a bug)"))
        }
    }

    /// cmark-gfm's own HTML, none of the changes above: what the `cmark-gfm` program prints
    /// with the same extensions (the tests compare the two).
    func cmarkHTML(_ markdown: String) throws(LibraryFailure) -> String {
        try Self.parse(markdown) { document, parser throws(LibraryFailure) in
            try Self.withHTML(of: document, parser) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Parses `markdown` with the extensions attached and hands the document to `body`.
    private static func parse<T>(_ markdown: String,
                                 _ body: (_ document: OpaquePointer, _ parser: OpaquePointer) throws(LibraryFailure) -> T) throws(LibraryFailure) -> T {
        _ = registration
        guard let parser = cmark_parser_new(options) else { throw LibraryFailure(what: "it could not allocate a parser") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                throw LibraryFailure(what: "its extension '\(name)' is not registered (is libcmark-gfm-extensions installed?)")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var utf8 = markdown.utf8CString
        utf8.withUnsafeMutableBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = CmarkInlinePhase.oneAtATime({ cmark_parser_finish(parser) }) else {
            throw LibraryFailure(what: "it returned no document")
        }
        defer { cmark_node_free(document) }
        return try body(document, parser)
    }

    /// The HTML of `document`, straight from cmark-gfm's buffer: making a String first
    /// validated and copied it once more.
    private static func withHTML<T>(of document: OpaquePointer, _ parser: OpaquePointer,
                                    _ body: (UnsafeBufferPointer<UInt8>) throws(LibraryFailure) -> T) throws(LibraryFailure) -> T {
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw LibraryFailure(what: "it could not render HTML")
        }
        defer { free(rendered) }
        return try body(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered)))
    }

    /// Walks the tree once: empties dangerous URLs, collects headings with unique ids, and
    /// lists the images, links and raw HTML.
    private static func prepare(_ document: OpaquePointer) -> ([RenderedMarkdown.Heading], [RenderedMarkdown.Image], RenderedMarkdown.Findings) {
        var headings: [RenderedMarkdown.Heading] = []
        var images: [RenderedMarkdown.Image] = []
        var findings = RenderedMarkdown.Findings()
        var used = reservedIDs
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node).map({ String(cString: $0) }) {
                // Listed before any rewrite, so the render stage can refuse what it would load.
                images.append(.init(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), url: url))
            }
            findings.note(node, type: type)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node),
               URLSafety.isDangerous(String(cString: url)) {
                cmark_node_set_url(node, "")
            } else if type == CMARK_NODE_HEADING {
                let text = plainText(of: node)
                let id = HeadingAnchor.uniqueID(for: text, avoiding: &used)
                headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
            }
        }
        return (headings, images, findings)
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
        return text.trimming(.whitespaces)
    }

    /// Tags cmark-gfm writes that a page should not carry as they are: `align` is obsolete
    /// HTML (and an inline style would break the Content-Security-Policy), and a task-list
    /// checkbox needs a name for screen readers.
    static let tagRewrites: [(from: [UInt8], to: [UInt8])] = [
        ("<th align=\"left\">", "<th class=\"align-left\">"), ("<th align=\"center\">", "<th class=\"align-center\">"),
        ("<th align=\"right\">", "<th class=\"align-right\">"), ("<td align=\"left\">", "<td class=\"align-left\">"),
        ("<td align=\"center\">", "<td class=\"align-center\">"), ("<td align=\"right\">", "<td class=\"align-right\">"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" />"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />", "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The byte after `<` of every tag in `tagRewrites`.
    static let rewriteStarts: [Bool] = (0...255).map { byte in tagRewrites.contains { $0.from[1] == byte } }

    /// One pass over the bytes: the n-th bare `<hN>` gets the n-th heading's id, and the tags
    /// above are rewritten. cmark-gfm escapes every `<` of the author's text and omits raw
    /// HTML, so these byte patterns are only ever its own tags. Bytes, not Characters: a
    /// heading that starts with a combining mark would join the tag's `>` into one Character,
    /// and a String search would miss the tag (found by fuzzing).
    static func addingHeadingIDs(_ html: String, _ headings: [RenderedMarkdown.Heading]) throws(LibraryFailure) -> String {
        try addingHeadingIDs(bytes: Array(html.utf8), headings)
    }

    static func addingHeadingIDs(bytes: [UInt8], _ headings: [RenderedMarkdown.Heading]) throws(LibraryFailure) -> String {
        try bytes.withUnsafeBufferPointer { source throws(LibraryFailure) in try addingHeadingIDs(source: source, headings) }
    }

    static func addingHeadingIDs(source: UnsafeBufferPointer<UInt8>, _ headings: [RenderedMarkdown.Heading]) throws(LibraryFailure) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(source.count + headings.count * 24)
        var nextHeading = 0
        let lessThan = UInt8(ascii: "<")
        let rewrites = tagRewrites, rewriteStarts = rewriteStarts
        // Only `<h…`, `<t…` and `<i…` can start a change, and the walk is over one buffer
        // pointer, from `<` to `<` (memchr): byte by byte over an array, with every rewrite
        // tried at every `<`, this was 7% of a 1,000-policy build's instructions and six
        // retains a tag (callgrind). The bytes between changes are copied in one piece, not a
        // run between two tags at a time (400,000 appends for 1,000 policies), and cmark-gfm's
        // buffer is read where it is, not copied into an array first.
        if let base = source.baseAddress {
            let count = source.count
            var copied = 0
            var index = 0
            func copyUpTo(_ end: Int) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<end]))
            }
            scan: while index < count {
                guard source[index] == lessThan else {
                    index = source.firstIndex(ofByte: lessThan, from: index) ?? count
                    continue
                }
                if nextHeading < headings.count, index + 3 < count, source[index + 1] == UInt8(ascii: "h"),
                   source[index + 3] == UInt8(ascii: ">"), source[index + 2] == UInt8(ascii: "0") + UInt8(headings[nextHeading].level) {
                    let heading = headings[nextHeading]
                    copyUpTo(index)
                    output += Array("<h\(heading.level) id=\"\(heading.id)\">".utf8)
                    nextHeading += 1
                    index += 4
                    copied = index
                    continue
                }
                if index + 1 < count, rewriteStarts[Int(source[index + 1])] {
                    for rewrite in rewrites where rewrite.from.count <= count - index && memcmp(base + index, rewrite.from, rewrite.from.count) == 0 {
                        copyUpTo(index)
                        output += rewrite.to
                        index += rewrite.from.count
                        copied = index
                        continue scan
                    }
                }
                index += 1
            }
            copyUpTo(count)
        }
        guard nextHeading == headings.count else {
            throw LibraryFailure(what: "its HTML has \(nextHeading) of the \(headings.count) headings in the text as bare <hN> tags, so the contents list would link to headings without ids")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
