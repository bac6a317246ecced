import ArgumentParser
import PolicySite

/// `policysite review`: records a policy's review in its front matter, changing nothing else.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a policy's review: update last-updated and next-review, and add a history entry.",
        discussion: """
            Only those front-matter lines change; the body, other keys, comments, quoting and line \
            endings are kept exactly. Dates may not move backwards. Rebuild the site afterwards.
            """)

    @Argument(help: ArgumentHelp("The policy's slug: its file name without .md.", valueName: "slug"))
    var slug: String
    @Option(help: ArgumentHelp("When the policy was reviewed.", valueName: "yyyy-mm"), transform: Self.date("--reviewed"))
    var reviewed: ReviewDate
    @Option(help: ArgumentHelp("When it is next due for review (default: --reviewed plus the review cycle in site.yml).", valueName: "yyyy-mm"),
            transform: Self.date("--next"))
    var next: ReviewDate?
    @Option(help: ArgumentHelp("A note for the review history, such as 'Annual review; no changes.'", valueName: "text"))
    var note: String?
    @OptionGroup var content: ContentOption

    /// `YYYY-MM` (or a day, `YYYY-MM-DD`); anything else is a usage error.
    static func date(_ option: String) -> @Sendable (String) throws -> ReviewDate {
        { text in
            guard text.count == 7 || text.count == 10, let date = ReviewDate(parsing: text), date.description == text else {
                throw ValidationError("'\(option) \(text)' is not a month, expected YYYY-MM such as 2026-11")
            }
            return date
        }
    }

    func validate() throws {
        if let note, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("'--note' is empty, expected a few words such as 'Annual review'")
        }
    }

    var request: PolicyReviewEditor.Request {
        PolicyReviewEditor.Request(slug: slug, reviewed: reviewed, next: next, note: note)
    }

    func run() throws {
        do {
            let outcome = try PolicyReviewEditor().review(request, contentDirectory: content.content)
            print("Recorded the review of \(slug) in \(outcome.path): last updated \(outcome.lastUpdated.spelledOut), next review due \(outcome.nextReview.spelledOut).")
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "review")
        }
    }
}
