/// A policy with its review status on the site's reference day.
public struct Policy: Sendable {
    public var document: PolicyDocument
    public var schedule: ReviewSchedule
    public var status: ReviewStatus
    /// The banner's sentence, e.g. "This policy was due for review in September 2017, 9 years and 2 months ago."
    var statusSentence: String
    /// The texts approved at its reviews (`approved/SLUG/*.md`), oldest first; empty when none is recorded.
    var versions: [ApprovedVersion]
    /// True when the text differs from the last approved version (false when none is recorded).
    var editedSinceReview: Bool

    public init(document: PolicyDocument, schedule: ReviewSchedule, asOf: CalendarDay, versions: [ApprovedVersion] = []) {
        self.document = document
        self.schedule = schedule
        self.status = schedule.status(on: asOf)
        self.statusSentence = schedule.sentence(on: asOf)
        self.versions = versions
        self.editedSinceReview = versions.last.map { !$0.matches(document) } ?? false
    }

    public var slug: String { document.slug }
}
