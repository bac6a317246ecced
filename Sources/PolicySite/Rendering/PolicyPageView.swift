/// The view model of one policy page, and of its row in lists.
struct PolicyPageView: Sendable {
    struct ContentsEntry: Sendable {
        var id: String
        var text: String
    }

    struct HistoryEntry: Sendable {
        var reviewed: String
        var reviewedISO: String
        var note: String?
    }

    var page: PageContext
    var slug: String
    var url: String
    var title: String
    var summary: String?
    var owner: String?
    var lastUpdated: String
    var lastUpdatedISO: String
    var nextReview: String
    var review: ReviewStatusView
    /// HTML produced by the Markdown renderer; the only value rendered unescaped.
    var bodyHTML: String
    var contents: [ContentsEntry]
    var hasContents: Bool
    var history: [HistoryEntry]
    var hasHistory: Bool
    /// "Reviewed September 2016. Next review due September 2017."
    var reviewSummary: String
    /// What the latest review changed; nil before a second approved version exists.
    var changes: ReviewChangesView?
    /// Every approved version, newest first, each with its own page.
    var versions: [VersionLinkView]
    var hasVersions: Bool
    /// True when the text was changed after its last approval: the page tells parents so.
    var editedSinceReview: Bool
    /// "September 2016": the last approval, for that note.
    var lastApproved: String?
    /// The last approved text's page, relative to this one.
    var lastApprovedURL: String?

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
