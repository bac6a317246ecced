/// The view model of one policy page, and of its row in lists.
/// A final class, as are the other view models the big pages read many times: swift-mustache
/// casts the object out of `Any` at every `{{key}}`, and a class is copied as one reference
/// where a struct was copied field by field into a new box (BENCHMARKS.md, "1,000 policies").
final class PolicyPageView: Sendable {
    final class ContentsEntry: Sendable {
        let id: String
        let text: String

        init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }

    final class HistoryEntry: Sendable {
        let reviewed: String
        let reviewedISO: String
        let note: String?

        init(reviewed: String, reviewedISO: String, note: String?) {
            self.reviewed = reviewed
            self.reviewedISO = reviewedISO
            self.note = note
        }
    }

    let page: PageContext
    let slug: String
    let url: String
    let title: String
    let summary: String?
    let owner: String?
    let lastUpdated: String
    let lastUpdatedISO: String
    let nextReview: String
    let review: ReviewStatusView
    /// HTML produced by the Markdown renderer; the only value rendered unescaped.
    let bodyHTML: String
    let contents: [ContentsEntry]
    let hasContents: Bool
    let history: [HistoryEntry]
    let hasHistory: Bool
    /// "Reviewed September 2016. Next review due September 2017."
    let reviewSummary: String
    /// What the latest review changed; nil before a second approved version exists.
    let changes: ReviewChangesView?
    /// Every approved version, newest first, each with its own page.
    let versions: [VersionLinkView]
    let hasVersions: Bool
    /// True when the text was changed after its last approval: the page tells parents so.
    let editedSinceReview: Bool
    /// "September 2016": the last approval, for that note.
    let lastApproved: String?
    /// The last approved text's page, relative to this one.
    let lastApprovedURL: String?

    /// A policy with three or more top-level sections gets a contents list.
    static let minimumSectionsForContents = 3

    init(policy: Policy, rendered: RenderedMarkdown, page: PageContext) {
        let document = policy.document
        self.page = page
        slug = document.slug
        url = "policies/\(document.slug)/"
        title = document.title
        summary = document.summary
        owner = document.owner
        lastUpdated = document.lastUpdated.spelledOut
        lastUpdatedISO = document.lastUpdated.description
        nextReview = document.nextReview.spelledOut
        review = ReviewStatusView(status: policy.status, sentence: policy.statusSentence, nextReview: document.nextReview,
                                  dueSoonFrom: policy.schedule.dueSoonFrom, overdueFrom: policy.schedule.overdueFrom)
        bodyHTML = rendered.html
        let topLevel = rendered.headings.map(\.level).min()
        contents = rendered.headings.filter { $0.level == topLevel }.map { ContentsEntry(id: $0.id, text: $0.text) }
        hasContents = contents.count >= Self.minimumSectionsForContents
        history = document.history.reversed().map {
            HistoryEntry(reviewed: $0.reviewed.spelledOut, reviewedISO: $0.reviewed.description, note: $0.note)
        }
        hasHistory = !history.isEmpty
        reviewSummary = "Reviewed \(document.lastUpdated.spelledOut). Next review due \(document.nextReview.spelledOut)."
        changes = ReviewChanges(latestReviewOf: policy).map(ReviewChangesView.init)
        versions = VersionPageView.links(of: policy, from: "")
        hasVersions = !versions.isEmpty
        editedSinceReview = policy.editedSinceReview
        lastApproved = policy.versions.last?.approved.spelledOut
        lastApprovedURL = policy.versions.last.map { VersionPageView.url(of: $0.approved) }
    }
}
