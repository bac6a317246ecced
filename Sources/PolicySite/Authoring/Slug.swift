import Foundation

/// Page addresses made from titles: "Parent Code of Conduct" becomes `parent-code-of-conduct`.
public enum Slug {
    /// Letters a plain fold of accents does not reach.
    static let spelledOut: [Character: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "&": " and ",
    ]

    /// The slug for `title`: lower-case ASCII letters, digits and single hyphens. Accented
    /// letters lose their accents, apostrophes vanish ("Children's" → `childrens`), other
    /// letters that have no ASCII form are dropped. Nil when nothing usable is left.
    public static func make(from title: String) -> String? {
        let expanded = title.map { spelledOut[$0] ?? String($0) }.joined()
        let folded = expanded.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            case "'", "\u{2019}", "\u{2018}":
                continue
            case _ where scalar.isASCII:
                pendingHyphen = true
            case _ where scalar.properties.isWhitespace || scalar.properties.generalCategory.isSeparatorOrPunctuation:
                pendingHyphen = true
            default:
                continue
            }
        }
        return PolicyParser.isValidSlug(slug) ? slug : nil
    }
}

private extension Unicode.GeneralCategory {
    var isSeparatorOrPunctuation: Bool {
        switch self {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .connectorPunctuation, .mathSymbol:
            true
        default:
            false
        }
    }
}
