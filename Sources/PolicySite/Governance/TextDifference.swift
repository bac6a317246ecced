/// What changed between two approved texts: block by block (a paragraph, a list item, a
/// heading), and inside a changed block word by word.
///
/// Both texts are first normalised (`ApprovedText.normalized`). The difference is complete:
/// `apply(to:)` turns the earlier text into the later one exactly, which the tests check on
/// random texts.
struct TextDifference: Sendable, Hashable {
    /// One step over the earlier text's blocks.
    enum Step: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
        /// A block edited in place: its words, each kept, removed or added.
        case changed([Word])
    }

    public enum Word: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public var steps: [Step]

    /// Blocks larger than this many words are compared as wholes (removed, then added), so
    /// that a pathological paragraph cannot make the comparison quadratic in the text.
    static let wordComparisonLimit = 4_000
    /// Above this many block pairs the middle of two texts is compared as wholes too.
    static let blockComparisonLimit = 4_000_000

    public init(from earlier: String, to later: String) {
        self.init(normalizedFrom: ApprovedText.normalized(earlier), to: ApprovedText.normalized(later))
    }

    /// The difference of two texts already normalised (`ApprovedVersion.normalizedMarkdown`).
    public init(normalizedFrom earlier: String, to later: String) {
        steps = Self.pairChangedBlocks(Self.align(Self.blocks(of: earlier), Self.blocks(of: later), limit: Self.blockComparisonLimit))
    }

    /// The steps that change something: what a reader is shown.
    public var changes: [Step] {
        steps.filter {
            switch $0 {
            case .same: false
            case .removed(let text), .added(let text): !text.allSatisfy(\.isWhitespace)
            case .changed: true
            }
        }
    }

    /// The later text, made from `earlier` (normalised) by these steps; nil when the steps do
    /// not fit `earlier`.
    func apply(to earlier: String) -> String? {
        var remaining = Self.blocks(of: ApprovedText.normalized(earlier))[...]
        var out = ""
        for step in steps {
            switch step {
            case .same(let text):
                guard remaining.first == text else { return nil }
                remaining = remaining.dropFirst()
                out += text
            case .removed(let text):
                guard remaining.first == text else { return nil }
                remaining = remaining.dropFirst()
            case .added(let text):
                out += text
            case .changed(let words):
                var before = "", after = ""
                for word in words {
                    switch word {
                    case .same(let w): before += w; after += w
                    case .removed(let w): before += w
                    case .added(let w): after += w
                    }
                }
                guard remaining.first == before else { return nil }
                remaining = remaining.dropFirst()
                out += after
            }
        }
        return remaining.isEmpty ? out : nil
    }

    // MARK: Blocks

    /// The text cut into blocks, each with its line ends: a blank line is a block of its own,
    /// and a new block starts after a blank line, at a list item, and at and after a heading,
    /// so that a removed bullet is one removed block.
    static func blocks(of text: String) -> [String] {
        // On UTF-8 bytes (every byte looked at is ASCII): Characters were most of the time.
        var blocks: [String] = []
        var current: [UInt8] = []
        var previousWasHeading = false
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            let trimmed = line.drop { $0 == 0x20 }
            let isBlank = trimmed.isEmpty
            let isHeading = trimmed.first == 0x23
            if isBlank || isHeading || previousWasHeading || isListItem(trimmed) {
                if !current.isEmpty { blocks.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
            if isBlank {
                blocks.append("\n")
            } else {
                current += line
                current.append(0x0A)
            }
            previousWasHeading = isHeading
            start = end + 1
        }
        if !current.isEmpty { blocks.append(String(decoding: current, as: UTF8.self)) }
        return blocks
    }

    /// `- `, `* `, `+ `, `1. ` or `1) ` at the start of a line.
    static func isListItem(_ line: Substring) -> Bool {
        isListItem(Array(line.utf8)[...])
    }

    static func isListItem(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if first == 0x2D || first == 0x2A || first == 0x2B { return line.dropFirst().first == 0x20 }
        let digits = line.prefix { (0x30...0x39).contains($0) }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = line.dropFirst(digits.count)
        return (rest.first == 0x2E || rest.first == 0x29) && rest.dropFirst().first == 0x20
    }

    // MARK: Alignment

    enum Edit<T: Hashable>: Hashable { case same(T), removed(T), added(T) }

    /// A longest common subsequence of `a` and `b`, as edits; a common start and end are taken
    /// off first, and when the rest is larger than `limit` pairs it is all removed then added.
    static func align<T: Hashable>(_ a: [T], _ b: [T], limit: Int) -> [Edit<T>] {
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        let middleA = Array(a[start..<endA]), middleB = Array(b[start..<endB])
        var edits: [Edit<T>] = a[..<start].map { Edit<T>.same($0) }
        let n = middleA.count, m = middleB.count
        if n == 0 || m == 0 || n * m > limit {
            edits += middleA.map { Edit<T>.removed($0) } + middleB.map { Edit<T>.added($0) }
        } else {
            // lengths[i][j]: the longest common subsequence of middleA[i...] and middleB[j...].
            var lengths = [Int](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] = middleA[i] == middleB[j]
                        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
            var i = 0, j = 0
            while i < n, j < m {
                if middleA[i] == middleB[j] {
                    edits.append(.same(middleA[i])); i += 1; j += 1
                } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                    edits.append(.removed(middleA[i])); i += 1
                } else {
                    edits.append(.added(middleB[j])); j += 1
                }
            }
            edits += middleA[i...].map { Edit<T>.removed($0) } + middleB[j...].map { Edit<T>.added($0) }
        }
        return edits + a[endA...].map { Edit<T>.same($0) }
    }

    /// Between unchanged blocks, a removed block and an added one that share at least half of
    /// their words are one block changed word by word; the rest stay removed or added.
    static func pairChangedBlocks(_ edits: [Edit<String>]) -> [Step] {
        var steps: [Step] = []
        var index = 0
        while index < edits.count {
            if case .same(let text) = edits[index] {
                steps.append(.same(text))
                index += 1
                continue
            }
            var removed: [String] = [], added: [String] = []
            while index < edits.count {
                switch edits[index] {
                case .same: break
                case .removed(let text): removed.append(text)
                case .added(let text): added.append(text)
                }
                if case .same = edits[index] { break }
                index += 1
            }
            steps += pair(removed, added)
        }
        return steps
    }

    /// Removed and added blocks in order, similar ones paired (in order on both sides).
    static func pair(_ removed: [String], _ added: [String]) -> [Step] {
        var steps: [Step] = []
        var nextAdded = 0
        for block in removed {
            let match = block == "\n" ? nil : added[nextAdded...].firstIndex { $0 != "\n" && similarity(block, $0) >= 0.5 }
            guard let match else {
                steps.append(.removed(block))
                continue
            }
            steps += added[nextAdded..<match].map { Step.added($0) }
            steps.append(.changed(words(from: block, to: added[match])))
            nextAdded = match + 1
        }
        return steps + added[nextAdded...].map { Step.added($0) }
    }

    /// The share of words two blocks have in common (Dice's coefficient over a common subsequence).
    static func similarity(_ a: String, _ b: String) -> Double {
        let wordsA = tokens(a).filter { !isSpace($0) }, wordsB = tokens(b).filter { !isSpace($0) }
        guard !wordsA.isEmpty, !wordsB.isEmpty, wordsA.count * wordsB.count <= wordComparisonLimit * 50 else { return 0 }
        let common = align(wordsA, wordsB, limit: .max).filter { edit in
            if case .same = edit { return true }
            return false
        }.count
        return 2 * Double(common) / Double(wordsA.count + wordsB.count)
    }

    // MARK: Words

    /// True for a token of `tokens(_:)` made of spaces.
    static func isSpace(_ token: String) -> Bool {
        guard let first = token.utf8.first else { return false }
        return first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D
    }

    /// Runs of ASCII spaces (space, tab, line end) and runs of everything else, so that joined
    /// they give the text back. Bytes, not Characters, for speed; a UTF-8 sequence is never cut
    /// because its bytes are never ASCII.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var currentIsSpace = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !current.isEmpty, isSpace != currentIsSpace {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(byte)
            currentIsSpace = isSpace
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// The words of `a` turned into those of `b`, with neighbouring words of one kind joined,
    /// and a single space between two changes counted into both, so a reader sees
    /// "~~old words~~ new words" rather than a word-by-word patchwork.
    static func words(from a: String, to b: String) -> [Word] {
        let ta = tokens(a), tb = tokens(b)
        let edits = ta.count > wordComparisonLimit || tb.count > wordComparisonLimit
            ? ta.map { Edit.removed($0) } + tb.map { Edit.added($0) }
            : align(ta, tb, limit: .max)
        var words: [Word] = []
        var index = 0
        while index < edits.count {
            let edit = edits[index]
            if case .same(let token) = edit, isSpace(token), token != "\n", index > 0, index < edits.count - 1,
               !isSame(edits[index - 1]), !isSame(edits[index + 1]) {
                words.append(.removed(token))
                words.append(.added(token))
            } else {
                switch edit {
                case .same(let t): words.append(.same(t))
                case .removed(let t): words.append(.removed(t))
                case .added(let t): words.append(.added(t))
                }
            }
            index += 1
        }
        return merged(words)
    }

    private static func isSame(_ edit: Edit<String>) -> Bool {
        if case .same = edit { true } else { false }
    }

    /// Neighbouring words of one kind joined; between two kept runs, removals come before additions.
    static func merged(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        var removed = "", added = ""
        func flush() {
            if !removed.isEmpty { out.append(.removed(removed)) }
            if !added.isEmpty { out.append(.added(added)) }
            removed = ""
            added = ""
        }
        for word in words {
            switch word {
            case .removed(let w): removed += w
            case .added(let w): added += w
            case .same(let w):
                flush()
                if case .same(let previous)? = out.last {
                    out[out.count - 1] = .same(previous + w)
                } else {
                    out.append(.same(w))
                }
            }
        }
        flush()
        return out
    }
}
