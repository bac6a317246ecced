extension StatusReport {
    /// The `policysite/status/v1` document (DESIGN.md, `schemas/status-v1.schema.json`),
    /// written by hand so that its bytes never vary: keys in the order DESIGN.md lists them
    /// (`schema`, `asOf`, `policies`; in each policy `slug`, `title`, `lastUpdated`,
    /// `nextReview`, `status`, `dueSoonFrom`, `overdueFrom`, then the keys added since: `owner`
    /// (a string or null) and `editedSinceReview`), two-space indent, final newline.
    public func json() -> String {
        var out = "{\n"
        out += "  \"schema\": \(JSONText.string(Self.schema)),\n"
        out += "  \"asOf\": \(JSONText.string(asOf.description)),\n"
        guard !entries.isEmpty else { return out + "  \"policies\": []\n}\n" }
        out += "  \"policies\": [\n"
        for (index, entry) in entries.enumerated() {
            let fields = [
                ("slug", entry.slug), ("title", entry.title),
                ("lastUpdated", entry.lastUpdated.description), ("nextReview", entry.nextReview.description),
                ("status", entry.status.rawValue),
                ("dueSoonFrom", entry.dueSoonFrom.description), ("overdueFrom", entry.overdueFrom.description),
            ]
            out += "    {\n"
            out += fields.map { "      \(JSONText.string($0.0)): \(JSONText.string($0.1))" }.joined(separator: ",\n")
            out += ",\n      \"owner\": \(entry.owner.map(JSONText.string) ?? "null")"
            out += ",\n      \"editedSinceReview\": \(entry.editedSinceReview)"
            out += "\n    }\(index == entries.count - 1 ? "" : ",")\n"
        }
        return out + "  ]\n}\n"
    }
}
