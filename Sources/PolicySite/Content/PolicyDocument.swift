/// One policy as its author wrote it: metadata from the front matter and a Markdown body.
public struct PolicyDocument: Sendable, Hashable {
    /// A past review, as listed under `history`.
    public struct Review: Sendable, Hashable {
        public var reviewed: ReviewDate
        public var note: String?

        public init(reviewed: ReviewDate, note: String? = nil) {
            self.reviewed = reviewed
            self.note = note
        }
    }

    /// The file name without `.md`: `[a-z0-9-]`, used in the page's address.
    public var slug: String
    public var title: String
    public var summary: String?
    /// The role responsible for the policy.
    public var owner: String?
    public var lastUpdated: ReviewDate
    public var nextReview: ReviewDate
    /// Past reviews, oldest first.
    public var history: [Review]
    public var markdown: String
    /// The file it came from, for diagnostics.
    public var sourcePath: String
    /// The file line on which `markdown` starts, to point diagnostics about the body at the file.
    var bodyFirstLine: Int

    public init(slug: String, title: String, summary: String? = nil, owner: String? = nil,
                lastUpdated: ReviewDate, nextReview: ReviewDate, history: [Review] = [],
                markdown: String, sourcePath: String, bodyFirstLine: Int = 1) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.owner = owner
        self.lastUpdated = lastUpdated
        self.nextReview = nextReview
        self.history = history
        self.markdown = markdown
        self.sourcePath = sourcePath
        self.bodyFirstLine = bodyFirstLine
    }
}
