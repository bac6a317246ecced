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

    /// A policy of the site that site.yml names by its slug, with where it does so.
    public struct PolicyReference: Sendable, Hashable {
        public var slug: String
        public var location: SourceLocation

        public init(slug: String, location: SourceLocation) {
            self.slug = slug
            self.location = location
        }
    }

    /// How parents reach the school (site.yml `contact`), shown on every page. Only the role
    /// is always there; it is never a person's name.
    public struct Contact: Sendable, Hashable {
        public var role: String
        var email: String?
        /// As written, for reading ("01234 567890").
        var phone: String?
        /// The complaints policy: a policy of the site, or a web address.
        var complaintsPolicy: PolicyReference?
        var complaintsURL: String?

        public init(role: String, email: String? = nil, phone: String? = nil, complaintsPolicy: PolicyReference? = nil, complaintsURL: String? = nil) {
            self.role = role
            self.email = email
            self.phone = phone
            self.complaintsPolicy = complaintsPolicy
            self.complaintsURL = complaintsURL
        }
    }

    public var organisation: String
    public var title: String
    /// Where the site is published, always ending in `/`; used for the sitemap and feeds.
    public var baseURL: String
    /// A role to contact (never a person's name).
    public var contact: String { get { contactDetails.role } set { contactDetails.role = newValue } }
    /// The role with the optional e-mail, phone and complaints policy.
    var contactDetails: Contact
    /// The policy whose promises the transparency report counts (site.yml `report.policy`).
    var reportPolicy: PolicyReference?
    /// The `lang` of every page.
    public var language: String
    /// Months before a review date in which a policy counts as due soon (DESIGN.md: default 3).
    public var dueSoonMonths: Int
    /// Months from one review to the next (default 12).
    public var reviewCycleMonths: Int
    /// The moderation log, relative to the content directory.
    public var moderationLogPath: String
    /// Counts from 1 to this minus one are suppressed (default 5).
    var suppressionThreshold: Int
    /// True when the log is illustrative, so that the report says so.
    var isExampleData: Bool
    public var categories: [Term]
    public var actions: [Term]

    public init(organisation: String, title: String, baseURL: String, contact: String, language: String = "en-GB",
                dueSoonMonths: Int = 3, reviewCycleMonths: Int = 12, moderationLogPath: String = "moderation-log.csv",
                suppressionThreshold: Int = 5, isExampleData: Bool = false, categories: [Term] = [], actions: [Term] = [],
                contactDetails: Contact? = nil, reportPolicy: PolicyReference? = nil) {
        self.organisation = organisation
        self.title = title
        self.baseURL = baseURL
        self.contactDetails = contactDetails ?? Contact(role: contact)
        self.reportPolicy = reportPolicy
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
