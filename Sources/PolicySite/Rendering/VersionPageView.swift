/// The view model of one approved version's page, `policies/SLUG/versions/DATE/`: the text as
/// the governors approved it, kept as a record beside the policy in force.
struct VersionPageView: Sendable {
    var page: PageContext
    var slug: String
    var title: String
    /// "September 2016".
    var approved: String
    var approvedISO: String
    /// True when this is the newest approved version.
    var isLatest: Bool
    /// True when the policy's text was changed after this, its last approved version.
    var policyEditedSinceReview: Bool
    /// HTML produced by the Markdown renderer, its relative addresses moved two folders up.
    var bodyHTML: String
    var versions: [VersionLinkView]

    /// The page's address relative to its policy's page.
    static func url(of approved: ReviewDate) -> String { "versions/\(approved)/" }

    /// Where the version page lives in the site.
    static func path(slug: String, approved: ReviewDate) -> String { "policies/\(slug)/\(url(of: approved))index.html" }

    init(policy: Policy, version: ApprovedVersion, rendered: RenderedMarkdown, page: PageContext) {
        self.page = page
        slug = policy.slug
        title = version.title
        approved = version.approved.spelledOut
        approvedISO = version.approved.description
        isLatest = version == policy.versions.last
        policyEditedSinceReview = policy.editedSinceReview
        bodyHTML = Self.movingRelativeAddresses(rendered.html, up: "../../")
        versions = Self.links(of: policy, from: "../../")
    }

    /// Every approved version of `policy`, newest first, addressed from a page `prefix` below the policy's.
    static func links(of policy: Policy, from prefix: String) -> [VersionLinkView] {
        policy.versions.reversed().map { version in
            VersionLinkView(approved: version.approved.spelledOut, approvedISO: version.approved.description,
                            url: prefix + url(of: version.approved), isLatest: version == policy.versions.last)
        }
    }

    /// The body was written to be read at `policies/SLUG/`; this page is two folders deeper, so
    /// every relative `href` and `src` gets `up` in front (an address with a scheme, a `/`, a
    /// `#` or a `?` first is left alone). The renderer writes attributes as `name="value"`.
    static func movingRelativeAddresses(_ html: String, up: String) -> String {
        var out = ""
        var rest = html[...]
        while let range = rest.firstRange(of: "=\"") {
            let attribute = rest[..<range.lowerBound].suffix(4)
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard attribute.hasSuffix("href") || attribute.hasSuffix(" src") else { continue }
            let value = rest.prefix { $0 != "\"" }
            let beforeSlash = value.prefix { $0 != "/" }
            let isRelative = !beforeSlash.contains(":") && value.first.map { !"/#?".contains($0) } ?? false
            if isRelative { out += up }
        }
        return out + rest
    }
}
