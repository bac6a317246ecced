import CCmarkGFM

extension RenderedMarkdown {
    /// Something in the Markdown that `check` looks at again: a link's address, or raw HTML.
    public struct Finding: Sendable, Hashable {
        /// Line and column in the Markdown text, from 1.
        public var line: Int
        public var column: Int
        /// The link's address as written, or the HTML as written.
        public var text: String
    }

    /// Links and raw HTML, noted during the renderer's one walk over the tree.
    struct Findings {
        var links: [Finding] = []
        var rawHTML: [Finding] = []

        mutating func note(_ node: OpaquePointer, type: cmark_node_type) {
            func finding(_ text: UnsafePointer<CChar>?) -> Finding? {
                text.map { Finding(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), text: String(cString: $0)) }
            }
            if type == CMARK_NODE_LINK, let link = finding(cmark_node_get_url(node)) {
                links.append(link)
            } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, let html = finding(cmark_node_get_literal(node)) {
                rawHTML.append(html)
            }
        }
    }
}
