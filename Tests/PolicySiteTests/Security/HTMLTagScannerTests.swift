import Testing
@testable import PolicySite

/// The scanner that guards the hostile-input test must itself catch what it looks for.
@Suite struct HTMLTagScannerTests {
    let check = HostileInputTests()

    @Test("Each vector is caught", arguments: [
        "<p>x</p><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href='data:text/html,x'>x</a>",
        "<img src=\"https://tracker.example/p.gif\" alt=\"\">",
        "<link rel=stylesheet href=\"//cdn.example/x.css\">",
        "<div style=\"background:red\">x</div>",
        "<iframe src=\"/x\"></iframe>",
        "<meta http-equiv=\"refresh\" content=\"0\">",
        "<svg onload=alert(1)>",
    ])
    func vectorsAreCaught(html: String) {
        #expect(!check.problems(inHTML: html).isEmpty)
    }

    @Test("Escaped text is harmless", arguments: [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<meta name=\"description\" content=\"&quot; onmouseover=&quot;alert(1)\">",
        "<title>&lt;/title&gt;&lt;script&gt;</title>",
        "<a href=\"https://example.org/?q=javascript:alert(1)\">x</a>",
        "<!-- raw HTML omitted -->",
        "<script src=\"../../assets/review-status.js\" defer></script>",
    ])
    func escapedTextIsClean(html: String) {
        #expect(check.problems(inHTML: html).isEmpty)
    }
}
