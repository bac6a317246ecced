/// `content/site.yml`: who publishes the site, and the rules it is built by.
public struct SiteConfiguration: Sendable, Hashable {
    /// One entry of a moderation-log vocabulary (`categories` or `actions`).
    public struct Term: Sendable, Hashable {
        public var key: String
        public var label: String
        public var description: String?

        public init(key: String, label: String, description: String? = nil) {
            self.key = key
            self.label = label
            self.description = description
        }
    }

    public var organisation: String
    public var title: String
    /// Where the site is published, always ending in `/`; used for the sitemap and feeds.
    public var baseURL: String
    /// A role to contact (never a person's name).
    public var contact: String
    /// The `lang` of every page.
    public var language: String
    /// Months before a review date in which a policy counts as due soon (DESIGN.md: default 3).
    public var dueSoonMonths: Int
    /// Months from one review to the next (default 12).
    public var reviewCycleMonths: Int
    /// The moderation log, relative to the content directory.
    public var moderationLogPath: String
    /// Counts from 1 to this minus one are suppressed (default 5).
    public var suppressionThreshold: Int
    /// True when the log is illustrative, so that the report says so.
    public var isExampleData: Bool
    public var categories: [Term]
    public var actions: [Term]

    public init(organisation: String, title: String, baseURL: String, contact: String, language: String = "en-GB",
                dueSoonMonths: Int = 3, reviewCycleMonths: Int = 12, moderationLogPath: String = "moderation-log.csv",
                suppressionThreshold: Int = 5, isExampleData: Bool = false, categories: [Term] = [], actions: [Term] = []) {
        self.organisation = organisation
        self.title = title
        self.baseURL = baseURL
        self.contact = contact
        self.language = language
        self.dueSoonMonths = dueSoonMonths
        self.reviewCycleMonths = reviewCycleMonths
        self.moderationLogPath = moderationLogPath
        self.suppressionThreshold = suppressionThreshold
        self.isExampleData = isExampleData
        self.categories = categories
        self.actions = actions
    }
}
