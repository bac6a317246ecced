import ArgumentParser
import Foundation
import PolicySite

/// `policysite anonymise`: a working log with real handles becomes the published moderation log.
struct AnonymiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymise",
        abstract: "Turn a working moderation log into the anonymised log the site publishes from.",
        discussion: """
            Each handle becomes a pseudonym (p- and 16 hex digits of HMAC-SHA256 with the key), so the \
            same handle always gives the same pseudonym; every column other than date, category, actions, \
            handle and hours-to-action is dropped. Keep the key file private and outside the content directory.
            """)

    @Argument(help: ArgumentHelp("The working log: CSV with date, category, actions, handle and any notes.", valueName: "raw.csv"))
    var raw: String

    @Option(name: .customLong("key-file"), help: ArgumentHelp("The secret key for pseudonyms; must not be inside the content directory.", valueName: "file"))
    var keyFile: String

    @Option(name: .long, help: ArgumentHelp("Where to write the anonymised log (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("new-key"), help: "Create a random key file (readable only by you) if it does not exist yet.")
    var newKey = false

    @OptionGroup var content: ContentOption
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if let output, URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: raw).standardizedFileURL {
            throw ValidationError("--output must not be the working log itself")
        }
    }

    func run() throws {
        do {
            if let output { try Anonymiser.checkOutput(output, raw: raw) }
            let configuration = try ContentLoader().load(from: content.content).configuration
            let key = try PseudonymKey.load(path: keyFile, contentDirectory: content.content, create: newKey)
            let anonymiser = Anonymiser(key: key, categories: configuration.categories, actions: configuration.actions, asOf: asOf.day)
            let text = try anonymiser.anonymise(path: raw)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "anonymise")
        }
    }
}
