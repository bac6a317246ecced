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

    @Argument(help: ArgumentHelp("The policy: its slug (twitter-policy) or its file (twitter-policy.md).", valueName: "policy"))
    var slug: String
    @Option(help: ArgumentHelp("When the policy was reviewed: 'November 2026', 'Nov 2026', 2026-11 or 2026-11-24.", valueName: "date"),
            transform: Self.date("--reviewed"))
    var reviewed: ReviewDate
    @Option(help: ArgumentHelp("When it is next due for review (default: --reviewed plus the review cycle in site.yml).", valueName: "date"),
            transform: Self.date("--next"))
    var next: ReviewDate?
    @Option(help: ArgumentHelp("A note for the review history, such as 'Annual review; no changes.'", valueName: "text"))
    var note: String?
    @Flag(name: .customLong("allow-future"), help: "Record a review dated after today (refused otherwise, as a likely typing mistake).")
    var allowFuture = false
    @OptionGroup var content: ContentOption

    /// Every form the front matter accepts (`November 2026`, `Nov 2026`, `2026-11`, `2026-11-24`);
    /// anything else is a usage error.
    static func date(_ option: String) -> @Sendable (String) throws -> ReviewDate {
        { text in
            guard let date = ReviewDate(parsing: text) else {
                let problem = ReviewDate.problem(with: text)
                throw ValidationError("'\(option) \(text)': \(problem.what), expected \(problem.expected)")
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
        PolicyReviewEditor.Request(slug: slug, reviewed: reviewed, next: next, note: note, today: Clock.today(), allowFuture: allowFuture)
    }

    func run() throws {
        do {
            let outcome = try PolicyReviewEditor().review(request, contentDirectory: content.content)
            let request = self.request
            print("Recorded the review of \(request.slug) in \(outcome.path): last updated \(outcome.lastUpdated.spelledOut), next review due \(outcome.nextReview.spelledOut).")
            if let approved = outcome.approvedVersionPath {
                print("Kept the approved text in \(approved).")
            } else {
                print("The text is the one approved before; no new approved version was needed.")
            }
        } catch let error as PolicySiteError {
            throw Report.refused(error, what: "review")
        }
    }
}
