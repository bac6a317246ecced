import Foundation
import Testing
@testable import PolicySite

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("Raw HTML never reaches the page", arguments: [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "Text <span onmouseover=\"alert(1)\">hover</span> text",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<!-- --><script>alert(1)</script>",
    ])
    func rawHTMLIsOmitted(markdown: String) throws {
        let html = try renderer.render(markdown).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror="))
        #expect(!html.contains("onmouseover="))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<style"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test("Dangerous link and image addresses are emptied", arguments: [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        "![x](data:image/png;base64,AAAA)",
        "[x](file:///etc/passwd)",
        "[x]: javascript:alert(1)\n\n[x]",
        "<javascript:alert(1)>",
        "[x](&#106;avascript:alert(1))",
    ])
    func dangerousURLsAreNeutralised(markdown: String) throws {
        let html = try renderer.render(markdown).html.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
            #expect(!html.contains("href=\"\(scheme)"), "\(html)")
            #expect(!html.contains("src=\"\(scheme)"), "\(html)")
        }
        #expect(!html.contains("&#106;avascript"))
    }

    @Test func safeLinksStay() throws {
        let html = try renderer.render("[Policy](https://example.org/a?b=1&c=2) and [mail](mailto:office@example.org) and [here](../online-safety/)").html
        #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">Policy</a>"))
        #expect(html.contains("href=\"mailto:office@example.org\""))
        #expect(html.contains("href=\"../online-safety/\""))
    }

    @Test func headingsGetStableUniqueIDs() throws {
        let rendered = try renderer.render("## What is Twitter?\n\n## What is *Twitter*?\n\n### Who's `@school_ws`?\n\n## Contents\n\n## ***\n")
        #expect(rendered.headings.map(\.id) == ["what-is-twitter", "what-is-twitter-2", "whos-school-ws", "contents-2", "section"])
        #expect(rendered.html.contains("<h2 id=\"what-is-twitter\">What is Twitter?</h2>"))
        #expect(rendered.headings[2].text == "Who's @school_ws?")
        #expect(rendered.headings[2].level == 3)
    }

    @Test func alignedCellsUseClassesAndCheckboxesHaveNames() throws {
        let html = try renderer.render("| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [ ] to do\n- [x] done\n").html
        #expect(html.contains("<th class=\"align-center\">a</th>"))
        #expect(html.contains("<td class=\"align-right\">2</td>"))
        #expect(!html.contains("align=\""))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> to do"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done"))
    }

    @Test func extensionsAreOn() throws {
        let html = try renderer.render("| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ www.example.org\n\n- [x] done\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("type=\"checkbox\""))
    }

    /// Apart from heading ids, the HTML is what the `cmark-gfm` program prints.
    @Test func outputEqualsTheCmarkGFMProgram() throws {
        let samples = try [
            String(contentsOf: repositoryRoot.appendingPathComponent("content/policies/twitter-policy.md"), encoding: .utf8),
            String(contentsOf: repositoryRoot.appendingPathComponent("content/policies/online-safety.md"), encoding: .utf8),
            "# Title\n\n<b>bold</b> <script>x</script>\n\n| a | b | c |\n|:--|:-:|--:|\n| <em>x</em> | 2 | 3 |\n\n- [x] done\n\n[x](javascript:y) https://example.org ~a~ \n\n- [ ] task\n\n<title>tagfilter</title>\n\n```swift\nlet x = 1\n```\n",
        ]
        for markdown in samples {
            let ours = try renderer.render(markdown).html
            // Undo the documented changes, and the rest must be cmark-gfm's own output.
            let withoutIDs = ours.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
                .replacingOccurrences(of: #"<t([hd]) class="align-(left|center|right)">"#, with: "<t$1 align=\"$2\">", options: .regularExpression)
                .replacingOccurrences(of: #" aria-label="(Not done|Done)" />"#, with: " />", options: .regularExpression)
            let reference = try cmarkGFMProgram(markdown)
            #expect(withoutIDs == reference)
        }
    }

    func cmarkGFMProgram(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite struct MarkdownFuzzRegressionTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/fuzz-regressions/markdown")

    @Test func aHeadingStartingWithACombiningMarkKeepsItsID() throws {
        let rendered = try MarkdownRenderer().render("\u{05B1}\n-\n\n## \u{0301}x\n")
        #expect(rendered.html == "<h2 id=\"section\">\u{05B1}</h2>\n<h2 id=\"x\">\u{0301}x</h2>\n")
    }

    @Test("HTML from cmark-gfm that lacks a heading of the text is an error at the policy, not a crash")
    func aLostHeadingIsReportedAtThePolicy() throws {
        let headings = [RenderedMarkdown.Heading(level: 2, text: "Aims", id: "aims")]
        #expect(throws: MarkdownRenderer.LibraryFailure.self) { try MarkdownRenderer.addingHeadingIDs("<p>Aims</p>\n", headings) }
        #expect(try MarkdownRenderer.addingHeadingIDs("<h2>Aims</h2>\n", headings) == "<h2 id=\"aims\">Aims</h2>\n")
    }

    /// Every input libFuzzer found a crash with renders without trapping now.
    @Test(arguments: (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
    func savedCrashRendersSafely(name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let html = try MarkdownRenderer().render(String(decoding: data, as: UTF8.self)).html
        #expect(!html.lowercased().contains("<script"))
    }
}
