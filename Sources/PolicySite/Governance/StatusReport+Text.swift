extension StatusReport {
    /// The table `policysite status` prints: one row per policy, the most urgent first,
    /// columns padded to line up, then a one-line summary.
    public func table() -> String {
        let header = ["Policy", "Last updated", "Next review", "Status", "Owner", "Due"]
        let rows = entries.map { entry in
            [entry.title, entry.lastUpdated.spelledOut, entry.nextReview.spelledOut,
             entry.status.rawValue + (entry.editedSinceReview ? ", edited" : ""), entry.owner ?? "-", entry.timing]
        }
        let widths = header.indices.map { column in
            rows.map { $0[column].count }.reduce(header[column].count, max)
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            return padded.joined(separator: "  ")
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        lines.append("")
        lines.append(summary())
        let edited = entries.filter(\.editedSinceReview)
        if !edited.isEmpty {
            lines.append("Edited since its last review (the published text is not the one approved): "
                         + edited.map { entry in "\(entry.title)\(entry.lastApproved.map { " (approved \($0.spelledOut))" } ?? "")" }.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "As of 2017-08-15: 1 overdue, 1 due soon, 2 current (4 policies)."
    public func summary() -> String {
        let total = entries.count == 1 ? "1 policy" : "\(entries.count) policies"
        return "As of \(asOf): \(count(.overdue)) overdue, \(count(.dueSoon)) due soon, \(count(.current)) current (\(total))."
    }
}
