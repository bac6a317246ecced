/// Stable ids for headings, so a parent can link to a section: lower-case words joined by `-`.
public enum HeadingAnchor {
    /// "What is Twitter?" becomes `what-is-twitter`; a repeat becomes `what-is-twitter-2`.
    public static func uniqueID(for text: String, avoiding used: inout Set<String>) -> String {
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
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: scalar) | (scalar.properties.isUppercase ? 0x20 : 0)))
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) { self = UInt8(scalar.value) }
}
