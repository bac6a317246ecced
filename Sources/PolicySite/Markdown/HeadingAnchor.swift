/// Stable ids for headings, so a parent can link to a section: lower-case words joined by `-`.
enum HeadingAnchor {
    /// "What is Twitter?" becomes `what-is-twitter`; a repeat becomes `what-is-twitter-2`.
    static func uniqueID(for text: String, avoiding used: inout Set<String>) -> String {
        let base = slug(for: text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// ASCII letters and digits kept (lower-cased), every other run of characters one `-`.
    public static func slug(for text: String) -> String {
        // Built as bytes (only ASCII letters, digits and '-' go in): appending to a String's
        // scalars was 2.2% of a 1,000-policy build (callgrind).
        var slug: [UInt8] = []
        var pendingDash = false
        for scalar in text.unicodeScalars {
            // ASCII tests written out: `scalar.properties` looks up Unicode tables, 5% of a
            // 1,000-policy build (perf), and for ASCII gives exactly these ranges.
            let value = scalar.value
            let isUpper = value >= 0x41 && value <= 0x5A
            if isUpper || (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(UInt8(value) | (isUpper ? 0x20 : 0))
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}
