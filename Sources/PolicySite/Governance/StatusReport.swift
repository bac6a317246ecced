/// The review schedule as governors read it: every policy's status on one day, the most
/// urgent first. `policysite status`, `status.json` and the governors' page all show this.
public struct StatusReport: Sendable, Hashable {
    /// One policy's row.
    public struct Entry: Sendable, Hashable {
        public var slug: String
        public var title: String
        public var lastUpdated: ReviewDate
        public var nextReview: ReviewDate
        public var status: ReviewStatus
        var dueSoonFrom: CalendarDay
        var overdueFrom: CalendarDay
        /// How long until or since the review is due: "in 2 months", "this month", "9 years and 2 months ago".
        public var timing: String
        /// The banner's sentence, e.g. "This policy was due for review in September 2017, 9 years and 2 months ago."
        public var sentence: String
        /// The role who must act on the review (front matter `owner`), when given.
        public var owner: String?
        /// True when the text differs from its last approved version.
        var editedSinceReview: Bool = false
        /// When the last approved version was approved, when one is recorded.
        var lastApproved: ReviewDate? = nil
    }

    /// The versioned name of the JSON form; bumped when a change would break a reader.
    public static let schema = "policysite/status/v1"

    public var asOf: CalendarDay
    /// Overdue first, then due soon, then current; within each, the earliest review first, then by title.
    public var entries: [Entry]

    public init(site: Site) {
        asOf = site.asOf
        let entries = site.policies.map { policy in
            Entry(slug: policy.slug, title: policy.document.title, lastUpdated: policy.document.lastUpdated,
                  nextReview: policy.document.nextReview, status: policy.status,
                  dueSoonFrom: policy.schedule.dueSoonFrom, overdueFrom: policy.schedule.overdueFrom,
                  timing: policy.schedule.timing(on: site.asOf), sentence: policy.statusSentence, owner: policy.document.owner,
                  editedSinceReview: policy.editedSinceReview, lastApproved: policy.versions.last?.approved)
        }
        // By the title's rank (`Site.titleRanks`), the indices sorted rather than the entries:
        // the same order as comparing lowered titles, without lowering them in every comparison.
        let ranks = site.titleRanks()
        let keys = entries.map { (status: $0.status, overdueFrom: $0.overdueFrom) }
        self.entries = entries.indices.sorted { a, b in
            if keys[a].status != keys[b].status { return keys[a].status > keys[b].status }
            return (keys[a].overdueFrom, ranks[a]) < (keys[b].overdueFrom, ranks[b])
        }.map { entries[$0] }
    }

    /// The number of policies in `status`.
    public func count(_ status: ReviewStatus) -> Int {
        entries.filter { $0.status == status }.count
    }

    /// True when some policy is at `threshold` or past it (overdue is past due soon).
    public func hasPolicy(atOrPast threshold: ReviewStatus) -> Bool {
        entries.contains { $0.status >= threshold }
    }
}

extension StatusReport {
    /// Loads the content directory and works out every status on `asOf`; the warnings of the
    /// load (unknown keys, say) come back beside the report.
    public static func load(from contentDirectory: String, asOf: CalendarDay, io: FileIO = .disk) throws -> (StatusReport, [Diagnostic]) {
        let content = try ContentLoader(io: io).load(from: contentDirectory)
        return (StatusReport(site: Site(content: content, asOf: asOf)), content.warnings)
    }
}
