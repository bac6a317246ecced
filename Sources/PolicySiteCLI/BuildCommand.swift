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
    @Option(name: .long, help: ArgumentHelp("Where the site is written: a new or empty folder, or one an earlier build wrote. Everything in it is replaced.", valueName: "dir"))
    var output = "site"
    @OptionGroup var asOf: AsOfOption
    @Flag(name: .customLong("no-wait"), help: "If another build is writing into the same output folder, stop at once (exit 1) instead of waiting for it.")
    var noWait = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("'--output' is an empty path, expected a folder for the site, such as 'site'") }
    }

    func run() throws {
        let days = asOf.days
        var options = BuildOptions(contentDirectory: content.content, templatesDirectory: templates.templates,
                                   outputDirectory: output, asOf: days.asOf, today: days.today)
        // Only a report for today is a release; a view of the past never adds to the ledger.
        options.writesLedger = days.asOf == days.today
        let waiting: OutputLock.Waiting = noWait ? .fail : .wait(announce: { Terminal.standardError($0) })
        do {
            let outcome = try Progress.step("Building the site") { try SiteBuilder().build(options, waiting: waiting) }
            Report.warnings(outcome.warnings)
            print("Built \(outcome.fileCount) files into \(output)/ as of \(options.asOf).")
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "build")
        }
    }
}
