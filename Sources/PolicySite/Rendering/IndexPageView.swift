/// The view model of the home page: the organisation and every policy with its status.
struct IndexPageView: Sendable {
    var page: PageContext
    var policies: [PolicyPageView]
    var policyCount: String
    /// "3 policies in all."
    var policyTotal: String
    /// "1 policy is overdue for review", or nil when none is.
    var overdueSummary: String?
    var dueSoonSummary: String?
    var allCurrent: Bool

    init(policies: [PolicyPageView], page: PageContext) {
        self.page = page
        self.policies = policies
        let words = ReviewWords.english
        policyCount = words.policyCount(policies.count)
        policyTotal = ReviewWords.fill(words.indexTotal, ["policies": policyCount])
        let overdue = policies.filter(\.review.isOverdue).count
        let dueSoon = policies.filter(\.review.isDueSoon).count
        overdueSummary = overdue == 0 ? nil : words.indexOverdue(overdue)
        dueSoonSummary = dueSoon == 0 ? nil : words.indexDueSoon(dueSoon)
        allCurrent = overdue == 0 && dueSoon == 0
    }
}
