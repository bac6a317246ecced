/// `sitemap.xml` (sitemaps.org 0.9) listing every page under the site's base URL.
enum Sitemap {
    static func xml(for site: Site) -> String {
        var entries = [(site.configuration.baseURL, site.policies.map(\.document.lastUpdated.firstDay).max())]
        entries.append((site.configuration.baseURL + "governors/", site.policies.map(\.document.lastUpdated.firstDay).max()))
        for policy in site.policies {
            entries.append((site.configuration.baseURL + "policies/\(policy.slug)/", policy.document.lastUpdated.firstDay))
        }
        // The report changes when a month is over: its last change is the day after its last complete month.
        if let report = site.report {
            entries.append((site.configuration.baseURL + "transparency/", report.period.map { _ in report.closedThrough.adding(months: 1).firstDay }))
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (location, lastModified) in entries {
            xml += "  <url><loc>\(XMLEscaping.escape(location))</loc>"
            if let lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
