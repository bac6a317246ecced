import ArgumentParser
import Foundation
import PolicySite

/// `policysite import FILE...`: the school's existing Word policies (or Markdown, or plain
/// text in the seed's layout) into `content/policies/`, all or none.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn Word documents (.docx) into policies in content/policies/.",
        discussion: """
            Each file becomes policies/SLUG.md, the slug made from its title. The title, review dates \
            ("Last Updated: September 2016", "Next Review Due: September 2017", "Approved by governors: ...", \
            "Review date: ...") and owner are read from the top of the document into the front matter. \
            Reviewers' comments and tracked deletions are left out; tracked insertions are kept. Pictures \
            go to the templates' assets/SLUG/ folder. Whatever cannot be carried is listed as a warning. \
            Files are converted in parallel and written all together, or not at all if any is refused. \
            Word documents are read with pandoc ('apt-get install pandoc'). Markdown policies (.md) and \
            policies as plain text (.txt) in the 'Last Updated:' layout are accepted too.
            """)

    @Argument(help: ArgumentHelp("The documents to import: .docx, .md or .txt.", valueName: "file"))
    var files: [String]
    @OptionGroup var content: ContentOption
    @Option(name: .long, help: ArgumentHelp("Where pictures go: assets/SLUG/ below this folder.", valueName: "dir"))
    var templates = "templates"
    @Flag(name: .long, help: "Replace policies (and pictures) that already exist.")
    var force = false

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("no file to import, expected one or more Word documents, such as 'policysite import Policies/*.docx'")
        }
    }

    func run() throws {
        let cycle = try reviewCycle()
        let run = PolicyImport(importer: PolicyImporter(pandoc: Pandoc.locate(), reviewCycleMonths: cycle),
                               contentDirectory: content.content, templatesDirectory: templates, force: force)
        let result: PolicyImport.Result
        do {
            result = try Progress.step("Importing \(files.count) \(files.count == 1 ? "file" : "files")") { try run.run(files) }
        } catch let error as PolicySiteError {
            let exit = Report.refused(error, what: "import")
            Terminal.standardError("Nothing was written.")
            throw exit
        } catch let error as PolicyImport.PandocMissing {
            Terminal.standardError("error: \(error.localizedDescription)")
            throw ExitCode(1)
        } catch let error as ImportWriter.Failure {
            Terminal.standardError("\(error.path):1:1: error: \(error.reason)")
            throw ExitCode(1)
        }
        // Each imported text is its policy's first approved version (unless one is recorded
        // already): edits before the first review then show as such.
        let store = ApprovedVersionStore(contentDirectory: content.content)
        for (_, path, _) in result.policies {
            let slug = String(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                _ = try store.recordFirstApprovedVersion(policyText: text, slug: slug, policyFile: path, today: Clock.today())
            } catch let error as PolicySiteError {
                throw Report.refused(error, what: "import")
            }
        }
        for (policy, path, replaced) in result.policies {
            var facts = ["'\(policy.title)'", "last updated \(policy.lastUpdated.spelledOut)", "next review \(policy.nextReview.spelledOut)"]
            if let owner = policy.owner { facts.append("owner \(owner)") }
            facts.append("\(policy.headings) \(policy.headings == 1 ? "heading" : "headings")")
            if !policy.assets.isEmpty { facts.append("\(policy.assets.count) \(policy.assets.count == 1 ? "picture" : "pictures")") }
            Terminal.standardOutput("\(policy.source) -> \(path)\(replaced ? " (replaced)" : ""): \(facts.joined(separator: ", "))")
        }
        Report.warnings(result.warnings)
        let count = result.policies.count
        let warnings = result.warnings.count
        Terminal.standardOutput("Imported \(count) \(count == 1 ? "policy" : "policies")"
            + (warnings == 0 ? "." : ", with \(warnings) \(warnings == 1 ? "warning" : "warnings") to look at.")
            + " Next: 'policysite check', then 'policysite build'.")
    }

    /// `review.cycle-months` of site.yml: a missing review date is worked out with it.
    private func reviewCycle() throws -> Int {
        do {
            return try ContentLoader().loadConfiguration(from: content.content).reviewCycleMonths
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "import")
        }
    }
}
