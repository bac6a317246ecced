import ArgumentParser
import PolicySite

/// `policysite build`: the whole site, published atomically into the output directory.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output directory.",
        discussion: "Nothing is written unless the whole build succeeds: a refused build leaves the previous site exactly as it was.")

    @OptionGroup var content: ContentOption
    @OptionGroup var templates: TemplatesOption
    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "site"
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let days = asOf.days
        var options = BuildOptions(contentDirectory: content.content, templatesDirectory: templates.templates,
                                   outputDirectory: output, asOf: days.asOf, today: days.today)
        // A build for today publishes: it adds its months to the report ledger (see the README).
        options.writesLedger = days.asOf == days.today
        do {
            let outcome = try Progress.step("Building the site") { try SiteBuilder().build(options) }
            Report.warnings(outcome.warnings)
            if outcome.wroteLedger { print("Recorded the report's complete months in the report ledger (\(content.content)/report-ledger.txt): commit it with the content.") }
            print("Built \(outcome.fileCount) files into \(output)/ as of \(options.asOf).")
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "build")
        }
    }
}
