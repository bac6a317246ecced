import ArgumentParser
import Foundation
import PolicySite

/// `--content DIR`, shared by every command that reads a site.
struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content directory, holding site.yml and policies/.", valueName: "dir"))
    var content = "content"
}

/// `--templates DIR`.
struct TemplatesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's own templates and assets; each file replaces the built-in one of the same name. Need not exist.", valueName: "dir"))
    var templates = "templates"
}

/// `--as-of YYYY-MM-DD`: the day review statuses are worked out for.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Work out review statuses as on this day instead of today (UTC).", valueName: "yyyy-mm-dd"),
            transform: { text in
                guard let day = CalendarDay(iso: text) else {
                    throw ValidationError("'--as-of \(text)' is not a date, expected YYYY-MM-DD such as 2026-11-24")
                }
                guard ReviewDate.supportedYears.contains(day.year) else {
                    throw ValidationError("'--as-of \(text)' is outside the years this tool supports, expected a day in a year \(ReviewDate.supportedYearsText)")
                }
                return day
            })
    var asOf: CalendarDay?

    /// `--as-of`, or today's date in UTC, read from the clock once.
    var day: CalendarDay { asOf ?? Clock.today() }

    /// The as-of day and the real today, from one reading of the clock.
    var days: (asOf: CalendarDay, today: CalendarDay) {
        let today = Clock.today()
        return (asOf ?? today, today)
    }
}

/// Prints what a refused input did wrong, one line per problem, and ends with exit status 1.
enum Report {
    static func warnings(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Terminal.standardError(Terminal.describe(diagnostic)) }
    }

    static func refused(_ error: PolicySiteError, what: String) -> ExitCode {
        for diagnostic in error.diagnostics { Terminal.standardError(Terminal.describe(diagnostic)) }
        let count = error.diagnostics.filter { $0.severity == .error }.count
        Terminal.standardError("\(what) refused: \(count) \(count == 1 ? "error" : "errors")")
        return ExitCode(1)
    }
}

enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
