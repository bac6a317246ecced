/// The model of a whole site on one day: what the pages show, with no HTML in it.
public struct Site: Sendable {
    public var configuration: SiteConfiguration
    /// The reference day for every review status (today, or `--as-of`).
    public var asOf: CalendarDay
    /// Sorted by title, so every list reads alphabetically.
    public var policies: [Policy]

    public init(configuration: SiteConfiguration, asOf: CalendarDay, policies: [Policy]) {
        self.configuration = configuration
        self.asOf = asOf
        self.policies = policies
    }

    /// Works out every policy's review status on `asOf`.
    public init(content: SiteContent, asOf: CalendarDay) {
        let dueSoonMonths = content.configuration.dueSoonMonths
        let policies = content.policies.map { document in
            Policy(document: document, schedule: ReviewSchedule(nextReview: document.nextReview, dueSoonMonths: dueSoonMonths), asOf: asOf)
        }
        self.init(configuration: content.configuration, asOf: asOf,
                  policies: policies.sorted { ($0.document.title.lowercased(), $0.document.slug) < ($1.document.title.lowercased(), $1.document.slug) })
    }
}
