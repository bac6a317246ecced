import Foundation

/// The render stage: turns the site model into the files of the site. Touches no files.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    let markdown = MarkdownRenderer()
    /// Rendered Markdown kept from the last rebuild (the preview server's); nil renders all.
    let markdownCache: MarkdownCache?
    let parallelism: Parallelism

    public init(templates: TemplateSet, markdownCache: MarkdownCache? = nil, parallelism: Parallelism = .allCores) {
        self.templates = templates
        self.markdownCache = markdownCache
        self.parallelism = parallelism
    }

    public func render(_ site: Site) throws -> [OutputFile] {
        try renderWithAdvice(site).files
    }

    /// The files, and warnings about what the policies ask for that their pages will not
    /// give (raw HTML left out, links to nothing): see PolicyBodyAdvice.
    func renderWithAdvice(_ site: Site) throws -> (files: [OutputFile], warnings: [Diagnostic]) {
        markdownCache?.beginBuild()
        let rendered = site.policies.parallelMap(parallelism) { [markdown, markdownCache] policy in
            let document = policy.document
            let render = { try markdown.render(document.markdown, file: document.sourcePath, bodyFirstLine: document.bodyFirstLine) }
            return Result { try markdownCache?.value(for: document.markdown, make: render) ?? render() }
        }
        var failures = DiagnosticBag()
        let bodies = zip(site.policies, rendered).compactMap { policy, result in
            failures.collect(at: SourceLocation(file: policy.document.sourcePath)) { try result.get() }
        }
        try failures.throwIfErrors()
        try checkImages(site.policies, bodies)
        // Whether the complaints policy is published, asked once: for each page, it was a search
        // of every policy (1.5% of a 1,000-policy build).
        let complaintsPolicyPublished = hasComplaintsPolicy(site)
        let policyViews = zip(site.policies, bodies).map { policy, body in
            PolicyPageView(policy: policy, rendered: body, page: context(site, title: policy.document.title,
                                                                        description: policy.document.summary ?? policy.statusSentence,
                                                                        root: "../../", complaintsPolicyPublished: complaintsPolicyPublished))
        }
        // Every page renders in parallel: the policy pages, and the site-wide files, which go
        // first since each is one long job (the index and the governors' page list every
        // policy). Serial, templates were the largest part of a 1,000-policy build (perf).
        // Files keep their order, and the first error in that order is thrown.
        let governance = governanceJobs(site)
        let siteWide: [@Sendable () throws -> [OutputFile]] = governance + [
            { [self] in
                let index = IndexPageView(policies: policyViews, page: context(site, title: site.configuration.title,
                                                                              description: "Policies of \(site.configuration.organisation) and when each is next reviewed.",
                                                                              root: "", page: .home))
                return [OutputFile(path: "index.html", text: try templates.render("index", index))]
            },
            { [self] in
                let notFound = context(site, title: "Page not found", description: "This page does not exist.", root: rootPath(of: site.configuration.baseURL))
                return [OutputFile(path: "404.html", text: try templates.render("404", ["page": notFound]))]
            },
            { [self] in try site.report.map { try renderReport($0, site: site) } ?? [] },
            { [site] in [OutputFile(path: "sitemap.xml", text: Sitemap.xml(for: site))] },
        ]
        let results = Array(0..<(siteWide.count + policyViews.count)).parallelMap(parallelism) { [templates] job in
            if job < siteWide.count { return Result { try siteWide[job]() } }
            let view = policyViews[job - siteWide.count]
            return Result { [OutputFile(path: "policies/\(view.slug)/index.html", text: try templates.render("policy", view))] }
        }
        var files: [OutputFile] = []
        // Policy pages, then index, 404, report, sitemap, then the governors' files.
        let order = Array(siteWide.count..<results.count) + Array(governance.count..<siteWide.count) + Array(0..<governance.count)
        for job in order { files += try results[job].get() }
        files += templates.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
        let advice = PolicyBodyAdvice(files: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
                                      slugs: site.policies.map(\.slug), rootPath: rootPath(of: site.configuration.baseURL),
                                      resolve: { sitePath(of: $0, from: $1) })
        return (files, zip(site.policies, bodies).flatMap { advice.warnings(for: $0, $1) })
    }

    /// A page must never load anything from another site, and an image that is not a file of
    /// the site would show as broken: both are errors, at the image's line in the policy.
    func checkImages(_ policies: [Policy], _ bodies: [RenderedMarkdown]) throws {
        let diagnostics = zip(policies, bodies).flatMap { policy, body in
            body.images.compactMap { image -> Diagnostic? in
                let at = SourceLocation(file: policy.document.sourcePath, line: policy.document.bodyFirstLine + image.line - 1, column: image.column)
                if URLSafety.isDangerous(image.url) {
                    return .error(at: at, "the image address '\(image.url)' uses a scheme a page may never load",
                                  expected: "an image placed in the templates' assets/ folder, written as ../../assets/NAME")
                }
                if URLSafety.isRemote(image.url) {
                    return .error(at: at, "the image '\(image.url)' is on another site, and loading it would tell that site who reads the policy",
                                  expected: "a link to the image instead, such as [description](\(image.url))")
                }
                guard let path = sitePath(of: image.url, from: "policies/\(policy.slug)/"), templates.assets[path] != nil else {
                    return .error(at: at, "the image '\(image.url)' is not a file of the site",
                                  expected: "an image placed in the templates' assets/ folder, written as ../../assets/NAME")
                }
                return nil
            }
        }
        if !diagnostics.isEmpty { throw PolicySiteError(diagnostics) }
    }

    /// Where a relative address written on the page at `directory` leads, as a path from the
    /// site's root; nil when it leaves the site.
    func sitePath(of url: String, from directory: String) -> String? {
        let address = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        let decoded = address.removingPercentEncoding ?? address
        guard !decoded.hasPrefix("/") else { return nil }
        var parts = directory.split(separator: "/").map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The pages a navigation link leads to, so the link can say it is the current page.
    enum NavigationPage { case home, governors, transparency }

    /// `complaintsPolicyPublished`: `hasComplaintsPolicy(site)`, when the caller has it already.
    func context(_ site: Site, title: String, description: String, root: String, page: NavigationPage? = nil,
                 complaintsPolicyPublished: Bool? = nil) -> PageContext {
        let configuration = site.configuration
        return PageContext(lang: configuration.language, siteTitle: configuration.title, organisation: configuration.organisation,
                           contact: configuration.contact, pageTitle: title, description: description, root: root,
                           asOf: site.asOf.spelledOut, asOfISO: site.asOf.description,
                           isHome: page == .home, isGovernorsPage: page == .governors, isTransparencyPage: page == .transparency,
                           hasReport: site.report != nil, contactEmail: configuration.contactDetails.email,
                           contactPhone: configuration.contactDetails.phone,
                           contactPhoneHref: configuration.contactDetails.phone.map { "tel:" + $0.filter { $0.isASCIIDigit || $0 == "+" } },
                           complaintsHref: configuration.contactDetails.complaintsURL
                               ?? configuration.contactDetails.complaintsPolicy.flatMap { reference in
                                   complaintsPolicyPublished ?? hasComplaintsPolicy(site) ? "\(root)policies/\(reference.slug)/" : nil
                               })
    }

    /// Is site.yml's `complaints-policy` one of the site's policies?
    func hasComplaintsPolicy(_ site: Site) -> Bool {
        site.configuration.contactDetails.complaintsPolicy.map { reference in site.policies.contains { $0.slug == reference.slug } } ?? false
    }

    /// The report page and the same figures as data.
    func renderReport(_ report: TransparencyReport, site: Site) throws -> [OutputFile] {
        let policy = site.configuration.reportPolicy.flatMap { reference in site.policies.first { $0.slug == reference.slug } }
        let view = TransparencyPageView(report: report, page: context(site, title: "Transparency report",
                                                                      description: "How \(site.configuration.organisation) deals with inappropriate content online, in numbers that identify no one.",
                                                                      root: "../", page: .transparency),
                                        policy: policy.map { .init(title: $0.document.title, url: "../policies/\($0.slug)/") })
        return [OutputFile(path: "transparency/index.html", text: try templates.render("transparency", view)),
                OutputFile(path: "transparency/stats.json", text: report.statsJSON()),
                OutputFile(path: "transparency/stats.csv", text: report.statsCSV())]
    }

    /// The path part of the base URL ("/policies/"), for pages served at any depth such as 404.html.
    func rootPath(of baseURL: String) -> String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}
