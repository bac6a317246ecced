/// Where a policy stands against its next review date on a given day.
public enum ReviewStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case current
    case dueSoon = "due-soon"
    case overdue

    /// Words for a parent, shown before the sentence so that colour is never the only signal.
    public var label: String { ReviewWords.english.words(for: self).label }

    /// The icon beside the label: ✓, ! or ✕.
    var icon: String { ReviewWords.english.words(for: self).icon }

    private var rank: Int {
        switch self {
        case .current: 0
        case .dueSoon: 1
        case .overdue: 2
        }
    }

    public static func < (a: ReviewStatus, b: ReviewStatus) -> Bool { a.rank < b.rank }
}
