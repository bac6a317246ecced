/// What the layout needs on every page. Every value is plain text; templates escape it.
/// A final class: every `{{page.…}}` on a page reads it again (see PolicyPageView).
final class PageContext: Sendable {
    let lang: String
    let siteTitle: String
    let organisation: String
    let contact: String
    let pageTitle: String
    let description: String
    /// The way from this page back to the site root: "", "../../", or "/policies/" on the 404 page.
    let root: String
    /// "24 November 2026": the day the statuses were worked out for.
    let asOf: String
    let asOfISO: String
    /// The review rules' words (`ReviewWords`) as JSON, for assets/review-status.js.
    let reviewWords: String
    /// Which navigation link is this page, for `aria-current` (stored: templates read stored properties only).
    let isHome: Bool
    let isGovernorsPage: Bool
    let isTransparencyPage: Bool
    /// True when the site has a transparency report, so every page links to it.
    let hasReport: Bool
    /// site.yml's contact details beside the role, when given.
    let contactEmail: String?
    let contactPhone: String?
    /// `tel:` and the digits (with a leading '+').
    let contactPhoneHref: String?
    /// The complaints policy's page (relative to this page) or its web address.
    let complaintsHref: String?

    init(lang: String, siteTitle: String, organisation: String, contact: String, pageTitle: String, description: String,
         root: String, asOf: String, asOfISO: String, reviewWords: String = ReviewWords.englishJSON, isHome: Bool,
         isGovernorsPage: Bool = false, isTransparencyPage: Bool = false, hasReport: Bool = false,
         contactEmail: String? = nil, contactPhone: String? = nil, contactPhoneHref: String? = nil, complaintsHref: String? = nil) {
        self.lang = lang
        self.siteTitle = siteTitle
        self.organisation = organisation
        self.contact = contact
        self.pageTitle = pageTitle
        self.description = description
        self.root = root
        self.asOf = asOf
        self.asOfISO = asOfISO
        self.reviewWords = reviewWords
        self.isHome = isHome
        self.isGovernorsPage = isGovernorsPage
        self.isTransparencyPage = isTransparencyPage
        self.hasReport = hasReport
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.contactPhoneHref = contactPhoneHref
        self.complaintsHref = complaintsHref
    }
}
