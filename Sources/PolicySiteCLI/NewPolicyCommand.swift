import ArgumentParser
import Foundation
import PolicySite

/// `policysite new policy TITLE`: a new policy file with front matter and headings to fill in.
struct NewPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Create content/policies/SLUG.md for a new policy.",
        discussion: "The file name comes from the title (\"Parent Code of Conduct\" becomes parent-code-of-conduct.md). It is last updated this month and next reviewed one review cycle (review.cycle-months in site.yml) later. An existing file is never overwritten.")

    @Argument(help: "The policy's title, in quotes.")
    var title: String
    @OptionGroup var content: ContentOption

    func validate() throws {
        guard Slug.make(from: title) != nil else {
            throw ValidationError("the title '\(title)' has no letters or digits to make a file name from, expected a title such as \"Parent Code of Conduct\"")
        }
    }

    func run() throws {
        guard let slug = Slug.make(from: title) else { throw ValidationError("the title '\(title)' has no letters or digits to make a file name from") }  // validate() refused it already
        let cycle = try reviewCycle()
        let policies = (content.content as NSString).appendingPathComponent("policies")
        let path = (policies as NSString).appendingPathComponent("\(slug).md")
        let today = Clock.today()
        let month = today.calendarMonth
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Report.refused(PolicySiteError(.error(at: SourceLocation(file: path), "a policy called '\(slug)' already exists; it was left as it is",
                                                        expected: "a different title, or edit the existing file")), what: "new policy")
        }
        let text = PolicyScaffold.text(title: title, month: month, cycleMonths: cycle)
        do {
            try FileManager.default.createDirectory(atPath: policies, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw Report.refused(PolicySiteError(.error(at: SourceLocation(file: path), "could not write the file: \(error.localizedDescription)",
                                                        expected: "a content folder you may write to")), what: "new policy")
        }
        // Its first text is its first approved version: edits before the first review show as such.
        do {
            try ApprovedVersionStore(contentDirectory: content.content).recordFirstApprovedVersion(policyText: text, slug: slug, policyFile: path, today: today)
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "new policy")
        }
        Terminal.standardOutput("""
            Created \(path)
              last updated \(month.spelledOut), next review \(month.adding(months: cycle).spelledOut).
            Edit it, then see it with 'policysite serve'.
            """)
    }

    /// `review.cycle-months` of site.yml; the policy's dates depend on it, so site.yml must be sound.
    private func reviewCycle() throws -> Int {
        do {
            return try ContentLoader().loadConfiguration(from: content.content).reviewCycleMonths
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "new policy")
        }
    }
}
