/// A policy with its review status on the site's reference day.
public struct Policy: Sendable {
    public var document: PolicyDocument
    public var schedule: ReviewSchedule
    public var status: ReviewStatus
    /// The banner's sentence, e.g. "This policy was due for review in September 2017, 9 years and 2 months ago."
    public var statusSentence: String

    public init(document: PolicyDocument, schedule: ReviewSchedule, asOf: CalendarDay) {
        self.document = document
        self.schedule = schedule
        self.status = schedule.status(on: asOf)
        self.statusSentence = schedule.sentence(on: asOf)
    }

    public var slug: String { document.slug }
}
