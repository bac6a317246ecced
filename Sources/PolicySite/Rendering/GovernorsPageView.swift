/// The view model of the governors' page: the review schedule, the most urgent first.
/// A final class, as its rows are (see PolicyPageView).
final class GovernorsPageView: Sendable {
    final class Row: Sendable {
        let title: String
        let url: String
        let lastUpdated: String
        let lastUpdatedISO: String
        let nextReview: String
        let review: ReviewStatusView
        /// "in 2 months", "9 years and 2 months ago".
        let timing: String
        /// The role who must act, or "Not named".
        let owner: String
        /// True when the text differs from its last approved version.
        let editedSinceReview: Bool
        /// "September 2016": the last approval, when one is recorded.
        let lastApproved: String?

        init(title: String, url: String, lastUpdated: String, lastUpdatedISO: String, nextReview: String, review: ReviewStatusView,
             timing: String, owner: String, editedSinceReview: Bool, lastApproved: String?) {
            self.title = title
            self.url = url
            self.lastUpdated = lastUpdated
            self.lastUpdatedISO = lastUpdatedISO
            self.nextReview = nextReview
            self.review = review
            self.timing = timing
            self.owner = owner
            self.editedSinceReview = editedSinceReview
            self.lastApproved = lastApproved
        }
    }

    let page: PageContext
    let rows: [Row]
    /// "As of 15 August 2017: 1 overdue, 1 due soon, 2 current."
    let summary: String
    let dueSoonMonths: String
    /// `webcal://…/reviews.ics`, for a calendar to subscribe to; nil when base-url is not http(s).
    let calendarSubscriptionURL: String?
    /// "1 policy was edited since its last review." when any was; nil otherwise.
    let editedSummary: String?

    init(report: StatusReport, dueSoonMonths: Int, page: PageContext, baseURL: String = "") {
        self.page = page
        rows = report.entries.map { entry in
            Row(title: entry.title, url: "policies/\(entry.slug)/",
                lastUpdated: entry.lastUpdated.spelledOut, lastUpdatedISO: entry.lastUpdated.description,
                nextReview: entry.nextReview.spelledOut,
                review: ReviewStatusView(status: entry.status, sentence: entry.sentence, nextReview: entry.nextReview,
                                         dueSoonFrom: entry.dueSoonFrom, overdueFrom: entry.overdueFrom),
                timing: entry.timing, owner: entry.owner ?? "Not named", editedSinceReview: entry.editedSinceReview,
                lastApproved: entry.lastApproved?.spelledOut)
        }
        let edited = report.entries.filter(\.editedSinceReview).count
        editedSummary = edited == 0 ? nil
            : "\(edited == 1 ? "1 policy was" : "\(edited) policies were") edited since its last review: the text published is not the one the governors approved."
        calendarSubscriptionURL = Self.webcal(baseURL + "reviews.ics")
        let words = ReviewWords.english
        summary = ReviewWords.fill(words.governorsSummary, [
            "policies": words.policyCount(report.entries.count), "overdue": String(report.count(.overdue)),
            "dueSoon": String(report.count(.dueSoon)), "current": String(report.count(.current)),
        ])
        self.dueSoonMonths = dueSoonMonths == 1 ? "month" : "\(dueSoonMonths) months"
    }

    /// `https://host/path` as `webcal://host/path`, the address calendar programs subscribe to.
    static func webcal(_ url: String) -> String? {
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
            return "webcal://" + url.dropFirst(scheme.count)
        }
        return nil
    }
}
