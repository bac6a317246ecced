import ArgumentParser
import Foundation
import PolicySite

/// `policysite init DIR`: a new site that builds as it is, to be edited from there.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site in a new or empty folder.",
        discussion: "Writes content/site.yml (every setting explained), one example policy and an empty moderation log. The built-in theme is used until you add a templates folder.")

    @Argument(help: ArgumentHelp("The folder for the new site; it must not exist yet, or be empty.", valueName: "dir"))
    var directory: String

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the folder for the new site is an empty path, expected a folder name such as 'policies-site'") }
    }

    func run() throws {
        try refuseNonEmpty(directory)
        let today = Clock.today()
        let files = SiteScaffold.files(month: today.calendarMonth)
        for file in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, options: .withoutOverwriting)
            } catch {
                throw Report.refused(PolicySiteError(.error(at: SourceLocation(file: url.path), "could not write the file: \(error.localizedDescription)",
                                                            expected: "a folder you may write to")), what: "init")
            }
        }
        // The example policy's text is its first approved version, as for every new policy.
        let content = (directory as NSString).appendingPathComponent("content")
        for file in files where file.path.hasPrefix("content/policies/") && file.path.hasSuffix(".md") {
            let path = (directory as NSString).appendingPathComponent(file.path)
            do {
                try ApprovedVersionStore(contentDirectory: content).recordFirstApprovedVersion(
                    policyText: String(decoding: file.contents, as: UTF8.self), slug: String((file.path as NSString).lastPathComponent.dropLast(3)),
                    policyFile: path, today: today)
            } catch let error as PolicySiteError {
                throw Report.refused(error, what: "init")
            }
        }
        Terminal.standardOutput(Self.nextSteps(directory))
    }

    private func refuseNonEmpty(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        let entries = isDirectory.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: directory)) : nil
        guard let entries, entries.isEmpty else {
            let what = isDirectory.boolValue ? "the folder '\(directory)' is not empty" : "'\(directory)' is a file"
            throw Report.refused(PolicySiteError(.error(at: SourceLocation(file: directory), "\(what); init never overwrites anything",
                                                        expected: "a new folder name, or an empty folder")), what: "init")
        }
    }

    static func nextSteps(_ directory: String) -> String {
        """
        Created a new site in \(directory)/:
          content/site.yml                          your organisation and settings (every key explained)
          content/policies/\(SiteScaffold.examplePolicySlug).md   an example policy
          content/moderation-log.csv                the anonymised moderation log (header only)
          content/approved/                         each policy's text as approved at its reviews (kept by policysite)

        Next steps:
          cd \(directory)
          1. Edit content/site.yml: your organisation's name, base-url and contact.
          2. policysite new policy "Parent Code of Conduct"   add a policy
          3. policysite serve                                 preview at http://127.0.0.1:8000/ while you edit
          4. policysite check                                 list every problem at once
          5. policysite build                                 write the site into site/

        The built-in theme is used. To change a page, put a file of the same name in templates/
        (for example templates/assets/site.css); it replaces the built-in one.
        """
    }
}
