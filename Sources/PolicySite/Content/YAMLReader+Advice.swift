import Yams

/// Advice on YAML that reads without error but not as its author meant: a misspelt key,
/// a value in curly quotes.
extension YAMLReader {
    /// The known key `name` was probably meant as: the same after folding case, '_' and
    /// spaces into '-', or at most two letters away.
    static func suggestion(for name: String, among known: [String]) -> String? {
        let folded = String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        if let same = known.first(where: { $0 == folded }) { return same }
        let limit = folded.count >= 8 ? 2 : 1
        let ranked = known.map { ($0, editDistance(folded, $0)) }.filter { $0.1 <= limit }.sorted { $0.1 < $1.1 }
        return ranked.first?.0
    }

    /// Edits (a letter added, dropped, changed, or two neighbours swapped: 'titel' is one
    /// from 'title') between two texts, over Characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        // ASCII text without a carriage return has one Character per byte: the same distance on
        // bytes, without an array of Characters and a new row for every letter. Character by
        // Character, "did you mean" over 1,000 policy slugs was 1.7% of a build (callgrind).
        let isPlain = { (text: String) in text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        guard isPlain(a), isPlain(b) else { return editDistanceByCharacters(a, b) }
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1), previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `editDistance` Character by Character: the rule for any text.
    static func editDistanceByCharacters(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = [Int](), previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            before = previous
            previous = current
        }
        return previous[b.count]
    }

    /// Warns about every plain value written inside curly quotes (“…” or ‘…’, as a word
    /// processor types them): YAML keeps them as part of the text, so a title would show them.
    mutating func warnAboutCurlyQuotes(in node: Node, key: String? = nil) {
        switch node {
        case .mapping(let mapping):
            for (name, value) in mapping { warnAboutCurlyQuotes(in: value, key: name.string) }
        case .sequence(let items):
            for item in items { warnAboutCurlyQuotes(in: item, key: key) }
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any, let first = scalar.string.first, let last = scalar.string.last,
                  scalar.string.count >= 2, let closing = Self.curlyPairs[first], closing.contains(last) else { return }
            let inner = scalar.string.dropFirst().dropLast()
            let what = key.map { "the value of '\($0)'" } ?? "this value"
            bag.append(.warning(at: location(node), "\(what) is in curly quotes \(first)…\(last), which YAML keeps as part of the text",
                                expected: "straight quotes or none: \(key.map { "\($0): " } ?? "")\"\(inner)\""))
        default:
            return
        }
    }

    static let curlyPairs: [Character: Set<Character>] = [
        "\u{201C}": ["\u{201D}", "\u{201C}"], "\u{2018}": ["\u{2019}", "\u{2018}"], "\u{201E}": ["\u{201D}", "\u{201C}"],
        "\u{00AB}": ["\u{00BB}"],
    ]
}
