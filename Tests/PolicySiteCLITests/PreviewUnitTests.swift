import Foundation
@testable import PolicySite
import Testing

@Suite struct PreviewPathTests {
    @Test(arguments: [
        ("/", ""),
        ("/index.html", "index.html"),
        ("/policies/twitter-policy/", "policies/twitter-policy/"),
        ("/policies/twitter-policy", "policies/twitter-policy"),
        ("/assets/site.css?v=2", "assets/site.css"),
        ("/a%20b.html", "a b.html"),
        ("//policies//x/", "policies/x/"),
    ])
    func aPlainPathStaysInsideTheSite(target: String, path: String) {
        #expect(PreviewPath.resolve(target) == .inside(path))
    }

    @Test(arguments: [
        "/../etc/passwd", "/policies/../../etc/passwd", "/./index.html", "/..",
        "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd", "/.%2e/x", "/policies%2f..%2f..%2fetc",
        "/a%2Fb", "/a\\b", "/..\\..\\etc", "/a%5cb", "/a%00b", "/a\u{0}b", "/%zz", "relative/path", "",
    ])
    func anythingThatCouldLeaveTheSiteIsRefused(target: String) {
        #expect(PreviewPath.resolve(target) == .refused)
    }
}

@Suite struct PreviewSiteTests {
    let site = PreviewSite(generation: 1, files: [
        OutputFile(path: "index.html", text: "home"),
        OutputFile(path: "404.html", text: "missing"),
        OutputFile(path: "policies/x/index.html", text: "x"),
        OutputFile(path: "assets/site.css", text: "css"),
    ])

    @Test func aDirectoryServesItsIndex() {
        #expect(site.lookup("") == .file(path: "index.html", contents: Data("home".utf8)))
        #expect(site.lookup("policies/x/") == .file(path: "policies/x/index.html", contents: Data("x".utf8)))
    }

    @Test func aDirectoryWithoutItsSlashIsRedirectedSoRelativeLinksWork() {
        #expect(site.lookup("policies/x") == .redirect(to: "/policies/x/"))
    }

    @Test func thereIsNoDirectoryListing() {
        #expect(site.lookup("policies/") == .notFound)
        #expect(site.lookup("assets/") == .notFound)
        #expect(site.lookup("nothing-here") == .notFound)
        #expect(site.lookup("index.html/") == .notFound)
    }

    @Test func theSitesOwn404PageIsKept() {
        #expect(site.notFoundPage == Data("missing".utf8))
    }
}

@Suite struct PreviewPageTests {
    @Test func theReloadScriptAndStylesheetGoIntoTheHeadAsSameOriginFiles() {
        let page = String(decoding: PreviewPage.inject(into: Data("<html><head><title>t</title></head><body class=\"a\"><p>x</p></body></html>".utf8),
                                                      generation: 7, errors: []), as: UTF8.self)
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/__policysite/preview.css\"><script src=\"/__policysite/reload.js\" data-generation=\"7\" defer></script>\n</head>"))
        #expect(!page.contains("policysite-preview-errors"))
    }

    @Test func errorsBecomeAnEscapedBannerAtTheTopOfTheBody() {
        let page = String(decoding: PreviewPage.inject(into: Data("<html><head></head><body class=\"a\"><p>x</p></body></html>".utf8),
                                                      generation: 1, errors: ["a.md:1:1: error: <b>bad</b> & worse"]), as: UTF8.self)
        #expect(page.contains("<body class=\"a\">\n<div id=\"policysite-preview-errors\" role=\"alert\">"))
        #expect(page.contains("<li>a.md:1:1: error: &lt;b&gt;bad&lt;/b&gt; &amp; worse</li>"))
    }

    @Test func theStatusIsPlainJSONNotAScriptAnotherSiteCouldInclude() {
        let status = String(decoding: PreviewPage.status(generation: 3, errors: ["x \"y\""]), as: UTF8.self)
        #expect(status == "{\"errors\":[\"x \\\"y\\\"\"],\"generation\":3}")
        #expect(!PreviewPage.reloadScript.contains("policysitePreview"), "no JSONP callback is left")
        #expect(PreviewPage.reloadScript.contains("fetch(\"/__policysite/status.json\""))
    }

    @Test func thePagesPolicyLetsTheReloadScriptFetchFromItsOwnOriginOnly() {
        let theme = "<head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'\"></head><body></body>"
        let page = String(decoding: PreviewPage.inject(into: Data(theme.utf8), generation: 1, errors: []), as: UTF8.self)
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
    }

    @Test func anExistingConnectSourceGainsSelfAndLosesNone() {
        #expect(PreviewPage.allowingSameOriginFetch("<META HTTP-EQUIV='content-security-policy' CONTENT=\"connect-src 'none'; img-src 'self'\">")
                == "<META HTTP-EQUIV='content-security-policy' CONTENT=\"connect-src 'self'; img-src 'self'\">")
        #expect(PreviewPage.allowingSameOriginFetch("<meta name=\"viewport\" content=\"width=device-width\"><p>connect-src</p>")
                == "<meta name=\"viewport\" content=\"width=device-width\"><p>connect-src</p>")
    }
}

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/site.css", "text/css; charset=utf-8"),
        ("status.json", "application/json"), ("sitemap.xml", "application/xml; charset=utf-8"),
        ("reviews.ics", "text/calendar; charset=utf-8"), ("transparency/stats.csv", "text/csv; charset=utf-8"),
        ("assets/logo.svg", "image/svg+xml"), ("assets/LOGO.PNG", "image/png"), ("README", "application/octet-stream"),
        ("archive.tar.gz", "application/octet-stream"),
    ])
    func theTypeFollowsTheExtension(path: String, type: String) {
        #expect(ContentType.of(path) == type)
    }
}
