/// The model of a whole site on one day: what the pages show, with no HTML in it.
public struct Site: Sendable {
    public var configuration: SiteConfiguration
    /// The reference day for every review status (today, or `--as-of`).
    public var asOf: CalendarDay
    /// Sorted by title, so every list reads alphabetically.
    public var policies: [Policy]
    /// The transparency report; nil when the site has no moderation log.
    public var report: TransparencyReport?

    public init(configuration: SiteConfiguration, asOf: CalendarDay, policies: [Policy], report: TransparencyReport? = nil) {
        self.configuration = configuration
        self.asOf = asOf
        self.policies = policies
        self.report = report
    }

    /// Works out every policy's review status on `asOf`, and the report's protected figures.
    public init(content: SiteContent, asOf: CalendarDay, moderation: ReportStatistics?) {
        self.init(content: content, asOf: asOf, figures: moderation.map {
            ClosedFigures(statistics: $0, closedThrough: ClosedFigures.closedThrough(asOf: asOf), threshold: content.configuration.suppressionThreshold)
        })
    }

    /// By title in lower case, then slug; each title lowered once, not in every comparison
    /// (1% of a 1,000-policy build, callgrind), which gives the same order.
    static func sortedByTitle(_ policies: [Policy]) -> [Policy] {
        policies.map { (policy: $0, title: $0.document.title.lowercased()) }
            .sorted { ($0.title, $0.policy.document.slug) < ($1.title, $1.policy.document.slug) }
            .map(\.policy)
    }

    /// Each policy's place in the order of `sortedByTitle` (lowered title, then slug), by its
    /// index in `policies`: lists of every policy sort by this number instead of comparing
    /// lowered titles in every comparison, copying their entries as they go (2% of a
    /// 1,000-policy build, callgrind), and come out in the same order.
    func titleRanks() -> [Int] {
        let order = policies.indices.map { (index: $0, title: policies[$0].document.title.lowercased(), slug: policies[$0].document.slug) }
            .sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }
        var ranks = [Int](repeating: 0, count: policies.count)
        for (rank, item) in order.enumerated() { ranks[item.index] = rank }
        return ranks
    }

    public init(content: SiteContent, asOf: CalendarDay, figures: ClosedFigures? = nil) {
        let dueSoonMonths = content.configuration.dueSoonMonths
        let policies = content.policies.map { document in
            Policy(document: document, schedule: ReviewSchedule(nextReview: document.nextReview, dueSoonMonths: dueSoonMonths), asOf: asOf,
                   versions: content.approvedVersions[document.slug] ?? [])
        }
        self.init(configuration: content.configuration, asOf: asOf,
                  policies: Self.sortedByTitle(policies),
                  report: figures.map { TransparencyReport(figures: $0, configuration: content.configuration, asOf: asOf) })
    }
}
