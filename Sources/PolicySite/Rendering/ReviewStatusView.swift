/// A policy's review status as every page shows it: the words, the icon's switches, and the
/// dates `assets/review-status.js` needs to recompute it on the reader's own day.
final class ReviewStatusView: Sendable {
    /// `current`, `due-soon` or `overdue`: for classes and `data-status`.
    let status: String
    let statusLabel: String
    /// ✓, ! or ✕, shown before the label.
    let statusIcon: String
    let statusSentence: String
    let isCurrent: Bool
    let isDueSoon: Bool
    let isOverdue: Bool
    let nextReviewISO: String
    let dueSoonFromISO: String
    let overdueFromISO: String

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
