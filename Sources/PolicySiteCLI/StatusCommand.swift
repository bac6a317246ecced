import ArgumentParser
import PolicySite

/// `policysite status`: every policy's review status, the most urgent first.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which policies are current, due for review soon, or overdue.",
        discussion: """
            Prints a table, overdue first, or with --format json the policysite/status/v1 document \
            (the same as the built site's status.json). With --fail-on the exit status is 3 when any \
            policy is at or past that state, for a scheduled job or CI.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case overdue
        case dueSoon = "due-soon"

        var status: ReviewStatus { self == .overdue ? .overdue : .dueSoon }
    }

    /// The exit status when `--fail-on` finds a policy at or past its state (DESIGN.md).
    static let alarmExitCode: Int32 = 3

    @OptionGroup var content: ContentOption
    @OptionGroup var asOf: AsOfOption
    @Option(help: "The output: a table for people, or JSON (schema policysite/status/v1).")
    var format: Format = .text
    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit with status 3 when any policy is at or past this state.", valueName: "overdue|due-soon"))
    var failOn: Threshold?

    /// What the command prints, and the exit status it ends with.
    struct Outcome {
        var output: String
        var warnings: [Diagnostic]
        var exitCode: Int32
    }

    /// Everything but printing, so tests can run the command in-process.
    func outcome() throws -> Outcome {
        let (report, warnings) = try StatusReport.load(from: content.content, asOf: asOf.day)
        let output = format == .json ? report.json() : report.table()
        let alarm = failOn.map { report.hasPolicy(atOrPast: $0.status) } ?? false
        return Outcome(output: output, warnings: warnings, exitCode: alarm ? Self.alarmExitCode : 0)
    }

    func run() throws {
        let outcome: Outcome
        do {
            outcome = try self.outcome()
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "status")
        }
        Report.warnings(outcome.warnings)
        print(outcome.output, terminator: "")
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
