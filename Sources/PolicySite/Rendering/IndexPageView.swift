/// The view model of the home page: the organisation and every policy with its status.
final class IndexPageView: Sendable {
    let page: PageContext
    let policies: [PolicyPageView]
    let policyCount: String
    /// "3 policies in all."
    let policyTotal: String
    /// "1 policy is overdue for review", or nil when none is.
    let overdueSummary: String?
    let dueSoonSummary: String?
    let allCurrent: Bool

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
