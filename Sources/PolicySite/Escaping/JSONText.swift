/// JSON string literals (RFC 8259), the one JSON string writer of the tool's hand-written JSON
/// (status.json, stats.json): quotes, backslashes and control characters escaped.
enum JSONText {
    /// U+2028 and U+2029 are valid JSON but break JavaScript that embeds it, so they are escaped too.
    static let rules = TextEscaping(replacing: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"],
                                    numbering: [0x0...0x1F, 0x2028...0x2029], as: { "\\u" + TextEscaping.hex($0, digits: 4) })

    static func string(_ text: String) -> String { "\"" + rules.escape(text) + "\"" }
}
