/// Escaping for XML text and attribute values (sitemap, feed, the report's charts).
enum XMLEscaping {
    /// The five markup characters as entities; control characters other than tab, newline and
    /// carriage return, and U+FFFE and U+FFFF, are dropped, as XML 1.0 does not allow them.
    static let rules = TextEscaping(replacing: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"],
                                    numbering: [0x0...0x8, 0xB...0xC, 0xE...0x1F, 0xFFFE...0xFFFF], as: nil)

    static func escape(_ text: String) -> String { rules.escape(text) }
}
