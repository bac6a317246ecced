import Foundation
import Testing
@testable import PolicySite
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Each hostile input of `Fixtures/hostile-inputs.json` is placed into every field a user
/// controls (site.yml, front matter, Markdown body, log vocabulary), the site is built, and
/// no output file may carry anything a browser would execute or fetch from elsewhere. An input
/// the build refuses instead (an image with a `javascript:` address) is safe too, provided the
/// refusal names it and nothing is written.
@Suite struct HostileInputTests {
    static let corpus: [String] = {
        let url = repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/hostile-inputs.json")
        return (try? JSONDecoder().decode([String].self, from: Data(contentsOf: url))) ?? []
    }()
    /// Scripts the theme itself ships, as external same-origin files.
    static let allowedScripts: Set<String> = ["assets/review-status.js"]

    @Test func aDangerousAddressIsFoundOnBytesExactlyAsScalarByScalar() {
        let urls = ["javascript:alert(1)", "JaVaScRiPt:x", " java\tscript:x", "\u{1}\u{7F}vbscript:x", "data:text/html,x", "DATA:", "file:///etc",
                    "fi le:x", "https://x.org", "mailto:a@b", "", ":", "javascript", "aaaaaaaaaaaaajavascript:", "javascrip t:", "jav\r\nascript:x",
                    "ｊavascript:x", "javascript\u{301}:x", "é:data:", "data\u{A0}:x", String(repeating: " ", count: 40) + "data:"]
        for url in urls {
            #expect(URLSafety.isDangerous(url) == URLSafety.isDangerousByScalars(url), "\(url.debugDescription)")
        }
    }

    @Test func theCorpusHasAtLeastSixtyInputs() {
        #expect(Self.corpus.count >= 60)
    }

    @Test(arguments: Array(corpus.indices))
    func noOutputCarriesAnExecutableVector(index: Int) throws {
        let root = try temporaryDirectory("hostile-\(index)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), output = root.appendingPathComponent("site")
        try generate(input: index, into: content)
        let options = BuildOptions(contentDirectory: content.path, templatesDirectory: root.appendingPathComponent("none").path,
                                   outputDirectory: output.path, asOf: CalendarDay(iso: "2026-11-24")!)
        do {
            try SiteBuilder().build(options)
        } catch let error as PolicySiteError {
            #expect(error.errors.allSatisfy { $0.message.hasPrefix("the image") }, "input \(index) refused for another reason: \(error)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
            return
        }
        for (path, data) in try snapshot(of: output) {
            let text = String(decoding: data, as: UTF8.self)
            switch (path as NSString).pathExtension {
            case "html": problems(inHTML: text).forEach { Issue.record("input \(index) (\(Self.corpus[index].debugDescription)) in \(path): \($0)") }
            case "json": #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "input \(index): \(path) is not valid JSON")
            case "xml": #expect(XMLParser(data: data).parse(), "input \(index): \(path) is not well-formed XML")
            case "ics":
                let lines = text.components(separatedBy: "\r\n")
                #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0.hasPrefix("UID:") }.count, "input \(index): \(path) gained an event")
            default: break
            }
        }
    }

    func problems(inHTML html: String) -> [String] {
        var found: [String] = []
        for tag in HTMLTag.all(in: html) {
            switch tag.name {
            case "script":
                let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
                if !Self.allowedScripts.contains(where: { source.hasSuffix($0) }) { found.append("a <script> element (\(source))") }
            case "svg":
                // The report's bar charts are SVG the tool draws (class "chart"); any other is injected.
                if !tag.attributes.contains(where: { $0.name == "class" && $0.value == "chart" }) { found.append("a <svg> element") }
            case "iframe", "object", "embed", "base", "form", "style", "frame", "applet", "math", "video", "audio", "source", "foreignobject", "animate", "set":
                found.append("a <\(tag.name)> element")
            case "link":
                let href = tag.attributes.first { $0.name == "href" }?.value ?? ""
                if URLSafety.isRemote(href) { found.append("a <link> to another site: \(href)") }
            case "meta":
                if let equiv = tag.attributes.first(where: { $0.name == "http-equiv" })?.value.lowercased(), equiv != "content-security-policy" {
                    found.append("<meta http-equiv=\(equiv)>")
                }
            default: break
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { found.append("an event handler \(name) on <\(tag.name)>") }
                if name == "style" || name == "srcdoc" || name == "formaction" { found.append("a \(name) attribute on <\(tag.name)>") }
                if ["href", "src", "action", "data", "poster", "background", "xlink:href"].contains(name) {
                    let url = HTMLTag.decodedURL(value)
                    if ["javascript:", "vbscript:", "data:", "file:"].contains(where: url.hasPrefix) { found.append("\(name)=\"\(value)\" on <\(tag.name)>") }
                    if name != "href", URLSafety.isRemote(value) { found.append("\(name) loads from another site: \(value)") }
                }
            }
        }
        if html.range(of: "</script", options: .caseInsensitive) != nil, !html.contains("review-status.js") { found.append("a </script> end tag") }
        return found
    }

    func generate(input: Int, into directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/make-hostile-site.py").path, directory.path, "--input", String(input)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
