/// The columns a moderation log may have (DESIGN.md); any other column is refused.
public enum ModerationLogColumn: String, Sendable, CaseIterable {
    case date
    case category
    case actions
    case account
    case hoursToAction = "hours-to-action"

    public var isRequired: Bool { self == .date || self == .category || self == .actions }

    /// How a cell of this column must be written, for messages.
    var form: String {
        switch self {
        case .date: "a date YYYY-MM-DD (or an ISO 8601 date-time)"
        case .category: "a category key from site.yml"
        case .actions: "action keys from site.yml separated by ';'"
        case .account: "empty, or a pseudonym: p- followed by 8 to 64 lowercase hex digits (as made by 'policysite anonymise')"
        case .hoursToAction: "empty, or a non-negative number of hours such as 3.5"
        }
    }

    static let headerForm = "a header row naming date, category and actions (and optionally account, hours-to-action)"
}
