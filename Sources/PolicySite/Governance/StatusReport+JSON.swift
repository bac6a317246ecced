extension StatusReport {
    /// The `policysite/status/v1` document (DESIGN.md, `schemas/status-v1.schema.json`),
    /// written by hand so that its bytes never vary: keys in the order DESIGN.md lists them
    /// (`schema`, `asOf`, `policies`; in each policy `slug`, `title`, `lastUpdated`,
    /// `nextReview`, `status`, `dueSoonFrom`, `overdueFrom`, then the keys added since: `owner`
    /// (a string or null) and `editedSinceReview`), two-space indent, final newline.
    public func json() -> String {
        var out = "{\n"
        out += "  \"schema\": \(JSONText.string(Self.schema)),\n"
        out += "  \"asOf\": \(JSONText.string(asOf.description)),\n"
        guard !entries.isEmpty else { return out + "  \"policies\": []\n}\n" }
        out += "  \"policies\": [\n"
        for (index, entry) in entries.enumerated() {
            let fields = [
                ("slug", entry.slug), ("title", entry.title),
                ("lastUpdated", entry.lastUpdated.description), ("nextReview", entry.nextReview.description),
                ("status", entry.status.rawValue),
                ("dueSoonFrom", entry.dueSoonFrom.description), ("overdueFrom", entry.overdueFrom.description),
            ]
            out += "    {\n"
            out += fields.map { "      \(JSONText.string($0.0)): \(JSONText.string($0.1))" }.joined(separator: ",\n")
            out += ",\n      \"owner\": \(entry.owner.map(JSONText.string) ?? "null")"
            out += ",\n      \"editedSinceReview\": \(entry.editedSinceReview)"
            out += "\n    }\(index == entries.count - 1 ? "" : ",")\n"
        }
        return out + "  ]\n}\n"
    }
}

/// JSON string literals (RFC 8259): quotes, backslashes and control characters escaped.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                // U+2028/2029 are valid JSON but break JavaScript that embeds it.
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
