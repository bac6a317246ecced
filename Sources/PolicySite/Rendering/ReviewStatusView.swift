/// A policy's review status as every page shows it: the words, the icon's switches, and the
/// dates `assets/review-status.js` needs to recompute it on the reader's own day.
struct ReviewStatusView: Sendable {
    /// `current`, `due-soon` or `overdue`: for classes and `data-status`.
    var status: String
    var statusLabel: String
    /// ✓, ! or ✕, shown before the label.
    var statusIcon: String
    var statusSentence: String
    var isCurrent: Bool
    var isDueSoon: Bool
    var isOverdue: Bool
    var nextReviewISO: String
    var dueSoonFromISO: String
    var overdueFromISO: String

    init(status: ReviewStatus, sentence: String, nextReview: ReviewDate, dueSoonFrom: CalendarDay, overdueFrom: CalendarDay) {
        self.status = status.rawValue
        statusLabel = status.label
        statusIcon = status.icon
        statusSentence = sentence
        isCurrent = status == .current
        isDueSoon = status == .dueSoon
        isOverdue = status == .overdue
        nextReviewISO = nextReview.description
        dueSoonFromISO = dueSoonFrom.description
        overdueFromISO = overdueFrom.description
    }
}
