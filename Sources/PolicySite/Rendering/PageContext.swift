/// What the layout needs on every page. Every value is plain text; templates escape it.
struct PageContext: Sendable {
    var lang: String
    var siteTitle: String
    var organisation: String
    var contact: String
    var pageTitle: String
    var description: String
    /// The way from this page back to the site root: "", "../../", or "/policies/" on the 404 page.
    var root: String
    /// "24 November 2026": the day the statuses were worked out for.
    var asOf: String
    var asOfISO: String
    /// The review rules' words (`ReviewWords`) as JSON, for assets/review-status.js.
    var reviewWords: String = ReviewWords.englishJSON
    /// Which navigation link is this page, for `aria-current` (stored: templates read stored properties only).
    var isHome: Bool
    var isGovernorsPage: Bool = false
    var isTransparencyPage: Bool = false
    /// True when the site has a transparency report, so every page links to it.
    var hasReport: Bool = false
    /// site.yml's contact details beside the role, when given.
    var contactEmail: String?
    var contactPhone: String?
    /// `tel:` and the digits (with a leading '+').
    var contactPhoneHref: String?
    /// The complaints policy's page (relative to this page) or its web address.
    var complaintsHref: String?
}
