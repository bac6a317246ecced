/// The view model of the governors' page: the review schedule, the most urgent first.
struct GovernorsPageView: Sendable {
    struct Row: Sendable {
        var title: String
        var url: String
        var lastUpdated: String
        var lastUpdatedISO: String
        var nextReview: String
        var nextReviewISO: String
        var dueSoonFromISO: String
        var overdueFromISO: String
        var status: String
        var statusLabel: String
        var statusSentence: String
        /// "in 2 months", "9 years and 2 months ago".
        var timing: String
        var isCurrent: Bool
        var isDueSoon: Bool
        var isOverdue: Bool
    }

    var page: PageContext
    var rows: [Row]
    /// "As of 15 August 2017: 1 overdue, 1 due soon, 2 current."
    var summary: String
    var dueSoonMonths: String

    init(report: StatusReport, dueSoonMonths: Int, page: PageContext) {
        self.page = page
        rows = report.entries.map { entry in
            Row(title: entry.title, url: "policies/\(entry.slug)/",
                lastUpdated: entry.lastUpdated.spelledOut, lastUpdatedISO: entry.lastUpdated.description,
                nextReview: entry.nextReview.spelledOut, nextReviewISO: entry.nextReview.description,
                dueSoonFromISO: entry.dueSoonFrom.description, overdueFromISO: entry.overdueFrom.description,
                status: entry.status.rawValue, statusLabel: entry.status.label, statusSentence: entry.sentence,
                timing: entry.timing, isCurrent: entry.status == .current, isDueSoon: entry.status == .dueSoon,
                isOverdue: entry.status == .overdue)
        }
        let total = report.entries.count == 1 ? "1 policy" : "\(report.entries.count) policies"
        summary = "\(total): \(report.count(.overdue)) overdue, \(report.count(.dueSoon)) due for review soon, \(report.count(.current)) up to date."
        self.dueSoonMonths = dueSoonMonths == 1 ? "month" : "\(dueSoonMonths) months"
    }
}
