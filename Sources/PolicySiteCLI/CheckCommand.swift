import ArgumentParser
import PolicySite

/// `policysite check`: every problem a build would refuse, with nothing written.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates for every problem a build would refuse, writing nothing.",
        discussion: "Every problem is printed as FILE:LINE:COLUMN: error: WHAT, expected FORM, followed by the number of errors and warnings. The exit status is 1 when there is an error.")

    @OptionGroup var content: ContentOption
    @OptionGroup var templates: TemplatesOption
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let days = asOf.days
        let options = BuildOptions(contentDirectory: content.content, templatesDirectory: templates.templates, asOf: days.asOf, today: days.today)
        let diagnostics = try Progress.step("Checking the site") { try SiteChecker().check(options) }
        for diagnostic in diagnostics { Terminal.standardError(Terminal.describe(diagnostic)) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let summary = "\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
        guard errors == 0 else {
            Terminal.standardError(summary)
            throw ExitCode(1)
        }
        Terminal.standardOutput("No problems that stop a build: \(summary).")
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
