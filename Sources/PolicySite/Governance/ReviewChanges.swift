/// What one review changed in a policy's text: the difference between the text it approved
/// and the one approved before, or nothing when the review kept the text as it was.
struct ReviewChanges: Sendable {
    /// The review: "What changed in the <review> review".
    public var review: ReviewDate
    /// The text approved before it, whose page the reader can open.
    public var earlier: ApprovedVersion
    /// Nil when the review approved the earlier text unchanged.
    var difference: TextDifference?

    /// The changes of `policy`'s latest review, or nil when there is nothing to compare: no
    /// approved version, or only the first one.
    public init?(latestReviewOf policy: Policy) {
        guard let last = policy.versions.last else { return nil }
        let document = policy.document
        let latestReview = document.history.map(\.reviewed).reduce(document.lastUpdated, max)
        if latestReview > last.approved {
            self.init(review: latestReview, earlier: last, difference: nil)
        } else if policy.versions.count >= 2 {
            let earlier = policy.versions[policy.versions.count - 2]
            self.init(review: last.approved, earlier: earlier, difference: TextDifference(normalizedFrom: earlier.normalizedMarkdown, to: last.normalizedMarkdown))
        } else {
            return nil
        }
    }

    /// The changes of the review on `date`, for its feed entry: nil when no earlier text is recorded.
    public init?(reviewOn date: ReviewDate, of policy: Policy) {
        guard let earlier = policy.versions.last(where: { $0.approved < date }) else { return nil }
        if let approved = policy.versions.first(where: { $0.approved == date }) {
            self.init(review: date, earlier: earlier, difference: TextDifference(normalizedFrom: earlier.normalizedMarkdown, to: approved.normalizedMarkdown))
        } else {
            self.init(review: date, earlier: earlier, difference: nil)
        }
    }

    init(review: ReviewDate, earlier: ApprovedVersion, difference: TextDifference?) {
        self.review = review
        self.earlier = earlier
        self.difference = difference
    }

    /// One sentence for a feed: the added and removed sentences, shortened; at most three
    /// changes are named, then how many more there are.
    public var summary: String {
        guard let changes = difference?.changes, !changes.isEmpty else {
            return "The text did not change."
        }
        let named = changes.prefix(3).map { step -> String in
            switch step {
            case .added(let text): return "Added: “\(Self.shortened(text))”"
            case .removed(let text): return "Removed: “\(Self.shortened(text))”"
            case .changed(let words):
                let removed = words.compactMap { word -> String? in
                    if case .removed(let w) = word { return w }
                    return nil
                }.joined(separator: " … ")
                let added = words.compactMap { word -> String? in
                    if case .added(let w) = word { return w }
                    return nil
                }.joined(separator: " … ")
                switch (removed.allSatisfy(\.isWhitespace), added.allSatisfy(\.isWhitespace)) {
                case (true, _): return "Added the words “\(Self.shortened(added))”"
                case (_, true): return "Removed the words “\(Self.shortened(removed))”"
                default: return "Changed “\(Self.shortened(removed))” to “\(Self.shortened(added))”"
                }
            case .same(let text): return Self.shortened(text)
            }
        }
        let more = changes.count - named.count
        return named.joined(separator: ". ") + "." + (more > 0 ? " And \(more) more \(more == 1 ? "change" : "changes")." : "")
    }

    /// `text` on one line, its list or heading mark dropped, cut to about 80 characters at a word.
    static func shortened(_ text: String, limit: Int = 80) -> String {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, first.allSatisfy({ "#-*+".contains($0) }) || (first.dropLast().allSatisfy(\.isASCIIDigit) && (first.last == "." || first.last == ")")) {
            words.removeFirst()
        }
        var out = ""
        for word in words {
            if !out.isEmpty, out.count + 1 + word.count > limit { return out + " …" }
            out += out.isEmpty ? String(word.prefix(limit)) : " " + word
        }
        return out
    }
}
