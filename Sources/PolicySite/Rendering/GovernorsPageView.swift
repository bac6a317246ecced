/// The view model of the governors' page: the review schedule, the most urgent first.
struct GovernorsPageView: Sendable {
    struct Row: Sendable {
        var title: String
        var url: String
        var lastUpdated: String
        var lastUpdatedISO: String
        var nextReview: String
        var review: ReviewStatusView
        /// "in 2 months", "9 years and 2 months ago".
        var timing: String
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
                nextReview: entry.nextReview.spelledOut,
                review: ReviewStatusView(status: entry.status, sentence: entry.sentence, nextReview: entry.nextReview,
                                         dueSoonFrom: entry.dueSoonFrom, overdueFrom: entry.overdueFrom),
                timing: entry.timing)
        }
        let total = report.entries.count == 1 ? "1 policy" : "\(report.entries.count) policies"
        summary = "\(total): \(report.count(.overdue)) overdue, \(report.count(.dueSoon)) due for review soon, \(report.count(.current)) up to date."
        self.dueSoonMonths = dueSoonMonths == 1 ? "month" : "\(dueSoonMonths) months"
    }
}
