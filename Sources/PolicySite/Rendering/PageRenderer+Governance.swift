extension PageRenderer {
    /// The governors' files (the schedule page, `status.json`, `reviews.ics` and `feed.xml`) as
    /// three jobs that render side by side: each reads every policy.
    func governanceJobs(_ site: Site) -> [@Sendable () throws -> [OutputFile]] {
        [
            { [self] in
                let report = StatusReport(site: site)
                let page = context(site, title: "Review schedule for governors",
                                   description: "Which policies of \(site.configuration.organisation) are up to date, due for review soon, or overdue.",
                                   root: "../", page: .governors)
                let view = GovernorsPageView(report: report, dueSoonMonths: site.configuration.dueSoonMonths, page: page,
                                             baseURL: site.configuration.baseURL)
                return [
                    OutputFile(path: "governors/index.html", text: try templates.render("governors", view)),
                    OutputFile(path: "status.json", text: report.json()),
                ]
            },
            { [site] in [OutputFile(path: "reviews.ics", text: ReviewCalendar.ics(for: site))] },
            { [site] in [OutputFile(path: "feed.xml", text: AtomFeed.xml(for: site))] },
        ] + site.policies.filter { !$0.versions.isEmpty }.map { policy -> @Sendable () throws -> [OutputFile] in
            { [self] in try renderVersions(of: policy, site: site) }
        }
    }

    /// The page of each approved version of `policy`, `policies/SLUG/versions/DATE/`.
    func renderVersions(of policy: Policy, site: Site) throws -> [OutputFile] {
        var bag = DiagnosticBag()
        let files = policy.versions.compactMap { version -> OutputFile? in
            let render = { try markdown.render(version.markdown, file: version.sourcePath, bodyFirstLine: version.bodyFirstLine) }
            guard let rendered = bag.collect(at: SourceLocation(file: version.sourcePath, line: version.bodyFirstLine, column: 1), {
                try markdownCache?.value(for: version.markdown, make: render) ?? render()
            }) else { return nil }
            // The same rule as the policy page: nothing from another site, no image that is not a file of the site.
            for image in rendered.images {
                let at = SourceLocation(file: version.sourcePath, line: version.bodyFirstLine + image.line - 1, column: image.column)
                if URLSafety.isDangerous(image.url) || URLSafety.isRemote(image.url) {
                    bag.append(.error(at: at, "the image '\(image.url)' in this approved version would be loaded from another site or with a scheme a page may never load",
                                      expected: "an image placed in the templates' assets/ folder, written as ../../assets/NAME"))
                } else if sitePath(of: image.url, from: "policies/\(policy.slug)/").map({ templates.assets[$0] == nil }) ?? true {
                    bag.append(.error(at: at, "the image '\(image.url)' in this approved version is not a file of the site",
                                      expected: "an image placed in the templates' assets/ folder, written as ../../assets/NAME"))
                }
            }
            let page = context(site, title: "\(version.title): the text approved in \(version.approved.spelledOut)",
                               description: "The text of \(version.title) as approved at its review \(version.approved.withPreposition).",
                               root: "../../../../")
            let view = VersionPageView(policy: policy, version: version, rendered: rendered, page: page)
            return bag.collect(at: SourceLocation(file: version.sourcePath)) {
                OutputFile(path: VersionPageView.path(slug: policy.slug, approved: version.approved), text: try templates.render("version", view))
            }
        }
        try bag.throwIfErrors()
        return files
    }
}
