import Foundation
import Testing

/// `policysite import` over Word documents made the way Word makes them
/// (scripts/make-word-docs.py, with python-docx), run as a member of staff would run it.
@Suite struct ImportCommandTests {
    /// The documents, made once for the whole suite.
    static let documents = Result { () throws -> URL in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-word-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/make-word-docs.py").path, folder.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GeneratorFailed(message: message) }
        return folder
    }

    struct GeneratorFailed: Error { var message: String }

    private func document(_ name: String) throws -> String {
        try Self.documents.get().appendingPathComponent(name).path
    }

    /// A new site made by `init`, with no policies yet.
    private func newSite() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let made = try PolicySiteProcess.run(["init", "."], in: folder.path)
        #expect(made.status == 0, "\(made.standardError)")
        // Without the example policy (nor its approved version): only what is imported.
        for made in ["content/policies", "content/approved"] where folder.exists(made) {
            try FileManager.default.removeItem(atPath: folder.file(made))
        }
        return folder
    }

    private func policies(in folder: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.file("content/policies"))) ?? []).sorted()
    }

    /// The words of a page: tags out, entities decoded, runs of space made one.
    private func words(ofPage html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func theSeedAsAWordDocumentSaysEverySentenceWithItsFourteenSectionsAsHeadings() throws {
        let site = try newSite()
        defer { site.remove() }
        let imported = try PolicySiteProcess.run(["import", try document("twitter-policy.docx")], in: site.path)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("-> content/policies/twitter-policy.md: 'Twitter Policy', last updated September 2016, next review September 2017, 14 headings"))
        let policy = try site.read("content/policies/twitter-policy.md")
        #expect(policy.hasPrefix("---\ntitle: \"Twitter Policy\"\nlast-updated: September 2016\nnext-review: September 2017\n---\n"))
        #expect(!policy.contains("Last Updated"), "the date lines are not repeated in the body")

        let built = try PolicySiteProcess.run(["build", "--as-of", "2026-11-24"], in: site.path)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try site.read("site/policies/twitter-policy/index.html")
        let headings = page.components(separatedBy: "<h2").dropFirst().map { words(ofPage: "<h2" + ($0.components(separatedBy: "</h2>").first ?? "")) }
        let seed = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/sites/seed-layout/policies/twitter-policy.md"), encoding: .utf8)
        let sections = ["Rationale", "What is Twitter?", "What is the primary purpose of @school_ws?", "Who controls content for @school_ws?",
                        "Who can follow @school_ws?", "Who will @school_ws follow?", "What information will be shared @school_ws?",
                        "When is it acceptable to respond to tweets?", "How to protect @school_ws", "When will @school_ws be active?",
                        "What information will be shared relating to individual pupils at the school?",
                        "Do parents/carers have to provide consent for information relating to their child to be published by @school_ws?",
                        "What is inappropriate content and referencing and how will it be dealt with?",
                        "How will safer internet be promoted alongside Twitter?"]
        #expect(sections.allSatisfy { section in headings.contains { $0.hasSuffix(section) || $0 == section } }, "\(headings)")
        #expect(headings.filter { heading in sections.contains { heading.hasSuffix($0) } }.count == 14)
        // Every sentence of the seed's body (not its title and date lines) is on the page.
        let text = words(ofPage: page)
        let lines = seed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let body = lines.filter { !$0.hasPrefix("Last Updated") && !$0.hasPrefix("Next Review") && $0 != "Twitter Policy" }
        var sentences = 0
        for line in body {
            let plain = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            for sentence in plain.components(separatedBy: ". ") where !sentence.isEmpty {
                sentences += 1
                #expect(text.contains(sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "missing: \(sentence)")
            }
        }
        #expect(sentences > 60)
        #expect(page.contains("September 2017"), "the review banner reads the review date")
    }

    @Test func aRicherPolicyKeepsItsStructureAndLeavesOutTheCommentAndTheDeletedText() throws {
        let site = try newSite()
        defer { site.remove() }
        let imported = try PolicySiteProcess.run(["import", try document("anti-bullying.docx")], in: site.path)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("'Anti-Bullying Policy', last updated 14 October 2019, next review October 2020, owner Deputy Headteacher, 6 headings, 2 pictures"))
        let policy = try site.read("content/policies/anti-bullying-policy.md")
        for kept in ["## Aims", "### What bullying is", "#### Who to contact", "**safe**", "*valued **at all times***",
                     "[Anti-Bullying Alliance](https://anti-bullyingalliance.org.uk/)", "We talk about bullying in class and online.",
                     "1. repeated over time;", "   1. physical, such as hitting;", "      1. online, including messages sent at night;",
                     "- We record what happened:\n  - who was involved;", "- their class teacher\n- any member of staff\n- the school council",
                     "1. the teacher writes it down\n2. the head teacher reads it", "| Who | How |\n| --- | --- |",
                     "| Head teacher | Through the school office Any school day |", "| **Chair of governors** | By letter to the school |",
                     "Online bullying counts as bullying\\[1\\].", "## Notes\n\n1. As defined by the Anti-Bullying Alliance.",
                     "![A round red badge with the words Anti-Bullying Ambassador](../../assets/anti-bullying-policy/picture-1.png)",
                     "owner: \"Deputy Headteacher\"\nlast-updated: 2019-10-14\nnext-review: October 2020"] {
            #expect(policy.contains(kept), "missing: \(kept)\n\(policy)")
        }
        for gone in ["Jamie", "Mrs Patel", "every Friday", "private list", "Approved by governors", "Review date:", "Policy owner", "\n\n\n", "\u{2022}"] {
            #expect(!policy.contains(gone), "should be gone: \(gone)")
        }
        #expect(site.exists("templates/assets/anti-bullying-policy/picture-1.png"))
        for warning in ["anti-bullying.docx:1:1: warning: 1 reviewer's comment left out",
                        "anti-bullying.docx:1:1: warning: tracked changes: 1 insertion accepted, 3 deletions left out",
                        "warning: a text box ('Childline: 0800 1111') cannot be carried and is left out",
                        "warning: the page header ('William Stockton Primary School') is not carried",
                        "warning: the page footer ('Page 1') is not carried",
                        "warning: the PRINTDATE field is kept as the text Word last showed",
                        "content/policies/anti-bullying-policy.md:", "warning: picture 2 (assets/anti-bullying-policy/picture-2.png) needs alt text: it has none"] {
            #expect(imported.standardError.contains(warning), "missing: \(warning)\n\(imported.standardError)")
        }

        let checked = try PolicySiteProcess.run(["check"], in: site.path)
        #expect(checked.status == 0, "\(checked.standardError)")
        let built = try PolicySiteProcess.run(["build"], in: site.path)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try site.read("site/policies/anti-bullying-policy/index.html")
        #expect(page.contains("<table>") && page.contains("<strong>safe</strong>") && page.contains("<em>valued <strong>at all times</strong></em>"))
        #expect(site.exists("site/assets/anti-bullying-policy/picture-1.png"))
    }

    @Test func manyDocumentsAtOnceGiveOneLineEachAndASummary() throws {
        let site = try newSite()
        defer { site.remove() }
        let result = try PolicySiteProcess.run(["import", try document("twitter-policy.docx"), try document("anti-bullying.docx")], in: site.path)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last?.hasPrefix("Imported 2 policies, with ") == true)
        #expect(policies(in: site) == ["anti-bullying-policy.md", "twitter-policy.md"])
    }

    @Test(arguments: [
        ("broken/truncated.docx", "the file is cut off: its end is missing, expected the whole document"),
        ("broken/not-word.docx", "this is a PDF, not a Word document"),
        ("broken/password.docx", "the document is protected by a password, so it cannot be read"),
        ("broken/old-word.doc", "this is a Word 97-2003 document (.doc), which pandoc cannot read"),
    ])
    func aBrokenFileIsRefusedWithItsNameAndReasonAndNothingIsWritten(_ name: String, _ reason: String) throws {
        let site = try newSite()
        defer { site.remove() }
        let broken = try document(name)
        let result = try PolicySiteProcess.run(["import", try document("twitter-policy.docx"), broken, try document("anti-bullying.docx")], in: site.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(broken):1:1: error: \(reason)"), "\(result.standardError)")
        #expect(result.standardError.hasSuffix("import refused: 1 error\nNothing was written.\n"))
        #expect(result.standardOutput.isEmpty)
        #expect(policies(in: site).isEmpty)
        #expect(!site.exists("templates"))
    }

    @Test func aSecondImportOfTheSameDocumentIsRefusedWithoutForce() throws {
        let site = try newSite()
        defer { site.remove() }
        let path = try document("twitter-policy.docx")
        #expect(try PolicySiteProcess.run(["import", path], in: site.path).status == 0)
        try site.write("content/policies/twitter-policy.md", try site.read("content/policies/twitter-policy.md") + "\nA note added by hand.\n")
        let again = try PolicySiteProcess.run(["import", path], in: site.path)
        #expect(again.status == 1)
        #expect(again.standardError.contains("content/policies/twitter-policy.md:1:1: error: a policy called 'twitter-policy' already exists (from '\(path)'); it was left as it is, expected --force to replace it with the imported one"))
        #expect(try site.read("content/policies/twitter-policy.md").contains("A note added by hand."))
        let forced = try PolicySiteProcess.run(["import", "--force", path], in: site.path)
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(forced.standardOutput.contains("twitter-policy.md (replaced)"))
        #expect(try !site.read("content/policies/twitter-policy.md").contains("A note added by hand."))
    }

    @Test func withoutPandocOneLineSaysHowToInstallIt() throws {
        let site = try newSite()
        defer { site.remove() }
        let result = try PolicySiteProcess.run(["import", try document("twitter-policy.docx"), try document("anti-bullying.docx")], in: site.path,
                                               environment: ["POLICYSITE_PANDOC": "/nonexistent/pandoc"])
        #expect(result.status == 1)
        // (A line "Importing 2 files…" may come first on a slow machine.)
        #expect(result.standardError.split(separator: "\n").filter { !$0.hasPrefix("Importing") }
                == ["error: pandoc is not installed, and it is needed to read Word documents; install it with 'apt-get install pandoc' (Debian, Ubuntu) or from https://pandoc.org/installing.html"])
        #expect(policies(in: site).isEmpty)
    }

    @Test func theSeedAsPlainTextAndAMarkdownPolicyComeInTheSameWay() throws {
        let site = try newSite()
        defer { site.remove() }
        let seed = site.file("twitter-policy.txt")
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("Tests/PolicySiteTests/Fixtures/sites/seed-layout/policies/twitter-policy.md").path, toPath: seed)
        let markdown = repositoryRoot.appendingPathComponent("content/policies/online-safety.md").path
        let result = try PolicySiteProcess.run(["import", seed, markdown], in: site.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("twitter-policy.txt -> content/policies/twitter-policy.md: 'Twitter Policy', last updated September 2016, next review September 2017, 14 headings"))
        #expect(try site.read("content/policies/online-safety.md") == String(contentsOfFile: markdown, encoding: .utf8), "a Markdown policy is taken as it is")
        let text = try site.read("content/policies/twitter-policy.md")
        #expect(text.contains("\n## What is Twitter?\n") && text.contains("\n@school_ws\n") && !text.contains("Last Updated"))
        #expect(try PolicySiteProcess.run(["check"], in: site.path).status == 0)
    }
}
