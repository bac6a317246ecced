/// The view model of the home page: the organisation and every policy with its status.
struct IndexPageView: Sendable {
    var page: PageContext
    var policies: [PolicyPageView]
    var policyCount: String
    /// "1 policy is overdue for review", or nil when none is.
    var overdueSummary: String?
    var dueSoonSummary: String?
    var allCurrent: Bool

    init(policies: [PolicyPageView], page: PageContext) {
        self.page = page
        self.policies = policies
        policyCount = policies.count == 1 ? "1 policy" : "\(policies.count) policies"
        let overdue = policies.filter(\.review.isOverdue).count
        let dueSoon = policies.filter(\.review.isDueSoon).count
        overdueSummary = overdue == 0 ? nil : "\(overdue == 1 ? "1 policy is" : "\(overdue) policies are") overdue for review."
        dueSoonSummary = dueSoon == 0 ? nil : "\(dueSoon == 1 ? "1 policy is" : "\(dueSoon) policies are") due for review soon."
        allCurrent = overdue == 0 && dueSoon == 0
    }
}
