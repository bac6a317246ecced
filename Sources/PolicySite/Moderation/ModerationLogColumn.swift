/// The columns a moderation log may have (docs/moderation-log.md); any other column is refused.
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

    /// A header cell the format does not know, quoted only when it looks like a column name;
    /// a log without its header row would otherwise print its first data row here.
    static func quotedName(_ name: String) -> String {
        let plain = !name.isEmpty && name.count <= 32 && name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " ") })
        guard plain, AnonymityGuard.inspect(name) == nil, !LogCellDescription.looksLikeNameOrAddress(name) else {
            return "named in this cell"
        }
        return "'\(name)'"
    }

    static let headerForm = "a header row naming date, category and actions (and optionally account, hours-to-action)"
}
