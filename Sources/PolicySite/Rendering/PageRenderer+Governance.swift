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
                let view = GovernorsPageView(report: report, dueSoonMonths: site.configuration.dueSoonMonths, page: page)
                return [
                    OutputFile(path: "governors/index.html", text: try templates.render("governors", view)),
                    OutputFile(path: "status.json", text: report.json()),
                ]
            },
            { [site] in [OutputFile(path: "reviews.ics", text: ReviewCalendar.ics(for: site))] },
            { [site] in [OutputFile(path: "feed.xml", text: AtomFeed.xml(for: site))] },
        ]
    }
}
