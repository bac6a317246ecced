/// "What changed in the <Month YYYY> review" on a policy page: the changed blocks, each word
/// marked kept, removed or added, and the earlier text's page.
struct ReviewChangesView: Sendable {
    struct Word: Sendable {
        var text: String
        var isAdded: Bool
        var isRemoved: Bool
    }

    struct Block: Sendable {
        /// "Added", "Removed" or "Changed": shown in words, never by colour alone.
        var kind: String
        var isAdded: Bool
        var isRemoved: Bool
        var isChanged: Bool
        var words: [Word]
    }

    /// "What changed in the November 2026 review".
    var heading: String
    /// "September 2016": when the earlier text was approved.
    var earlierApproved: String
    /// The earlier text's page, relative to the policy page.
    var earlierURL: String
    var blocks: [Block]
    var hasChanges: Bool

    init(_ changes: ReviewChanges) {
        heading = "What changed in the \(changes.review.spelledOut) review"
        earlierApproved = changes.earlier.approved.spelledOut
        earlierURL = VersionPageView.url(of: changes.earlier.approved)
        blocks = (changes.difference?.changes ?? []).map(Self.block)
        hasChanges = !blocks.isEmpty
    }

    static func block(_ step: TextDifference.Step) -> Block {
        switch step {
        case .added(let text):
            let (noun, shown) = split(text)
            return Block(kind: "Added \(noun)", isAdded: true, isRemoved: false, isChanged: false,
                         words: [Word(text: display(shown), isAdded: true, isRemoved: false)])
        case .removed(let text):
            let (noun, shown) = split(text)
            return Block(kind: "Removed \(noun)", isAdded: false, isRemoved: true, isChanged: false,
                         words: [Word(text: display(shown), isAdded: false, isRemoved: true)])
        case .changed(var words):
            var noun = "paragraph"
            // A mark kept at the start ("- ", "## ") is named in words instead of shown.
            if case .same(let first)? = words.first {
                let (kind, rest) = split(first)
                noun = kind
                words[0] = .same(rest)
            }
            if case .same(let last)? = words.last { words[words.count - 1] = .same(display(last)) }
            return Block(kind: "Changed \(noun)", isAdded: false, isRemoved: false, isChanged: true, words: words.compactMap { word in
                switch word {
                case .same(let text): text.isEmpty ? nil : Word(text: text, isAdded: false, isRemoved: false)
                case .added(let text): Word(text: text, isAdded: true, isRemoved: false)
                case .removed(let text): Word(text: text, isAdded: false, isRemoved: true)
                }
            })
        case .same(let text):
            return Block(kind: "", isAdded: false, isRemoved: false, isChanged: false, words: [Word(text: display(text), isAdded: false, isRemoved: false)])
        }
    }

    /// What kind of block `text` starts (a heading, a list item, or a paragraph) and the text
    /// without its Markdown mark: "## Aims" is the heading "Aims".
    static func split(_ text: String) -> (noun: String, text: String) {
        let indent = text.prefix { $0 == " " }
        let line = text.dropFirst(indent.count)
        if line.hasPrefix("#") {
            let hashes = line.prefix { $0 == "#" }
            let rest = line.dropFirst(hashes.count)
            if hashes.count <= 6, rest.first == " " { return ("heading", String(rest.dropFirst())) }
        }
        if TextDifference.isListItem(line) {
            let mark = line.prefix { $0 != " " }
            return ("list item", String(line.dropFirst(mark.count + 1)))
        }
        return ("paragraph", text)
    }

    /// A block's Markdown as shown: its final line end dropped (the page breaks lines itself).
    static func display(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

/// One approved version in the list on a policy page.
struct VersionLinkView: Sendable {
    /// "September 2016".
    var approved: String
    var approvedISO: String
    /// Relative to the policy page: `versions/2016-09/`.
    var url: String
    /// True for the newest approved version.
    var isLatest: Bool
}
