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
    var isHome: Bool
}
